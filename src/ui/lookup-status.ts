import type { LookupCandidate, LookupProgress } from '../lookup/progress.ts';
import { el } from './dom.ts';

/** What the popup knows of the reader's own request, beside the stored lookup record. */
export interface LookupRequestState {
  /** When the reader last clicked the button (ISO): an older record is not this request's result. */
  requestedAt?: string;
  /** The request is on its way to the background. */
  pending?: boolean;
  /** The background refused or failed to start the lookup. */
  error?: string;
}

/** A lookup still "running" after this long was cut short (e.g. the service worker stopped). */
const STALE_MS = 3 * 60_000;

/** The stored lookup, unless it predates the reader's latest request. */
export function currentLookup(l: LookupProgress | undefined, req: LookupRequestState): LookupProgress | undefined {
  if (!l || !req.requestedAt) return l;
  return Date.parse(l.startedAt) >= Date.parse(req.requestedAt) - 1000 ? l : undefined;
}

export function isRunning(l: LookupProgress | undefined, now: number): boolean {
  return !!l && l.phase !== 'done' && now - Date.parse(l.startedAt) < STALE_MS;
}

/** The one line the live region says: where the lookup is, or how it ended. */
export function lookupHeadline(l: LookupProgress | undefined, req: LookupRequestState, now: number): string {
  if (req.error) return `Could not look for the original: ${req.error}`;
  if (!l) return req.requestedAt ? 'Starting the lookup…' : '';
  const n = l.candidates.length;
  if (l.phase === 'searching' && isRunning(l, now)) return `Searching ${l.engineName}…`;
  if (l.phase === 'fetching' && isRunning(l, now)) return `Fetching ${n} candidate${n === 1 ? '' : 's'}…`;
  if (l.phase !== 'done') return `The lookup in ${l.engineName} did not finish.`;
  switch (l.outcome) {
    case 'found-uncredited':
      return `Found an earlier version in ${l.engineName}: this page rewrites it without credit.`;
    case 'found-credited':
      return `Found the original in ${l.engineName}: this page credits it.`;
    case 'disputed':
      return `Found a copy in ${l.engineName}, but which came first is disputed.`;
    case 'not-found':
      return `No earlier version found in ${l.engineName} between ${formatDay(l.from)} and ${formatDay(l.to)}.`;
    case 'error':
      return `The lookup in ${l.engineName} failed: ${l.message ?? 'unknown error'}`;
    default:
      return `The lookup in ${l.engineName} ended.`;
  }
}

/** What goes with the headline: the reader-facing message and the candidates tried. */
export function lookupDetails(l: LookupProgress | undefined, req: LookupRequestState): Node[] {
  if (!l || req.error) return [];
  const done = l.phase === 'done';
  return [
    l.automatic ? el('p', { class: 'muted' }, 'Unspun looked this up by itself: looking up originals is on.') : null,
    // The headline already says a found or failed lookup's result and the dates searched; the message
    // adds to it only when it explains more (a later copy of this page, a disputed date).
    done && l.message && (l.outcome === 'not-found' || l.outcome === 'disputed') && !l.message.startsWith('No earlier version found in ')
      ? el('p', { class: 'muted' }, l.message)
      : null,
    l.candidates.length
      ? el(
          'div',
          {},
          el('div', { class: 'label' }, done ? 'Candidates tried' : 'Candidates'),
          el('ul', { class: 'refs', data: { role: 'lookup-candidates' } }, ...l.candidates.map((c) => candidate(c, done))),
        )
      : null,
  ].filter((n) => n !== null);
}

const RESULT: Record<NonNullable<LookupCandidate['result']>, string> = {
  source: 'the source',
  'not-source': 'not the source',
  failed: 'could not be fetched',
};

function candidate(c: LookupCandidate, done: boolean): HTMLElement {
  const result = c.result ? RESULT[c.result] : done ? 'not fetched' : 'fetching…';
  return el('li', { data: { result: c.result ?? 'pending' } }, el('a', { href: c.url }, c.title || c.url), ` · ${c.site} · ${result}`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Oct 2025" (UTC: the searched range is in whole UTC days). */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'an unknown date' : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
