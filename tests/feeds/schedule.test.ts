import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  backoffMinutes,
  conditionalHeaders,
  DEFAULT_POLL_POLICY,
  isDue,
  NEW_FEED_STATE,
  nextAlarmAt,
  nextDueAt,
  parseRetryAfter,
  pickDue,
  pollIntervalMinutes,
  type FeedPollState,
} from '../../src/feeds/schedule.ts';

const T0 = Date.UTC(2025, 9, 22, 12, 0, 0);
const MIN = 60_000;

const ok = (headers: Record<string, string> = {}, ttlMinutes?: number) => ({ kind: 'response' as const, status: 200, headers, ttlMinutes });

describe('intervals', () => {
  it('uses the default without a TTL, the TTL within [15 min, 24 h] with one', () => {
    expect(pollIntervalMinutes({})).toBe(30);
    expect(pollIntervalMinutes({ ttlMinutes: 60 })).toBe(60);
    expect(pollIntervalMinutes({ ttlMinutes: 5 })).toBe(15);
    expect(pollIntervalMinutes({ ttlMinutes: 0 })).toBe(30);
    expect(pollIntervalMinutes({ ttlMinutes: 7 * 24 * 60 })).toBe(24 * 60);
  });

  it('doubles the wait per failure up to 24 h', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map((errorCount) => backoffMinutes({ errorCount }))).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    expect(backoffMinutes({ errorCount: 3, ttlMinutes: 1440 })).toBe(1440);
    expect(backoffMinutes({ errorCount: 1 }, { ...DEFAULT_POLL_POLICY, maxBackoffMinutes: 10 })).toBe(30); // never below the normal interval
  });
});

describe('nextDueAt', () => {
  it('is now for a feed never fetched, never for a gone feed', () => {
    expect(nextDueAt(NEW_FEED_STATE, T0)).toBe(T0);
    expect(isDue(NEW_FEED_STATE, T0)).toBe(true);
    expect(nextDueAt({ errorCount: 0, gone: true, lastFetch: T0 }, T0 + 1e9)).toBe(Infinity);
  });

  it('is the last fetch plus the interval, or the backoff after failures', () => {
    expect(nextDueAt({ errorCount: 0, lastFetch: T0 }, T0)).toBe(T0 + 30 * MIN);
    expect(nextDueAt({ errorCount: 0, lastFetch: T0, ttlMinutes: 120 }, T0)).toBe(T0 + 120 * MIN);
    expect(nextDueAt({ errorCount: 2, lastFetch: T0 }, T0)).toBe(T0 + 120 * MIN);
    expect(isDue({ errorCount: 0, lastFetch: T0 }, T0 + 29 * MIN)).toBe(false);
    expect(isDue({ errorCount: 0, lastFetch: T0 }, T0 + 30 * MIN)).toBe(true);
  });

  it('honours Retry-After, capped at a week', () => {
    expect(nextDueAt({ errorCount: 1, lastFetch: T0, retryAfter: T0 + 5 * 60 * MIN }, T0)).toBe(T0 + 5 * 60 * MIN);
    expect(nextDueAt({ errorCount: 1, lastFetch: T0, retryAfter: T0 + 10 * MIN }, T0)).toBe(T0 + 60 * MIN); // backoff is later
    expect(nextDueAt({ errorCount: 1, lastFetch: T0, retryAfter: T0 + 365 * 24 * 60 * MIN }, T0)).toBe(T0 + 7 * 24 * 60 * MIN);
  });

  it('treats a last fetch in the future (clock went back) as now', () => {
    expect(nextDueAt({ errorCount: 0, lastFetch: T0 + 1000 * 60 * MIN }, T0)).toBe(T0 + 30 * MIN);
  });
});

describe('pickDue and nextAlarmAt', () => {
  const feeds: { id: string; state: FeedPollState }[] = [
    { id: 'fresh', state: { errorCount: 0, lastFetch: T0 - 5 * MIN } },
    { id: 'new', state: NEW_FEED_STATE },
    { id: 'overdue', state: { errorCount: 0, lastFetch: T0 - 300 * MIN } },
    { id: 'due', state: { errorCount: 0, lastFetch: T0 - 31 * MIN } },
    { id: 'gone', state: { errorCount: 1, gone: true } },
  ];

  it('picks due feeds, most overdue first, at most the limit', () => {
    expect(pickDue(feeds, T0, 10)).toEqual(['overdue', 'due', 'new']);
    expect(pickDue(feeds, T0, 2)).toEqual(['overdue', 'due']);
    expect(pickDue(feeds, T0, 0)).toEqual([]);
  });

  it('wakes at the earliest due time, or never', () => {
    expect(
      nextAlarmAt(
        feeds.map((f) => f.state),
        T0,
      ),
    ).toBe(T0 - 270 * MIN);
    expect(nextAlarmAt([{ errorCount: 0, lastFetch: T0 }], T0)).toBe(T0 + 30 * MIN);
    expect(nextAlarmAt([{ errorCount: 0, gone: true }], T0)).toBeUndefined();
    expect(nextAlarmAt([], T0)).toBeUndefined();
  });
});

describe('conditional requests', () => {
  it('sends the validators it has', () => {
    expect(conditionalHeaders(NEW_FEED_STATE)).toEqual({});
    expect(conditionalHeaders({ errorCount: 0, etag: '"abc"', lastModified: 'Wed, 22 Oct 2025 06:47:32 GMT' })).toEqual({
      'If-None-Match': '"abc"',
      'If-Modified-Since': 'Wed, 22 Oct 2025 06:47:32 GMT',
    });
  });
});

