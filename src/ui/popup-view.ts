import { isHttpUrl } from '../core/url.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import type { ArticleRef, AppearanceTimes, CreditedVerdict, DisputedVerdict, Evidence, NoneVerdict, UncreditedVerdict, Verdict } from '../core/verdict.ts';
import { isExcludedHost, type Settings } from '../ext/settings-schema.ts';
import type { TabVerdict } from '../ext/tab-verdicts.ts';
import { el } from './dom.ts';
import { coverageSentence, creditSentence, differingWords, formatDate, outletOf, percent, plural } from './format.ts';
import { currentLookup, isRunning, lookupDetails, lookupHeadline, type LookupRequestState } from './lookup-status.ts';

/** What the reader can do from the popup; the controller carries each out. */
export interface PopupActions {
  openLibrary(): void;
  setPaused(paused: boolean): void;
  /** Never check `site` again (`exclude`), or check it again. */
  excludeSite(site: string, exclude: boolean): void;
  /** Read this page again (the tab is loaded again). */
  recheck(): void;
  /** "This is wrong": this page does not derive from `original` (what the reader saw is passed for the list). */
  notDerived?(pair: { page: string; original: string; pageTitle?: string; originalTitle?: string }, outlet: string): void;
  /** Trust `site` (its articles are never flagged), or take that back. */
  trustSite?(site: string, trust: boolean): void;
}

/** What the popup adds to the stored verdict: the reader's settings, the library, the lookup request, the actions. */
export interface PopupUi extends LookupRequestState {
  onLookup?: () => void;
  /** The reader's settings, once read. */
  settings?: Pick<Settings, 'paused' | 'excludedSites'>;
  /** Articles in the library, counted as the library page counts them (`storage-info`). */
  libraryArticles?: number;
  /** The tab was open before Unspun was installed or updated, and could not be read where it was: it needs loading again. */
  needsReload?: boolean;
  /** The page is being read again since this time (ISO), until a newer record arrives. */
  recheckingSince?: string;
  /** What the reader's last action did, for the status line. */
  said?: { text: string; error?: boolean };
  /** Takes back the reader's last correction; its button is named by `label`. */
  undo?: { label: string; run: () => void };
  /** Sites the reader trusts (`unspun/corrections-list`), once read. */
  trustedSites?: string[];
  actions?: PopupActions;
}

/** The parts kept from one render to the next: the live regions and the buttons keep focus and announce changes. */
interface Parts {
  verdict: HTMLElement;
  lookup: HTMLElement;
  actions: HTMLElement;
  button: HTMLButtonElement;
  live: HTMLElement;
  details: HTMLElement;
  controls: Record<ControlName, HTMLButtonElement>;
  said: HTMLElement;
  undo: HTMLButtonElement;
  wrong: HTMLDetailsElement;
  footer: HTMLElement;
}
type ControlName = 'recheck' | 'pause' | 'site' | 'library' | 'notDerived' | 'trust';
const parts = new WeakMap<HTMLElement, Parts>();
const handlers = new WeakMap<HTMLButtonElement, (() => void) | undefined>();

/** What Unspun knows of the tab, beyond its stored record: checking paused, the site excluded. */
export type PopupState = 'paused' | 'excluded' | 'unchecked' | 'reload-to-check' | Verdict['kind'];

/**
 * Renders the popup for a tab's verdict into `root` (text only: page text is never HTML). Called
 * again on every change of the tab's record or of the settings; the live regions and the buttons are kept.
 */
