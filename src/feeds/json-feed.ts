import { parseDate } from '../core/dates.ts';
import { htmlToText } from './html-text.ts';
import type { RawFeedResult, RawItem } from './raw-feed.ts';
import { collapseWhitespace, truncate } from './text.ts';
import { resolveHttpUrl } from './urls.ts';

/**
 * Reads JSON Feed 1.0 and 1.1: `items[].url` (else `external_url`), `title`, `summary`,
 * `content_text` or `content_html`, `date_published` (else `date_modified`), `id`.
 * Every field is type-checked; values of the wrong type count as missing.
 */
export function readJsonFeed(text: string, feedUrl: string): RawFeedResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${truncate(e instanceof Error ? e.message : String(e), 160)}` };
  }
  if (!isObject(data)) return { ok: false, error: 'a JSON Feed must be a JSON object' };
  const version = str(data.version);
  if (!version.startsWith('https://jsonfeed.org/version/') && !version.startsWith('http://jsonfeed.org/version/')) {
    return { ok: false, error: 'not a JSON Feed (no jsonfeed.org version)' };
  }
  if (data.items !== undefined && !Array.isArray(data.items)) return { ok: false, error: 'JSON Feed "items" is not an array' };
  const items = (Array.isArray(data.items) ? data.items : []).filter(isObject).map((it) => readItem(it, feedUrl));
  return {
    ok: true,
    feed: { title: collapseWhitespace(str(data.title)), siteUrl: resolveHttpUrl(str(data.home_page_url), feedUrl), items },
  };
}

function readItem(it: Record<string, unknown>, feedUrl: string): RawItem {
  const id = typeof it.id === 'number' && Number.isFinite(it.id) ? String(it.id) : str(it.id);
  const summary = collapseWhitespace(str(it.summary)) || collapseWhitespace(str(it.content_text)) || htmlToText(str(it.content_html));
  return {
    title: collapseWhitespace(str(it.title)),
    link: resolveHttpUrl(str(it.url), feedUrl) ?? resolveHttpUrl(str(it.external_url), feedUrl),
    published: parseDate(str(it.date_published) || str(it.date_modified)),
    summary,
    guid: id || undefined,
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : '';
}
