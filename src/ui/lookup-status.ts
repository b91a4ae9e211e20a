import type { LookupCandidate, LookupProgress } from '../lookup/progress.ts';
import { el } from './dom.ts';
import { t, tRef } from './i18n.ts';

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

/** A finished lookup's message in the reader's language where it has one as a message (`messageRef`), else as it was stored. */
const messageOf = (l: LookupProgress): string | undefined => (l.messageRef && tRef(l.messageRef)) || l.message;

/** The one line the live region says: where the lookup is, or how it ended. */
export function lookupHeadline(l: LookupProgress | undefined, req: LookupRequestState, now: number): string {
  if (req.error) return t('lookupStatusRequestError', req.error);
  if (!l) return req.requestedAt ? t('lookupStatusStarting') : '';
  const n = l.candidates.length;
  if (l.phase === 'searching' && isRunning(l, now)) return t('lookupStatusSearching', l.engineName);
  if (l.phase === 'fetching' && isRunning(l, now)) return n === 1 ? t('lookupStatusFetchingOne') : t('lookupStatusFetching', String(n));
  if (l.phase !== 'done') return t('lookupStatusUnfinished', l.engineName);
  switch (l.outcome) {
    case 'found-uncredited':
      return t('lookupStatusFoundUncredited', l.engineName);
    case 'found-credited':
      return t('lookupStatusFoundCredited', l.engineName);
    case 'disputed':
      return t('lookupStatusDisputed', l.engineName);
    case 'not-found':
      return t('lookupStatusNotFound', l.engineName, formatDay(l.from), formatDay(l.to));
    case 'error':
      return t('lookupStatusFailed', l.engineName, messageOf(l) ?? t('lookupStatusUnknownError'));
    default:
      return t('lookupStatusEnded', l.engineName);
  }
}

/** What goes with the headline: the reader-facing message and the candidates tried. */
export function lookupDetails(l: LookupProgress | undefined, req: LookupRequestState): Node[] {
  if (!l || req.error) return [];
  const done = l.phase === 'done';
  return [
    l.automatic ? el('p', { class: 'muted' }, t('lookupStatusAutomatic')) : null,
    // The headline already says a found or failed lookup's result and the dates searched; the message
    // adds to it only when it explains more (a later copy of this page, a disputed date).
    done && l.message && (l.outcome === 'not-found' || l.outcome === 'disputed') && !l.message.startsWith('No earlier version found in ')
      ? el('p', { class: 'muted' }, messageOf(l) ?? l.message)
      : null,
    l.candidates.length
      ? el(
          'div',
          {},
          el('div', { class: 'label' }, done ? t('lookupCandidatesTried') : t('lookupCandidates')),
          el('ul', { class: 'refs', data: { role: 'lookup-candidates' } }, ...l.candidates.map((c) => candidate(c, done))),
        )
      : null,
  ].filter((n) => n !== null);
}

const RESULT: Record<NonNullable<LookupCandidate['result']>, () => string> = {
  source: () => t('lookupCandidateSource'),
  'not-source': () => t('lookupCandidateNotSource'),
  failed: () => t('lookupCandidateFailed'),
};

function candidate(c: LookupCandidate, done: boolean): HTMLElement {
  const result = c.result ? RESULT[c.result]() : done ? t('lookupCandidateNotFetched') : t('lookupCandidateFetching');
  return el('li', { data: { result: c.result ?? 'pending' } }, el('a', { href: c.url }, c.title || c.url), ` · ${c.site} · ${result}`);
}

/** "1 Oct 2025" (UTC: the searched range is in whole UTC days); "1. Okt. 2025" in German. */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return t('dateUnknown');
  const month = t('monthsShort').split(' ')[d.getUTCMonth()] ?? String(d.getUTCMonth() + 1);
  return t('dateDayMonthYear', String(d.getUTCDate()), month, String(d.getUTCFullYear()));
}