export function renderPopup(root: HTMLElement, state: TabVerdict | undefined, ui: PopupUi = {}, now = Date.now()): void {
  const site = state && isHttpUrl(state.url) ? siteOf(state.url) : '';
  const excluded = !!site && !!ui.settings && isExcludedHost(new URL(state!.url).hostname, ui.settings.excludedSites);
  const paused = !!ui.settings?.paused;
  // A record the background wrote without reading the page (paused, excluded at the time) is no verdict.
  const skipped = state?.verdict.kind === 'none' && SKIPPED.has(state.verdict.reason) ? state.verdict.reason : undefined;
  const known = state && !skipped ? state : undefined;
  const reload = !state && !!ui.needsReload;
  const shown: PopupState = excluded ? 'excluded' : paused && !known ? 'paused' : (known?.verdict.kind ?? (reload ? 'reload-to-check' : 'unchecked'));
  root.dataset.verdict = shown;
  const p = skeleton(root);
  p.verdict.replaceChildren(
    ...(excluded
      ? [
          status(
            'Not checked: site excluded',
            `You told Unspun never to check ${site}, so it does not read this page. Choose "Check ${site} again" below to undo that.`,
          ),
        ]
      : paused && !known
        ? [
            status(
              'Checking is paused',
              'Unspun reads no pages while checking is paused, so it has not checked this one. Resume checking, then check this page.',
            ),
          ]
        : [
            paused
              ? el(
                  'p',
                  { class: 'paused-note', data: { role: 'paused-note' } },
                  'Checking is paused: Unspun reads no new pages. What follows is what it found before.',
                )
              : null,
            ...(reload
              ? [
                  status(
                    'Reload to check',
                    'This tab was already open when Unspun was installed or updated, and Unspun could not read it where it was. Reload this page to have it checked.',
                  ),
                ]
              : body(known, skipped)),
          ].filter((n): n is HTMLElement => !!n)),
  );
  p.footer.textContent = ui.libraryArticles === undefined ? '' : `Your library: ${plural(ui.libraryArticles, 'article')} on this device.`;

  const isArticle = !!known && known.verdict.kind !== 'not-article' && !excluded;
  const lookup = isArticle ? currentLookup(known.lookup, ui) : undefined;
  const running = !!ui.pending || isRunning(lookup, now);
  handlers.set(p.button, ui.onLookup);
  p.button.disabled = running;
  p.button.textContent = running ? 'Looking for the original…' : 'Look for the original';
  p.actions.replaceChildren(...(isArticle ? [p.button] : []));
  const headline = isArticle ? lookupHeadline(lookup, ui, now) : '';
  // Rewritten only when it changes, so a screen reader announces each step once.
  if (p.live.textContent !== headline) p.live.textContent = headline;
  p.live.className = ui.error || lookup?.outcome === 'error' ? 'lookup-status error' : 'lookup-status';
  p.details.replaceChildren(...(isArticle ? lookupDetails(lookup, ui) : []));
  // Nothing to look up on a page that is no article: the section goes, its separator with it.
  p.lookup.hidden = !isArticle;

  const a = ui.actions;
  const c = p.controls;
  const rechecking = !!ui.recheckingSince;
  show(c.recheck, !!a && !paused && !excluded, known ? 'Check this page again' : reload ? 'Reload this page' : 'Check this page', () => a?.recheck());
  c.recheck.disabled = rechecking;
  if (rechecking) c.recheck.textContent = 'Checking this page…';
  show(c.pause, !!a && !!ui.settings, paused ? 'Resume checking' : 'Pause checking', () => a?.setPaused(!paused));
  show(c.site, !!a && !!ui.settings && !!site, excluded ? `Check ${site} again` : `Never check ${site}`, () => a?.excludeSite(site, !excluded));
  show(c.library, !!a, 'Open your library', () => a?.openLibrary());
  // "This is wrong", on a verdict that names an article: not from that article, or trust this site.
  const named = known && !excluded ? namedArticle(known.verdict) : undefined;
  const trusted = !!site && !!ui.trustedSites?.includes(site);
  const canCorrect = !!a?.notDerived && !!a.trustSite && !!named;
  p.wrong.hidden = !canCorrect;
  show(c.notDerived, canCorrect, named ? `This page is not from ${outletOf(named)}'s article` : '', () => {
    if (!known || !named) return;
    a?.notDerived?.(
      {
        page: known.articleId ?? normalizeUrl(known.url),
        original: named.id,
        ...(known.title ? { pageTitle: known.title.slice(0, 300) } : {}),
        ...(named.title ? { originalTitle: named.title.slice(0, 300) } : {}),
      },
      outletOf(named),
    );
  });
  show(c.trust, canCorrect && !!site, trusted ? `Stop trusting ${site}` : `Trust ${site}: never flag its articles`, () => a?.trustSite?.(site, !trusted));
  const said = ui.said?.text ?? '';
  if (p.said.textContent !== said) p.said.textContent = said;
  p.said.className = ui.said?.error ? 'popup-status error' : 'popup-status';
  p.undo.hidden = !ui.undo;
  handlers.set(p.undo, ui.undo?.run);
  if (ui.undo) p.undo.setAttribute('aria-label', ui.undo.label);
  else p.undo.removeAttribute('aria-label');
}

