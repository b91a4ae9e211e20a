import { isHttpUrl } from '../core/url.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import type { ArticleRef, AppearanceTimes, CreditedVerdict, DisputedVerdict, Evidence, NoneVerdict, UncreditedVerdict, Verdict } from '../core/verdict.ts';
import { isExcludedHost, type Settings } from '../ext/settings-schema.ts';
import type { TabVerdict } from '../ext/tab-verdicts.ts';
import { el } from './dom.ts';
import { coverageSentence, creditSentence, differingWords, formatDate, outletOf, percent } from './format.ts';
import { t, tRef, type MessageKey, type MessageRef } from './i18n.ts';
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
      ? [status(t('popupExcludedTitle'), t('popupExcludedText', site))]
      : paused && !known
        ? [status(t('popupPausedTitle'), t('popupPausedText'))]
        : [
            paused ? el('p', { class: 'paused-note', data: { role: 'paused-note' } }, t('popupPausedNote')) : null,
            ...(reload ? [status(t('popupReloadTitle'), t('popupReloadText'))] : body(known, skipped)),
          ].filter((n): n is HTMLElement => !!n)),
  );
  p.footer.textContent = ui.libraryArticles === undefined ? '' : counted(ui.libraryArticles, 'popupLibraryCountOne', 'popupLibraryCountMany');

  const isArticle = !!known && known.verdict.kind !== 'not-article' && !excluded;
  const lookup = isArticle ? currentLookup(known.lookup, ui) : undefined;
  const running = !!ui.pending || isRunning(lookup, now);
  handlers.set(p.button, ui.onLookup);
  p.button.disabled = running;
  p.button.textContent = running ? t('popupLookupRunning') : t('popupLookupStart');
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
  show(c.recheck, !!a && !paused && !excluded, known ? t('popupRecheck') : reload ? t('popupReload') : t('popupCheck'), () => a?.recheck());
  c.recheck.disabled = rechecking;
  if (rechecking) c.recheck.textContent = t('popupRechecking');
  show(c.pause, !!a && !!ui.settings, paused ? t('popupResume') : t('popupPause'), () => a?.setPaused(!paused));
  show(c.site, !!a && !!ui.settings && !!site, excluded ? t('popupIncludeSite', site) : t('popupExcludeSite', site), () => a?.excludeSite(site, !excluded));
  show(c.library, !!a, t('popupOpenLibrary'), () => a?.openLibrary());
  // "This is wrong", on a verdict that names an article: not from that article, or trust this site.
  const named = known && !excluded ? namedArticle(known.verdict) : undefined;
  const trusted = !!site && !!ui.trustedSites?.includes(site);
  const canCorrect = !!a?.notDerived && !!a.trustSite && !!named;
  p.wrong.hidden = !canCorrect;
  show(c.notDerived, canCorrect, named ? t('popupNotDerived', outletOf(named)) : '', () => {
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
  show(c.trust, canCorrect && !!site, trusted ? t('popupUntrust', site) : t('popupTrust', site), () => a?.trustSite?.(site, !trusted));
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
  const lookupButton = button('lookup-start', t('popupLookupStart'));
  lookupButton.className = 'lookup-start';
  const controls = {
    recheck: button('recheck', t('popupRecheck')),
    pause: button('pause', t('popupPause')),
    site: button('exclude-site', t('popupExcludeThisSite')),
    library: button('open-library', t('popupOpenLibrary')),
    notDerived: button('not-derived', t('popupNotDerivedThat')),
    trust: button('trust-site', t('popupTrustThisSite')),
  };
  const wrong = el(
    'details',
    { class: 'wrong', data: { role: 'wrong' } },
    el('summary', {}, t('popupWrong')),
    el('p', { class: 'muted' }, t('popupWrongAbout')),
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
    undo: button('undo', t('popupUndo')),
    wrong,
    footer: el('footer', { class: 'muted', data: { role: 'library-count' } }),
  };
  made.lookup.append(made.actions, made.live, made.details);
  const nav = el('nav', { class: 'controls' }, controls.recheck, controls.pause, controls.site, controls.library);
  nav.setAttribute('aria-label', t('popupControls'));
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
        t('popupNotChecked'),
        skipped === 'checking is paused' ? t('popupSkippedPaused') : skipped === 'this site is excluded' ? t('popupSkippedExcluded') : t('popupUnchecked'),
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
        status(t('popupOriginalTitle'), t('popupOriginalText')),
        el('ul', { class: 'refs' }, ...v.derivatives.map((d) => el('li', {}, link(d.url, d.title), ` (${outletOf(d)})`))),
      ];
    case 'disputed':
      return disputed(v, state);
    case 'none':
      return nothingToReport(v);
    case 'not-article':
      // A page refused for its structure says so: the reader should not think it was checked.
      return v.reason.startsWith('too-complex')
        ? [status(t('popupNotChecked'), t('popupTooComplex'))]
        : [status(t('popupNotArticleTitle'), t('popupNotArticleText'))];
  }
}

