import type { Evidence, Verdict } from '../core/verdict.ts';
import type { TabVerdict } from '../ext/tab-verdicts.ts';
import { el } from './dom.ts';
import { formatDate, outletOf, percent } from './format.ts';

/** Renders the popup for a tab's verdict into `root` (text only: page text is never HTML). */
export function renderPopup(root: HTMLElement, state: TabVerdict | undefined): void {
  const kind = state?.verdict.kind ?? 'unchecked';
  root.dataset.verdict = kind;
  root.replaceChildren(el('header', { class: 'brand' }, el('strong', {}, 'Unspun')), ...body(state));
}

function body(state: TabVerdict | undefined): Node[] {
  if (!state) return [status('Not checked', 'Unspun has not read this page. It checks news articles on http and https pages once they have loaded.')];
  const v = state.verdict;
  const size = `Library: ${state.librarySize} article${state.librarySize === 1 ? '' : 's'} on this device.`;
  switch (v.kind) {
    case 'uncredited-rewrite':
      return [...derivation(v, true), footer(size)];
    case 'credited':
      return [...derivation(v, false), footer(size)];
    case 'original':
      return [
        status('Original reporting', 'Other pages were found to copy or rewrite this article:'),
        el('ul', { class: 'refs' }, ...(v.derivatives ?? []).map((d) => el('li', {}, link(d.url, d.title), ` (${outletOf(d)})`))),
        footer(size),
      ];
    case 'disputed':
      return [status('Disputed', v.dispute?.why ?? 'This page and another are copies of each other; which came first is not settled.'), footer(size)];
    case 'none':
      return [status('Nothing to report', 'No article in your library was found to be the source of this page.'), footer(size)];
    case 'not-article':
      return [status('Not a news article', 'Unspun only checks article pages.'), footer(size)];
  }
}

function derivation(v: Verdict, uncredited: boolean): Node[] {
  const o = v.original!;
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
    el(
      'p',
      { class: 'figures' },
      e ? `${percent(e.pageCoverage)} of this page aligns with the original, sentence by sentence; ${percent(e.orderedCoverage)} follows the original's order.` : '',
    ),
    el('p', { class: 'credit' }, v.credit ? `Credit found (${v.credit.kind}): ${v.credit.detail}` : `No credit to ${outletOf(o)} found on this page.`),
    e ? evidence(e, uncredited) : null,
  ].filter((n): n is HTMLElement => !!n);
}

function evidence(e: Evidence, open: boolean): HTMLElement {
  const details = el(
    'details',
    { class: 'evidence' },
    el('summary', {}, `Evidence: ${e.pairs.length} sentences beside the original's`),
    el(
      'ol',
      {},
      ...e.pairs.map((p) =>
        el(
          'li',
          { class: 'pair' },
          el('div', { class: 'page-sentence' }, el('span', { class: 'label' }, 'This page'), p.pageText),
          el('div', { class: 'original-sentence' }, el('span', { class: 'label' }, 'Original'), p.originalText),
          el('div', { class: 'similarity' }, `similarity ${percent(p.similarity)}`),
        ),
      ),
    ),
  );
  details.open = open;
  return details;
}

const status = (title: string, text: string) => el('section', { class: 'status' }, el('h1', {}, title), el('p', {}, text));
const footer = (text: string) => el('footer', { class: 'muted' }, text);
const link = (url: string, text: string) => el('a', { href: url }, text || url);