/** The article a verdict names, which the reader may say the page does not come from. */
function namedArticle(v: Verdict): ArticleRef | undefined {
  switch (v.kind) {
    case 'uncredited-rewrite':
    case 'credited':
    case 'disputed':
      return v.original;
    case 'none':
      return v.nearest;
    default:
      return undefined;
  }
}

/** The reasons the background gives for a page it did not read (`skipReason`). */
const SKIPPED = new Set(['checking is paused', 'this site is excluded']);

function show(b: HTMLButtonElement, visible: boolean, text: string, onClick: () => void): void {
  b.hidden = !visible;
  b.disabled = false;
  if (b.textContent !== text) b.textContent = text;
  handlers.set(b, onClick);
}

function button(role: string, text: string): HTMLButtonElement {
  const b = el('button', { data: { role } }, text);
  b.type = 'button';
  b.addEventListener('click', () => handlers.get(b)?.());
  return b;
}

function liveRegion(className: string, role: string): HTMLElement {
  const live = el('p', { class: className, data: { role } });
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  return live;
}

function skeleton(root: HTMLElement): Parts {
  const known = parts.get(root);
  if (known && known.verdict.parentNode === root) return known;
  const lookupButton = button('lookup-start', 'Look for the original');
  lookupButton.className = 'lookup-start';
  const controls = {
    recheck: button('recheck', 'Check this page again'),
    pause: button('pause', 'Pause checking'),
    site: button('exclude-site', 'Never check this site'),
    library: button('open-library', 'Open your library'),
    notDerived: button('not-derived', 'This page is not from that article'),
    trust: button('trust-site', 'Trust this site'),
  };
  const wrong = el(
    'details',
    { class: 'wrong', data: { role: 'wrong' } },
    el('summary', {}, 'This is wrong'),
    el('p', { class: 'muted' }, 'Tell Unspun what it got wrong. It remembers this on this device only, and you can undo it here or on the library page.'),
    el('div', { class: 'wrong-actions' }, controls.notDerived, controls.trust),
  );
  const made: Parts = {
    verdict: el('div', { class: 'verdict' }),
    lookup: el('section', { class: 'lookup' }),
    actions: el('div', { class: 'actions' }),
    button: lookupButton,
    live: liveRegion('lookup-status', 'lookup-status'),
    details: el('div', { class: 'lookup-details' }),
    controls,
    said: liveRegion('popup-status', 'popup-status'),
    undo: button('undo', 'Undo'),
    wrong,
    footer: el('footer', { class: 'muted', data: { role: 'library-count' } }),
  };
  made.lookup.append(made.actions, made.live, made.details);
  const nav = el('nav', { class: 'controls' }, controls.recheck, controls.pause, controls.site, controls.library);
  nav.setAttribute('aria-label', 'Unspun controls');
  made.undo.className = 'undo';
  made.undo.hidden = true;
  root.replaceChildren(
    el('header', { class: 'brand' }, el('strong', {}, 'Unspun')),
    made.verdict,
    made.wrong,
    made.lookup,
    nav,
    made.said,
    made.undo,
    made.footer,
  );
  parts.set(root, made);
  return made;
}