/** Two copies of one article, and the times that could not settle which came first. */
function disputed(v: DisputedVerdict, state: TabVerdict): Node[] {
  const o = v.original;
  const d = v.dispute;
  return [
    el('section', { class: 'notice' }, el('h1', {}, t('popupDisputedTitle')), el('p', {}, t('popupDisputedText', outletOf(o)))),
    el(
      'section',
      { class: 'copies' },
      copy(t('popupThisPage'), el('span', { class: 'title' }, state.title || state.url), '', d.page),
      copy(t('popupOtherCopy'), el('a', { href: o.url, data: { originalUrl: o.url } }, o.title || o.url), outletOf(o), d.other),
    ),
    d.why || d.whyMessage ? el('p', { class: 'why' }, (d.whyMessage && tRef(d.whyMessage)) || d.why) : null,
    figures(v.evidence, t('popupTheOtherCopy')),
    evidence(v.evidence, false, 'other'),
  ].filter((n): n is HTMLElement => !!n);
}

function copy(label: string, title: HTMLElement, outlet: string, times: AppearanceTimes | undefined): HTMLElement {
  const by = (times?.observedByMessage && tRef(times.observedByMessage)) || times?.observedBy;
  const seen = times?.observed ? `${formatTime(times.observed)}${by ? ` (${by})` : ''}` : t('popupUnknown');
  return el(
    'div',
    { class: 'copy' },
    el('span', { class: 'label' }, label),
    title,
    outlet ? el('div', { class: 'muted' }, outlet) : null,
    el('div', { class: 'muted' }, t('popupClaimed', times?.claimed ? formatTime(times.claimed) : t('popupUnknown'))),
    el('div', { class: 'muted' }, t('popupFirstSeen', seen)),
  );
}

/**
 * No source found; when an article in the library shares some of the page's sentences, it is named
 * with what it shares and why that is not enough, so the reader can judge.
 */
function nothingToReport(v: NoneVerdict): Node[] {
  const n = v.nearest;
  // A page close to retelling its nearest article: no rewrite by the rules, but worth comparing.
  const close = !!n && v.reasonMessage?.key === 'reasonCloseRetelling';
  const summary = close ? status(t('popupCloseTitle', outletOf(n)), t('popupCloseText')) : status(t('popupNothingTitle'), t('popupNothingText'));
  if (!n || !v.evidence?.pairs.length) return [summary];
  return [
    summary,
    el(
      'section',
      { class: 'original nearest' },
      el('div', { class: 'label' }, t('popupClosestInLibrary')),
      el('a', { href: n.url, data: { originalUrl: n.url } }, n.title || n.url),
      el('div', { class: 'muted' }, `${outletOf(n)} · ${formatDate(n.published)}`),
    ),
    reasonParagraph(v),
    evidence(v.evidence, false, 'closest'),
  ].filter((x): x is HTMLElement => !!x);
}

/**
 * A verdict's reason as the reader reads it: its message in their language, else (a verdict stored
 * by an older version, or a message this version lacks) the English reason as a sentence about the
 * page ("retells CNBC's…" → "This page retells CNBC's….").
 */
export function reasonText(v: { reason?: string; reasonMessage?: MessageRef }): string | undefined {
  const said = v.reasonMessage ? tRef(v.reasonMessage) : undefined;
  if (said) return said;
  return v.reason ? `${/^[a-z]/.test(v.reason) ? `This page ${v.reason}` : v.reason}.` : undefined;
}

const reasonParagraph = (v: { reason?: string; reasonMessage?: MessageRef }) => {
  const text = reasonText(v);
  return text ? el('p', { class: 'reason' }, text) : null;
};

