import { parseDate } from '../core/dates.ts';

/**
 * Polite polling of feeds, as pure functions of a feed's state and the time: when the next fetch
 * is due, which conditional headers to send, and how a response changes the state. The extension
 * wiring keeps the state per feed, wakes on an alarm at `nextAlarmAt`, and fetches `pickDue`.
 */

/** What is remembered about fetching one feed. Times are ms since the epoch. */
export interface FeedPollState {
  /** When the last fetch was attempted. Absent: never fetched, due now. */
  lastFetch?: number;
  /** When the last fetch succeeded (200 or 304). */
  lastSuccess?: number;
  /** Validators from the last 200 response, for a conditional request. */
  etag?: string;
  lastModified?: string;
  /** The feed's own TTL in minutes (from the last parsed body). */
  ttlMinutes?: number;
  /** Failed fetches in a row (network errors, HTTP errors, unreadable bodies). */
  errorCount: number;
  /** HTTP status of the last response; 0 for a network error. */
  lastStatus?: number;
  /** Not before this time, as the server asked (Retry-After). */
  retryAfter?: number;
  /** The last error, for the options page. Cleared by a success. */
  lastError?: string;
  /** The server said 410 Gone: never polled again until the user re-enables the feed (reset to `NEW_FEED_STATE`). */
  gone?: boolean;
}

/** Intervals in minutes. */
export interface PollPolicy {
  /** Never poll a feed more often than this, whatever its TTL says. */
  minMinutes: number;
  /** The interval when the feed gives no TTL. */
  defaultMinutes: number;
  /** Poll at least this often when the feed is healthy, whatever its TTL says. */
  maxMinutes: number;
  /** Backoff after errors never waits longer than this. */
  maxBackoffMinutes: number;
  /** A Retry-After further away than this is capped to it. */
  maxRetryAfterMinutes: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  minMinutes: 15,
  defaultMinutes: 30,
  maxMinutes: 24 * 60,
  maxBackoffMinutes: 24 * 60,
  maxRetryAfterMinutes: 7 * 24 * 60,
};

/** The state of a feed never fetched. */
export const NEW_FEED_STATE: FeedPollState = { errorCount: 0 };

const MINUTE = 60_000;

/** The interval between successful polls: the feed's TTL (or the default), kept within policy. */
export function pollIntervalMinutes(state: Pick<FeedPollState, 'ttlMinutes'>, policy: PollPolicy = DEFAULT_POLL_POLICY): number {
  const ttl = state.ttlMinutes && state.ttlMinutes > 0 ? state.ttlMinutes : policy.defaultMinutes;
  return Math.min(policy.maxMinutes, Math.max(policy.minMinutes, ttl));
}

/**
 * The wait after `errorCount` failures in a row: the normal interval doubled per failure
 * (30 min: 1 h, 2 h, 4 h, …), capped at `maxBackoffMinutes`.
 */
export function backoffMinutes(state: Pick<FeedPollState, 'ttlMinutes' | 'errorCount'>, policy: PollPolicy = DEFAULT_POLL_POLICY): number {
  const base = pollIntervalMinutes(state, policy);
  if (state.errorCount <= 0) return base;
  const n = Math.min(state.errorCount, 30);
  return Math.max(base, Math.min(base * 2 ** n, policy.maxBackoffMinutes));
}

/**
 * When the feed should next be fetched (ms since the epoch): now if never fetched, never
 * (`Infinity`) if gone, else the last attempt plus the interval or backoff, and not before any
 * Retry-After. A last fetch in the future (the clock went back) counts as now.
 */
export function nextDueAt(state: FeedPollState, now: number, policy: PollPolicy = DEFAULT_POLL_POLICY): number {
  if (state.gone) return Number.POSITIVE_INFINITY;
  if (state.lastFetch === undefined) return Math.max(now, state.retryAfter ?? now);
  const last = Math.min(state.lastFetch, now);
  const due = last + backoffMinutes(state, policy) * MINUTE;
  const retry = state.retryAfter !== undefined ? Math.min(state.retryAfter, now + policy.maxRetryAfterMinutes * MINUTE) : 0;
  return Math.max(due, retry);
}

/** Whether the feed is due at `now`. */
export function isDue(state: FeedPollState, now: number, policy: PollPolicy = DEFAULT_POLL_POLICY): boolean {
  return nextDueAt(state, now, policy) <= now;
}