function body(state: TabVerdict | undefined, skipped: string | undefined): Node[] {
  if (!state) {
    return [
      status(
        'Not checked',
        skipped === 'checking is paused'
          ? 'Checking was paused when this page loaded, so Unspun has not read it. Check this page to read it now.'
          : skipped === 'this site is excluded'
            ? "This page's site was excluded when it loaded, so Unspun has not read it. Check this page to read it now."
            : 'Unspun has not read this page. It checks news articles on web pages once they have loaded; a page that was open before Unspun was installed or updated is read once it loads again. Check this page to read it now.',
      ),
    ];
  }
  const v = state.verdict;
  switch (v.kind) {
    case 'uncredited-rewrite':
      return derivation(v);
    case 'credited':
      return derivation(v);
    case 'original':
      return [
        status('Original reporting', 'Other pages were found to copy or rewrite this article:'),
        el('ul', { class: 'refs' }, ...v.derivatives.map((d) => el('li', {}, link(d.url, d.title), ` (${outletOf(d)})`))),
      ];
    case 'disputed':
      return disputed(v, state);
    case 'none':
      return nothingToReport(v);
    case 'not-article':
      // A page refused for its structure says so: the reader should not think it was checked.
      return v.reason.startsWith('too-complex')
        ? [status('Not checked', 'This page is built too deeply to read safely, so Unspun left it alone.')]
        : [
            status(
              'Not a news article',
              'Unspun only checks article pages, and this one did not read as an article. If it is one, check this page again once it has fully loaded.',
            ),
          ];
  }
}

/** Two copies of one article, and the times that could not settle which came first. */
function disputed(v: DisputedVerdict, state: TabVerdict): Node[] {
  const o = v.original;
  const d = v.dispute;
  return [
    el(
      'section',
      { class: 'notice' },
      el('h1', {}, 'Which came first is disputed'),
      el('p', {}, `This page and an article by ${outletOf(o)} are copies of each other, and which one is the original cannot be settled.`),
    ),
    el(
      'section',
      { class: 'copies' },
      copy('This page', el('span', { class: 'title' }, state.title || state.url), '', d.page),
      copy('The other copy', el('a', { href: o.url, data: { originalUrl: o.url } }, o.title || o.url), outletOf(o), d.other),
    ),
    d.why ? el('p', { class: 'why' }, d.why) : null,
    figures(v.evidence, 'the other copy'),
    evidence(v.evidence, false, 'The other copy'),
  ].filter((n): n is HTMLElement => !!n);
}

function copy(label: string, title: HTMLElement, outlet: string, t: AppearanceTimes | undefined): HTMLElement {
  const seen = t?.observed ? `${formatTime(t.observed)}${t.observedBy ? ` (${t.observedBy})` : ''}` : 'unknown';
  return el(
    'div',
    { class: 'copy' },
    el('span', { class: 'label' }, label),
    title,
    outlet ? el('div', { class: 'muted' }, outlet) : null,
    el('div', { class: 'muted' }, `Claims to be published: ${t?.claimed ? formatTime(t.claimed) : 'unknown'}`),
    el('div', { class: 'muted' }, `First seen: ${seen}`),
  );
}

/**
 * No source found; when an article in the library shares some of the page's sentences, it is named
 * with what it shares and why that is not enough, so the reader can judge.
 */
function nothingToReport(v: NoneVerdict): Node[] {
  const n = v.nearest;
  const summary = status(
    'Nothing to report',
    'No article in your library was found to be the source of this page. Look for the original in a news index, or check this page again once your library has grown.',
  );
  if (!n || !v.evidence?.pairs.length) return [summary];
  return [
    summary,
    el(
      'section',
      { class: 'original nearest' },
      el('div', { class: 'label' }, 'Closest article in your library'),
      el('a', { href: n.url, data: { originalUrl: n.url } }, n.title || n.url),
      el('div', { class: 'muted' }, `${outletOf(n)} · ${formatDate(n.published)}`),
    ),
    v.reason ? el('p', { class: 'reason' }, asSentence(v.reason)) : null,
    evidence(v.evidence, false, 'Closest article'),
  ].filter((x): x is HTMLElement => !!x);
}