function derivation(v: UncreditedVerdict | CreditedVerdict): Node[] {
  const uncredited = v.kind === 'uncredited-rewrite';
  const o = v.original;
  const e = v.evidence;
  return [
    el(
      'section',
      { class: uncredited ? 'alert' : 'notice' },
      el('h1', {}, uncredited ? t('popupUncreditedTitle') : t('popupCreditedTitle')),
      el('p', {}, uncredited ? t('popupUncreditedText', outletOf(o)) : t('popupCreditedText', outletOf(o))),
    ),
    el(
      'section',
      { class: 'original' },
      el('div', { class: 'label' }, t('popupOriginalLabel')),
      el('a', { href: o.url, data: { originalUrl: o.url } }, o.title || o.url),
      el('div', { class: 'muted' }, `${outletOf(o)} · ${formatDate(o.published)}`),
    ),
    reasonParagraph(v) ?? figures(e, t('popupTheOriginal')),
    v.kind === 'credited' ? credit(v) : el('p', { class: 'credit' }, t('popupNoCredit', outletOf(o))),
    evidence(e, uncredited),
  ].filter((n): n is HTMLElement => !!n);
}

const figures = (e: Evidence, other: string) => el('p', { class: 'figures' }, coverageSentence(e, other));

/** How the page credits its original, in words, with what the reader can see that says so. */
function credit(v: CreditedVerdict): HTMLElement {
  const c = creditSentence(v.credit, v.original);
  return el('p', { class: 'credit', data: { role: 'credit' } }, c.text, c.quote ? el('q', { class: 'credit-quote' }, c.quote) : null);
}

/** The keys naming the other article of the evidence: the original, the other copy of a disputed pair, the closest article. */
const EVIDENCE_KEYS: Record<'original' | 'other' | 'closest', { label: MessageKey; pairs: MessageKey; one: MessageKey; many: MessageKey }> = {
  original: { label: 'popupOriginalLabel', pairs: 'popupPairsOriginal', one: 'popupCompareOriginalOne', many: 'popupCompareOriginalMany' },
  other: { label: 'popupOtherCopy', pairs: 'popupPairsOther', one: 'popupCompareOtherOne', many: 'popupCompareOtherMany' },
  closest: { label: 'popupClosestLabel', pairs: 'popupPairsClosest', one: 'popupCompareClosestOne', many: 'popupCompareClosestMany' },
};

function evidence(e: Evidence, open: boolean, other: keyof typeof EVIDENCE_KEYS = 'original'): HTMLElement {
  const keys = EVIDENCE_KEYS[other];
  const otherLabel = t(keys.label);
  const n = e.pairs.length;
  // The list scrolls inside the popup: it takes focus, so a keyboard can scroll it too.
  const pairs = el('ol', {});
  pairs.tabIndex = 0;
  pairs.setAttribute('aria-label', t(keys.pairs));
  const details = el(
    'details',
    { class: 'evidence' },
    el('summary', {}, counted(n, keys.one, keys.many)),
    el('p', { class: 'muted legend' }, t('popupLegend')),
    ...notShown(e.notShown ?? 0),
    pairs,
  );
  pairs.append(
    ...e.pairs.map((p) =>
      el(
        'li',
        { class: 'pair' },
        el('div', { class: 'page-sentence' }, el('span', { class: 'label' }, t('popupThisPage')), ...marked(p.pageText, p.originalText)),
        el('div', { class: 'original-sentence' }, el('span', { class: 'label' }, otherLabel), ...marked(p.originalText, p.pageText)),
        el('div', { class: 'similarity' }, t('popupAlike', percent(p.similarity))),
      ),
    ),
  );
  details.open = open;
  return details;
}

/** How many aligned pairs the list leaves out, so its length squares with the figures in the reason. */
const notShown = (n: number): HTMLElement[] => (n > 0 ? [el('p', { class: 'muted legend' }, counted(n, 'popupNotShownOne', 'popupNotShownMany'))] : []);

/** A count in the reader's language: the message for one, or for many with the number in their digits. */
const counted = (n: number, one: MessageKey, many: MessageKey) => t(n === 1 ? one : many, n.toLocaleString(t('htmlLang')));

/** A sentence as text, with the words the other sentence lacks in <mark> (text nodes only: page text is never HTML). */
const marked = (text: string, other: string): Node[] =>
  differingWords(text, other).map((s) => (s.differs ? el('mark', {}, s.text) : document.createTextNode(s.text)));

const status = (title: string, text: string) => el('section', { class: 'status' }, el('h1', {}, title), el('p', {}, text));

/** Date and time in the reader's locale: which copy came first is a matter of hours. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? t('popupUnknown')
    : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
const link = (url: string, text: string) => el('a', { href: url }, text || url);
