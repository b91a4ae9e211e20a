import { parseFeed } from '../feeds/parse-feed.ts';
import { applyOutcome, conditionalHeaders, pickDue, type FetchOutcome } from '../feeds/schedule.ts';
import { feedItemToStub } from '../library/feed-stub.ts';
import { fetchText, type Fetcher } from '../net/fetch-text.ts';
import type { LibraryService } from './library-service.ts';
import { getSubscriptions, saveSubscriptions, type FeedSubscription } from './feed-subscriptions.ts';

/** Feeds fetched at once (politeness and a 2-core machine). */
export const POLL_CONCURRENCY = 3;
const FEED_LIMITS = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

export interface PollReport {
  polled: string[];
  newItems: number;
}

/**
 * Polls the enabled feeds that are due (or the given ones, now), at most `POLL_CONCURRENCY` at a
 * time, and stores their new items in the library as stubs. Feeds whose host Unspun may not read
 * (`canFetch`) are skipped. A failing or malformed feed only changes its own state.
 */
export async function pollFeeds(
  library: LibraryService,
  now: Date,
  deps: { canFetch: (url: string) => Promise<boolean>; fetcher?: Fetcher },
  only?: string[],
): Promise<PollReport> {
  const subs = await getSubscriptions();
  const enabled = subs.filter((s) => s.enabled && (!only || only.includes(s.id)));
  const due = only ? enabled.map((s) => s.id) : pickDue(enabled, now.getTime(), POLL_CONCURRENCY);
  const results = await Promise.all(
    enabled.filter((s) => due.includes(s.id)).map(async (s) => ((await deps.canFetch(s.url)) ? pollOne(s, library, now, deps) : null)),
  );
  const byId = new Map(results.filter((r): r is FeedSubscription => !!r).map((s) => [s.id, s]));
  // Re-read: the options page may have changed the list meanwhile; only polling fields are merged.
  const latest = await getSubscriptions();
  await saveSubscriptions(
    latest.map((s) =>
      byId.has(s.id) ? { ...s, state: byId.get(s.id)!.state, lastNewItems: byId.get(s.id)!.lastNewItems, totalItems: byId.get(s.id)!.totalItems } : s,
    ),
  );
  return { polled: [...byId.keys()], newItems: [...byId.values()].reduce((n, s) => n + (s.lastNewItems ?? 0), 0) };
}

async function pollOne(
  sub: FeedSubscription,
  library: LibraryService,
  now: Date,
  deps: { canFetch: (url: string) => Promise<boolean>; fetcher?: Fetcher },
): Promise<FeedSubscription> {
  let outcome: FetchOutcome;
  let added = 0;
  try {
    // A feed that redirects to a host Unspun may not read is an error of that feed, not read.
    const res = await fetchText(sub.url, { ...FEED_LIMITS, headers: conditionalHeaders(sub.state) }, deps.fetcher, deps.canFetch);
    outcome = { kind: 'response', status: res.status, headers: res.headers };
    if (res.text !== undefined) {
      const parsed = parseFeed(res.text, sub.url, { outlet: sub.outlet });
      if (!parsed.ok) outcome = { ...outcome, parseError: parsed.error };
      else {
        outcome = { ...outcome, ttlMinutes: parsed.feed.ttlMinutes };
        added = await library.addFeedStubs(parsed.feed.items.map((item) => feedItemToStub(item, sub.id, now)));
      }
    }
  } catch (e) {
    outcome = { kind: 'network-error', error: e instanceof Error ? e.message : String(e) };
  }
  const state = applyOutcome(sub.state, outcome, now.getTime());
  const ok = !state.lastError;
  return { ...sub, state, lastNewItems: ok ? added : sub.lastNewItems, totalItems: (sub.totalItems ?? 0) + added };
}
