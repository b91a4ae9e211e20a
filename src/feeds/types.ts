/** One item of a publisher feed: enough to find the article as a matching candidate. */
export interface FeedItem {
  /** Plain-text headline. */
  title: string;
  /** Absolute http(s) URL of the article. */
  link: string;
  /** ISO time the feed says the item was published (or last updated, if that is all it says). */
  published?: string;
  /** The outlet's name: the name the feed was given, else the feed's own title, else its host. */
  outlet: string;
  /** Plain-text summary (HTML stripped), possibly empty. */
  summary: string;
  /** The feed's own identifier for the item (RSS guid, Atom id, JSON Feed id). */
  guid?: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  /** The feed's own title (plain text), possibly empty. */
  title: string;
  /** The outlet's home page, if the feed names one. */
  siteUrl?: string;
  /** How long the feed says it may be cached (RSS `ttl`, or the syndication module), in minutes. */
  ttlMinutes?: number;
  /** Items in feed order, at most `maxItems`, each with a valid link; duplicates removed. */
  items: FeedItem[];
  /** Items left out: no usable link or title, duplicate links, or beyond `maxItems`. */
  skipped: number;
}

export type ParseFeedResult = { ok: true; feed: ParsedFeed } | { ok: false; error: string };

/** Limits and naming for `parseFeed`. */
export interface ParseFeedOptions {
  /** The outlet name to give every item (the user's or the default list's name for the feed). */
  outlet?: string;
  /** Largest input accepted, in UTF-16 code units (about bytes). Default 5 MB. */
  maxChars?: number;
  /** Most items kept (the first ones, which feeds put newest first). Default 500. */
  maxItems?: number;
}

/** Default limits. Strings longer than these are cut (at a word boundary where possible). */
export const FEED_LIMITS = {
  maxChars: 5 * 1024 * 1024,
  maxItems: 500,
  titleChars: 500,
  summaryChars: 2000,
  outletChars: 200,
  urlChars: 2048,
  guidChars: 500,
  /** HTML longer than this is cut before its text is extracted. */
  htmlChars: 200_000,
} as const;