/** A verdict's reason as a sentence about the page ("retells CNBC's…" → "This page retells CNBC's…."). */
const asSentence = (reason: string) => `${/^[a-z]/.test(reason) ? `This page ${reason}` : reason}.`;

function derivation(v: UncreditedVerdict | CreditedVerdict): Node[] {
  const uncredited = v.kind === 'uncredited-rewrite';
  const o = v.original;
  const e = v.evidence;
  return [
    el(
      'section',
      { class: uncredited ? 'alert' : 'notice' },
      el('h1', {}, uncredited ? 'Uncredited rewrite' : 'Credited copy'),
      el(
        'p',
        {},
        uncredited
          ? `This article appears to be rewritten from ${outletOf(o)}'s reporting, without credit.`
          : `This article is based on ${outletOf(o)}'s reporting and says so.`,
      ),
    ),
    el(
      'section',
      { class: 'original' },
      el('div', { class: 'label' }, 'Original'),
      el('a', { href: o.url, data: { originalUrl: o.url } }, o.title || o.url),
      el('div', { class: 'muted' }, `${outletOf(o)} · ${formatDate(o.published)}`),
    ),
    v.reason ? el('p', { class: 'reason' }, asSentence(v.reason)) : figures(e, 'the original'),
    v.kind === 'credited'
      ? credit(v)
      : el('p', { class: 'credit' }, `Unspun found no credit to ${outletOf(o)} on this page: no link, source line or declaration.`),
    evidence(e, uncredited),
  ].filter((n): n is HTMLElement => !!n);
}

const figures = (e: Evidence, other: string) => el('p', { class: 'figures' }, coverageSentence(e, other));

/** How the page credits its original, in words, with what the reader can see that says so. */
function credit(v: CreditedVerdict): HTMLElement {
  const c = creditSentence(v.credit, v.original);
  return el('p', { class: 'credit', data: { role: 'credit' } }, c.text, c.quote ? el('q', { class: 'credit-quote' }, c.quote) : null);
}

function evidence(e: Evidence, open: boolean, otherLabel = 'Original'): HTMLElement {
  // The list scrolls inside the popup: it takes focus, so a keyboard can scroll it too.
  const pairs = el('ol', {});
  pairs.tabIndex = 0;
  pairs.setAttribute('aria-label', `Sentences of this page beside ${otherLabel === 'Original' ? 'the original' : otherLabel.toLowerCase()}'s`);
  const details = el(
    'details',
    { class: 'evidence' },
    el('summary', {}, `Compare ${plural(e.pairs.length, 'sentence')} with ${otherLabel === 'Original' ? 'the original' : otherLabel.toLowerCase()}`),
    el('p', { class: 'muted legend' }, 'Highlighted words differ between the two.'),
    pairs,
  );
  pairs.append(
    ...e.pairs.map((p) =>
      el(
        'li',
        { class: 'pair' },
        el('div', { class: 'page-sentence' }, el('span', { class: 'label' }, 'This page'), ...marked(p.pageText, p.originalText)),
        el('div', { class: 'original-sentence' }, el('span', { class: 'label' }, otherLabel), ...marked(p.originalText, p.pageText)),
        el('div', { class: 'similarity' }, `${percent(p.similarity)} alike`),
      ),
    ),
  );
  details.open = open;
  return details;
}

/** A sentence as text, with the words the other sentence lacks in <mark> (text nodes only: page text is never HTML). */
const marked = (text: string, other: string): Node[] =>
  differingWords(text, other).map((s) => (s.differs ? el('mark', {}, s.text) : document.createTextNode(s.text)));

const status = (title: string, text: string) => el('section', { class: 'status' }, el('h1', {}, title), el('p', {}, text));

/** Date and time in the reader's locale: which copy came first is a matter of hours. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? 'unknown'
    : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
const link = (url: string, text: string) => el('a', { href: url }, text || url);