/** The ids of at most `limit` feeds due at `now`, most overdue first (bounded concurrency). */
export function pickDue(
  feeds: readonly { id: string; state: FeedPollState }[],
  now: number,
  limit: number,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
): string[] {
  return feeds
    .map((f) => ({ id: f.id, due: nextDueAt(f.state, now, policy) }))
    .filter((f) => f.due <= now)
    .sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, limit))
    .map((f) => f.id);
}

/** When to wake next: the earliest due time over these feeds, or undefined if none will be due. */
export function nextAlarmAt(states: readonly FeedPollState[], now: number, policy: PollPolicy = DEFAULT_POLL_POLICY): number | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (const s of states) min = Math.min(min, nextDueAt(s, now, policy));
  return Number.isFinite(min) ? min : undefined;
}

/** Conditional request headers from the stored validators. */
export function conditionalHeaders(state: FeedPollState): Record<string, string> {
  const h: Record<string, string> = {};
  if (state.etag) h['If-None-Match'] = state.etag;
  if (state.lastModified) h['If-Modified-Since'] = state.lastModified;
  return h;
}

/** What came of a fetch, as the wiring reports it. */
export type FetchOutcome =
  | {
      kind: 'response';
      status: number;
      /** Response headers, by lower-case name. */
      headers?: { etag?: string | null; 'last-modified'?: string | null; 'retry-after'?: string | null };
      /** For a 2xx: the TTL of the parsed feed, in minutes. */
      ttlMinutes?: number;
      /** For a 2xx whose body could not be read as a feed: why. */
      parseError?: string;
    }
  | { kind: 'network-error'; error: string };

/**
 * The state after a fetch attempted at `now`.
 * - 2xx: success; validators and TTL replaced by the response's (a 2xx with `parseError` is a
 *   failure, and its validators are dropped so that the next fetch gets the whole body).
 * - 304: success; validators kept (or updated if the response sends new ones).
 * - 410: gone, no more polling.
 * - 408, 429, 5xx, other 4xx and 3xx, network errors: a failure, backoff; Retry-After honoured.
 */
export function applyOutcome(state: FeedPollState, outcome: FetchOutcome, now: number): FeedPollState {
  const base: FeedPollState = { ...state, lastFetch: now, retryAfter: undefined };
  if (outcome.kind === 'network-error') {
    return { ...base, errorCount: state.errorCount + 1, lastStatus: 0, lastError: clip(`network error: ${outcome.error}`) };
  }
  const { status } = outcome;
  const h = outcome.headers ?? {};
  const retryAfter = parseRetryAfter(h['retry-after'] ?? undefined, now);
  if (status === 304) {
    return {
      ...base,
      lastStatus: 304,
      lastSuccess: now,
      errorCount: 0,
      lastError: undefined,
      etag: headerValue(h.etag) ?? state.etag,
      lastModified: headerValue(h['last-modified']) ?? state.lastModified,
    };
  }
  if (status >= 200 && status < 300) {
    if (outcome.parseError !== undefined) {
      return { ...base, lastStatus: status, errorCount: state.errorCount + 1, etag: undefined, lastModified: undefined, lastError: clip(outcome.parseError) };
    }
    return {
      ...base,
      lastStatus: status,
      lastSuccess: now,
      errorCount: 0,
      lastError: undefined,
      etag: headerValue(h.etag),
      lastModified: headerValue(h['last-modified']),
      ttlMinutes: outcome.ttlMinutes,
    };
  }
  if (status === 410) return { ...base, lastStatus: 410, gone: true, errorCount: state.errorCount + 1, lastError: 'HTTP 410: the feed is gone' };
  return { ...base, lastStatus: status, errorCount: state.errorCount + 1, retryAfter, lastError: `HTTP ${status}` };
}

/** A Retry-After header (seconds, or an HTTP date) as ms since the epoch; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{1,10}$/.test(v)) return now + Number.parseInt(v, 10) * 1000;
  const iso = parseDate(v);
  return iso ? Math.max(now, Date.parse(iso)) : undefined;
}

/** A header value fit to send back: present, short, printable ASCII only. */
function headerValue(v: string | null | undefined): string | undefined {
  const s = v?.trim();
  return s && s.length <= 1024 && /^[\x20-\x7e]+$/.test(s) ? s : undefined;
}

const clip = (s: string) => (s.length > 300 ? s.slice(0, 299) + '…' : s);
