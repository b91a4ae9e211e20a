import { normalizeUrl } from '../core/site.ts';
import { readAtom } from './atom.ts';
import { readJsonFeed } from './json-feed.ts';
import type { RawFeed, RawFeedResult } from './raw-feed.ts';
import { readRss } from './rss.ts';
import { collapseWhitespace, stripSummaryTrailers, truncate } from './text.ts';
import { FEED_LIMITS, type FeedItem, type ParsedFeed, type ParseFeedOptions, type ParseFeedResult } from './types.ts';
import { resolveHttpUrl } from './urls.ts';
import { parseXml, readProlog } from './xml.ts';

/**
 * Parses an RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed document fetched from `feedUrl` (the base for
 * relative links). Pure and DOM-free, so it runs in an MV3 service worker. A malformed, hostile or
 * oversized feed gives `{ ok: false, error }` with a message fit for the options page; it never
 * throws. Items without a usable http(s) link, duplicates and items beyond `maxItems` are dropped
 * and counted in `skipped`; strings are cut to `FEED_LIMITS`.
 */
export function parseFeed(text: string, feedUrl: string, options: ParseFeedOptions = {}): ParseFeedResult {
  try {
    const maxChars = options.maxChars ?? FEED_LIMITS.maxChars;
    if (typeof text !== 'string') return { ok: false, error: 'the feed is not text' };
    if (text.length > maxChars) return { ok: false, error: `the feed is too large (${mb(text.length)} MB; the limit is ${mb(maxChars)} MB)` };
    const base = resolveHttpUrl(feedUrl);
    if (!base) return { ok: false, error: 'the feed URL is not an absolute http(s) URL' };
    const body = text.replace(/^[\ufeff\s]+/, '');
    if (!body) return { ok: false, error: 'the feed is empty' };
    const raw = body.startsWith('{') ? readJsonFeed(body, base) : readXmlFeed(body, base);
    if (!raw.ok) return raw;
    return { ok: true, feed: finish(raw.feed, base, options) };
  } catch (e) {
    return { ok: false, error: `the feed could not be read: ${truncate(e instanceof Error ? e.message : String(e), 160)}` };
  }
}

function readXmlFeed(text: string, base: string): RawFeedResult {
  const prolog = readProlog(text);
  if (/^<!DOCTYPE\s+html/i.test(prolog.doctype ?? '') || /^<html[\s>]/i.test(text.slice(prolog.rootStart, prolog.rootStart + 6))) {
    return { ok: false, error: 'this is an HTML page, not a feed' };
  }
  if (text[prolog.rootStart] !== '<' && !prolog.internalSubset) return { ok: false, error: 'not a feed: neither XML nor JSON' };
  const xml = parseXml(text);
  if (!xml.ok) return xml;
  const { root } = xml;
  if (root.name === 'rss' || root.name === 'rdf:RDF') return { ok: true, feed: readRss(root, base) };
  if (root.name === 'atom:feed') return { ok: true, feed: readAtom(root, base) };
  return { ok: false, error: `not a feed: the document's root element is <${truncate(root.name, 60)}>` };
}

/** Applies names, limits and deduplication to what a format reader produced. */
function finish(raw: RawFeed, base: string, options: ParseFeedOptions): ParsedFeed {
  const maxItems = Math.max(0, options.maxItems ?? FEED_LIMITS.maxItems);
  const title = truncate(collapseWhitespace(raw.title), FEED_LIMITS.outletChars);
  const outlet = truncate(collapseWhitespace(options.outlet ?? ''), FEED_LIMITS.outletChars) || title || hostOf(raw.siteUrl ?? base);
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const it of raw.items) {
    const summary = truncate(stripSummaryTrailers(it.summary), FEED_LIMITS.summaryChars);
    const itemTitle = truncate(it.title || it.summary, it.title ? FEED_LIMITS.titleChars : 120);
    const key = it.link && normalizeUrl(it.link);
    if (!it.link || !key || !itemTitle || seen.has(key) || items.length >= maxItems) {
      skipped++;
      continue;
    }
    seen.add(key);
    const guid = it.guid ? truncate(collapseWhitespace(it.guid), FEED_LIMITS.guidChars) : undefined;
    items.push({ title: itemTitle, link: it.link, ...(it.published ? { published: it.published } : {}), outlet, summary, ...(guid ? { guid } : {}) });
  }
  return {
    title,
    ...(raw.siteUrl ? { siteUrl: raw.siteUrl } : {}),
    ...(raw.ttlMinutes ? { ttlMinutes: raw.ttlMinutes } : {}),
    items,
    skipped,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const mb = (chars: number) => (chars / (1024 * 1024)).toFixed(1);
