import type { MessageKey } from '../core/messages.ts';
import type { AppearanceTimes } from '../core/verdict.ts';

/**
 * A time at which an article was seen to exist, by an observer the article cannot write to.
 * `feed` (a feed poll) and `index` (a news search index's first sighting) observe articles close to
 * their publication; `read` and `lookup` (fetched by Unspun) only bound it: the article existed then.
 */
export interface Observation {
  at: string;
  by: 'read' | 'feed' | 'index' | 'lookup';
  /** Who observed it, for the reader ("GDELT", "CNBC's feed"). */
  name?: string;
}

/** What is known of when one article appeared. */
export interface Appearance {
  /** The publication time the article claims (markup, feed). */
  claimed?: string;
  observations: readonly Observation[];
}

export type FirstOutcome = 'other' | 'page' | 'disputed';

/** Claimed times in markup are often hours off (time zones, updates). */
export const CLAIM_TOLERANCE_MS = 24 * 3600_000;
/** Near-publication observers (feeds polled every half hour, an index crawling every 15 minutes). */
export const OBSERVED_TOLERANCE_MS = 3 * 3600_000;

/** Observers that see articles close to their publication. */
export const NEAR_PUBLICATION: ReadonlySet<Observation['by']> = new Set<Observation['by']>(['feed', 'index']);

const earliest = (obs: readonly Observation[], near: boolean) =>
  obs
    .filter((o) => !near || NEAR_PUBLICATION.has(o.by))
    .map((o) => Date.parse(o.at))
    .filter(Number.isFinite)
    .sort((a, b) => a - b)[0];

const time = (iso?: string) => (iso ? Date.parse(iso) : NaN);

/**
 * Which of two articles that copy each other came first: the `page` being checked, or the `other`
 * (the library article). Independent observations decide first, claimed dates second:
 * 1. both seen near publication (feed, index) hours apart: the earlier;
 * 2. one was seen to exist before the other even claims to exist: that one;
 * 3. the claims, a day or more apart: the earlier claim, unless it is the page's and the library
 *    article was seen near publication while the page never was: then the page's claim is all that
 *    says it is older, and nothing independent settles it: `disputed` (a backdated copy looks so);
 * 4. otherwise what the texts say (`textSays`: the other is the page's text with a passage of a third
 *    article pasted in, see `insertsInto`), or else the library article, which was known first.
 * When the times say the other came first and the texts say the page did, the two conflict: `disputed`.
 */
export function whichCameFirst(page: Appearance, other: Appearance, textSays?: 'page'): FirstOutcome {
  const byTimes = timesSay(page, other);
  if (byTimes === undefined) return textSays ?? 'other';
  if (textSays === 'page') return byTimes === 'other' ? 'disputed' : 'page';
  return byTimes;
}

/** Rules 1 to 3 of `whichCameFirst`, or undefined when the times settle nothing. */
function timesSay(page: Appearance, other: Appearance): FirstOutcome | undefined {
  const pageNear = earliest(page.observations, true);
  const otherNear = earliest(other.observations, true);
  if (pageNear !== undefined && otherNear !== undefined && Math.abs(pageNear - otherNear) > OBSERVED_TOLERANCE_MS) {
    return pageNear < otherNear ? 'page' : 'other';
  }
  const pageClaim = time(page.claimed);
  const otherClaim = time(other.claimed);
  const pageSeen = earliest(page.observations, false);
  const otherSeen = earliest(other.observations, false);
  // Seen before the other claims to exist (an article that claims no date claims nothing to beat).
  if (otherSeen !== undefined && otherSeen < pageClaim - CLAIM_TOLERANCE_MS) return 'other';
  if (pageSeen !== undefined && pageSeen < otherClaim - CLAIM_TOLERANCE_MS) return 'page';
  if (Number.isFinite(pageClaim) && Number.isFinite(otherClaim) && Math.abs(pageClaim - otherClaim) > CLAIM_TOLERANCE_MS) {
    if (otherClaim < pageClaim) return 'other';
    return otherNear !== undefined && pageNear === undefined ? 'disputed' : 'page';
  }
  return undefined;
}

/** The times shown to the reader for one side of a dispute. */
export function appearanceTimes(a: Appearance): AppearanceTimes {
  const first = [...a.observations].sort((x, y) => time(x.at) - time(y.at))[0];
  if (!first) return { claimed: a.claimed, observed: undefined, observedBy: undefined };
  if (first.name) return { claimed: a.claimed, observed: first.at, observedBy: first.name };
  return { claimed: a.claimed, observed: first.at, observedBy: OBSERVER_LABEL[first.by], observedByMessage: { key: OBSERVER_KEY[first.by], args: [] } };
}

const OBSERVER_LABEL: Record<Observation['by'], string> = {
  read: 'first read by you',
  feed: 'a feed poll',
  index: 'a news search index',
  lookup: 'fetched by Unspun',
};

/** The same labels as messages of public/_locales, for the reader's language. */
const OBSERVER_KEY: Record<Observation['by'], MessageKey> = {
  read: 'observedByRead',
  feed: 'observedByFeed',
  index: 'observedByIndex',
  lookup: 'observedByLookup',
};

/** Sightings of one article from several sources, one per observer, earliest kept. */
export function mergeObservations(...lists: Observation[][]): Observation[] {
  const byObserver = new Map<string, Observation>();
  for (const o of lists.flat()) {
    const key = `${o.by}:${o.name ?? ''}`;
    const had = byObserver.get(key);
    if (!had || Date.parse(o.at) < Date.parse(had.at)) byObserver.set(key, o);
  }
  return [...byObserver.values()];
}