describe('applyOutcome', () => {
  it('200: stores validators and TTL, clears errors', () => {
    const s = applyOutcome(
      { errorCount: 3, lastError: 'HTTP 500', etag: '"old"' },
      ok({ etag: '"v2"', 'last-modified': 'Wed, 22 Oct 2025 06:47:32 GMT' }, 60),
      T0,
    );
    expect(s).toMatchObject({
      lastFetch: T0,
      lastSuccess: T0,
      errorCount: 0,
      lastStatus: 200,
      etag: '"v2"',
      lastModified: 'Wed, 22 Oct 2025 06:47:32 GMT',
      ttlMinutes: 60,
    });
    expect(s.lastError).toBeUndefined();
    expect(nextDueAt(s, T0)).toBe(T0 + 60 * MIN);
  });

  it('200 without validators forgets the old ones', () => {
    const s = applyOutcome({ errorCount: 0, etag: '"old"', lastModified: 'x' }, ok(), T0);
    expect(s.etag).toBeUndefined();
    expect(s.lastModified).toBeUndefined();
  });

  it('drops validators that cannot be sent back', () => {
    const s = applyOutcome(NEW_FEED_STATE, ok({ etag: 'bad\r\nInjected: 1', 'last-modified': 'x'.repeat(2000) }), T0);
    expect(s.etag).toBeUndefined();
    expect(s.lastModified).toBeUndefined();
  });

  it('200 with an unreadable body is a failure and drops the validators', () => {
    const s = applyOutcome(
      { errorCount: 0, etag: '"v1"' },
      { kind: 'response', status: 200, headers: { etag: '"v2"' }, parseError: 'not well-formed XML' },
      T0,
    );
    expect(s).toMatchObject({ errorCount: 1, lastStatus: 200, lastError: 'not well-formed XML' });
    expect(s.etag).toBeUndefined();
    expect(s.lastSuccess).toBeUndefined();
  });

  it('304: success, validators and TTL kept', () => {
    const before: FeedPollState = { errorCount: 2, etag: '"v1"', lastModified: 'Tue, 21 Oct 2025 00:00:00 GMT', ttlMinutes: 45, lastSuccess: T0 - 1e6 };
    const s = applyOutcome(before, { kind: 'response', status: 304 }, T0);
    expect(s).toMatchObject({ errorCount: 0, lastStatus: 304, lastSuccess: T0, etag: '"v1"', lastModified: before.lastModified, ttlMinutes: 45 });
    expect(applyOutcome(before, { kind: 'response', status: 304, headers: { etag: '"v2"' } }, T0).etag).toBe('"v2"');
  });

  it('5xx and 429: backoff, Retry-After in seconds or as a date', () => {
    const s1 = applyOutcome(NEW_FEED_STATE, { kind: 'response', status: 503, headers: { 'retry-after': '7200' } }, T0);
    expect(s1).toMatchObject({ errorCount: 1, lastStatus: 503, retryAfter: T0 + 7200_000, lastError: 'HTTP 503' });
    expect(nextDueAt(s1, T0)).toBe(T0 + 120 * MIN);
    const s2 = applyOutcome(s1, { kind: 'response', status: 429, headers: { 'retry-after': 'Wed, 22 Oct 2025 18:00:00 GMT' } }, T0 + 120 * MIN);
    expect(s2).toMatchObject({ errorCount: 2, retryAfter: Date.UTC(2025, 9, 22, 18) });
    const s3 = applyOutcome(s2, { kind: 'response', status: 500 }, T0 + 360 * MIN);
    expect(s3.retryAfter).toBeUndefined();
    expect(nextDueAt(s3, T0 + 360 * MIN)).toBe(T0 + 360 * MIN + 240 * MIN);
  });

  it('404 and 403 back off; 410 stops polling', () => {
    expect(applyOutcome(NEW_FEED_STATE, { kind: 'response', status: 404 }, T0)).toMatchObject({ errorCount: 1, lastStatus: 404 });
    const gone = applyOutcome(NEW_FEED_STATE, { kind: 'response', status: 410 }, T0);
    expect(gone).toMatchObject({ gone: true, lastStatus: 410 });
    expect(isDue(gone, T0 + 1e12)).toBe(false);
  });

  it('network errors back off and keep the validators', () => {
    const s = applyOutcome({ errorCount: 0, etag: '"v1"' }, { kind: 'network-error', error: 'Failed to fetch' }, T0);
    expect(s).toMatchObject({ errorCount: 1, lastStatus: 0, etag: '"v1"', lastError: 'network error: Failed to fetch' });
    expect(nextDueAt(s, T0)).toBe(T0 + 60 * MIN);
  });

  it('recovers to the normal interval after a success', () => {
    let s: FeedPollState = NEW_FEED_STATE;
    for (let i = 0; i < 10; i++) s = applyOutcome(s, { kind: 'network-error', error: 'x' }, T0);
    expect(nextDueAt(s, T0)).toBe(T0 + 1440 * MIN);
    s = applyOutcome(s, ok(), T0);
    expect(nextDueAt(s, T0)).toBe(T0 + 30 * MIN);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, never in the past', () => {
    expect(parseRetryAfter('120', T0)).toBe(T0 + 120_000);
    expect(parseRetryAfter(' 0 ', T0)).toBe(T0);
    expect(parseRetryAfter('Wed, 22 Oct 2025 13:00:00 GMT', T0)).toBe(T0 + 60 * MIN);
    expect(parseRetryAfter('Wed, 22 Oct 2025 11:00:00 GMT', T0)).toBe(T0);
    expect(parseRetryAfter('soon', T0)).toBeUndefined();
    expect(parseRetryAfter('-5', T0)).toBeUndefined();
    expect(parseRetryAfter(undefined, T0)).toBeUndefined();
    expect(parseRetryAfter(null, T0)).toBeUndefined();
  });
});
