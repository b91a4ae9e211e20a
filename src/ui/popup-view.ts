import type { AppearanceTimes, CreditedVerdict, DisputedVerdict, Evidence, NoneVerdict, UncreditedVerdict } from '../core/verdict.ts';
import type { TabVerdict } from '../ext/tab-verdicts.ts';
import { el } from './dom.ts';
import { formatDate, outletOf, percent } from './format.ts';
import { currentLookup, isRunning, lookupDetails, lookupHeadline, type LookupRequestState } from './lookup-status.ts';

/** What the popup adds to the stored verdict: the reader's lookup request and its button's action. */
export interface PopupUi extends LookupRequestState {
  onLookup?: () => void;
}

/** The parts kept from one render to the next: the live region and the button keep focus and announce changes. */
interface Parts {
  verdict: HTMLElement;
  actions: HTMLElement;
  button: HTMLButtonElement;
  live: HTMLElement;
  details: HTMLElement;
  footer: HTMLElement;
}
const parts = new WeakMap<HTMLElement, Parts>();
const handlers = new WeakMap<HTMLButtonElement, (() => void) | undefined>();

/**
 * Renders the popup for a tab's verdict into `root` (text only: page text is never HTML). Called
 * again on every change of the tab's record; the lookup's live region and button are kept.
 */
export function renderPopup(root: HTMLElement, state: TabVerdict | undefined, ui: PopupUi = {}, now = Date.now()): void {
  const kind = state?.verdict.kind ?? 'unchecked';
  root.dataset.verdict = kind;
  const p = skeleton(root);
  p.verdict.replaceChildren(...body(state));
  p.footer.textContent = state ? `Library: ${state.librarySize} article${state.librarySize === 1 ? '' : 's'} on this device.` : '';

  const isArticle = !!state && kind !== 'not-article';
  const lookup = isArticle ? currentLookup(state.lookup, ui) : undefined;
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
}

function skeleton(root: HTMLElement): Parts {
  const known = parts.get(root);
  if (known && known.verdict.parentNode === root) return known;
  const button = el('button', { class: 'lookup-start', data: { role: 'lookup-start' } }, 'Look for the original');
  button.type = 'button';
  button.addEventListener('click', () => handlers.get(button)?.());
  const live = el('p', { class: 'lookup-status', data: { role: 'lookup-status' } });
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const made: Parts = {
    verdict: el('div', { class: 'verdict' }),
    actions: el('div', { class: 'actions' }),
    button,
    live,
    details: el('div', { class: 'lookup-details' }),
    footer: el('footer', { class: 'muted' }),
  };
  root.replaceChildren(
    el('header', { class: 'brand' }, el('strong', {}, 'Unspun')),
    made.verdict,
    el('section', { class: 'lookup' }, made.actions, made.live, made.details),
    made.footer,
  );
  parts.set(root, made);
  return made;
}

function body(state: TabVerdict | undefined): Node[] {
  if (!state) return [status('Not checked', 'Unspun has not read this page. It checks news articles on http and https pages once they have loaded.')];
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
        : [status('Not a news article', 'Unspun only checks article pages.')];
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
  if (!n || !v.evidence?.pairs.length) return [status('Nothing to report', 'No article in your library was found to be the source of this page.')];
  return [
    status('Nothing to report', 'No article in your library was found to be the source of this page.'),
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
    el(
      'p',
      { class: 'credit' },
      v.kind === 'credited' ? `Credit found (${v.credit.kind}): ${v.credit.detail}` : `No credit to ${outletOf(o)} found on this page.`,
    ),
    evidence(e, uncredited),
  ].filter((n): n is HTMLElement => !!n);
}

const figures = (e: Evidence, other: string) =>
  el(
    'p',
    { class: 'figures' },
    `${percent(e.pageCoverage)} of this page aligns with ${other}, sentence by sentence; ${percent(e.orderedCoverage)} follows its order.`,
  );

function evidence(e: Evidence, open: boolean, otherLabel = 'Original'): HTMLElement {
  const details = el(
    'details',
    { class: 'evidence' },
    el('summary', {}, `Evidence: ${e.pairs.length} sentences beside ${otherLabel === 'Original' ? 'the original' : otherLabel.toLowerCase()}'s`),
    el(
      'ol',
      {},
      ...e.pairs.map((p) =>
        el(
          'li',
          { class: 'pair' },
          el('div', { class: 'page-sentence' }, el('span', { class: 'label' }, 'This page'), p.pageText),
          el('div', { class: 'original-sentence' }, el('span', { class: 'label' }, otherLabel), p.originalText),
          el('div', { class: 'similarity' }, `similarity ${percent(p.similarity)}`),
        ),
      ),
    ),
  );
  details.open = open;
  return details;
}

const status = (title: string, text: string) => el('section', { class: 'status' }, el('h1', {}, title), el('p', {}, text));

/** Date and time in the reader's locale: which copy came first is a matter of hours. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? 'unknown'
    : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
const link = (url: string, text: string) => el('a', { href: url }, text || url);
