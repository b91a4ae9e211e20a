/**
 * What each format's reader produces, before the shared limits, naming and deduplication of
 * `parseFeed`: plain text already, links already resolved (undefined when unusable).
 */
export interface RawFeed {
  title: string;
  siteUrl?: string;
  ttlMinutes?: number;
  items: RawItem[];
}

export interface RawItem {
  title: string;
  link?: string;
  published?: string;
  summary: string;
  guid?: string;
}

export type RawFeedResult = { ok: true; feed: RawFeed } | { ok: false; error: string };

/** A whole number of minutes from a feed's text, if positive and at most a week. */
export function parseMinutes(text: string | undefined): number | undefined {
  if (!text || !/^\s*\d{1,7}\s*$/.test(text)) return undefined;
  const n = Number.parseInt(text, 10);
  return n > 0 ? Math.min(n, 7 * 24 * 60) : undefined;
}
