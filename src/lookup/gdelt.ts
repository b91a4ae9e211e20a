import { httpUrl } from '../core/url.ts';
import { checkStatus, SearchError, type SearchEngine, type SearchHit } from './engine.ts';
import { queryText } from './query.ts';

/**
 * The GDELT DOC 2.0 API (https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/): free, no key,
 * global online news of the last three months. Terms are ANDed, phrases quoted. Its answer is JSON
 * (`{"articles":[{url,title,seendate,domain,language,…}]}`, or `{}` when nothing matched); a query it
 * refuses gets a plain-text sentence instead. It asks for at most one request every 5 seconds.
 */
export const gdeltEngine: SearchEngine = {
  id: 'gdelt',
  name: 'GDELT',
  defaultEndpoint: 'https://api.gdeltproject.org/api/v2/doc/doc',
  minIntervalMs: 5_000,
  requestUrl(query, range, endpoint, maxRecords) {
    const u = new URL(endpoint);
    u.searchParams.set('query', queryText(query));
    u.searchParams.set('mode', 'artlist');
    u.searchParams.set('format', 'json');
    u.searchParams.set('maxrecords', String(Number.isFinite(maxRecords) ? Math.max(1, Math.min(250, Math.round(maxRecords))) : 75));
    u.searchParams.set('startdatetime', gdeltTime(range.from));
    u.searchParams.set('enddatetime', gdeltTime(range.to));
    // Relevance blended with recency (GDELT's HybridRel): the story's own articles before the oldest
    // or newest mention of the same names.
    u.searchParams.set('sort', 'hybridrel');
    return u.href;
  },
  parse(answer) {
    const text = checkStatus(answer, 'GDELT').trim();
    if (!text.startsWith('{')) {
      if (/limit requests|rate limit|too many requests/i.test(text)) throw new SearchError('rate-limited', `GDELT: ${firstLine(text)}`);
      throw new SearchError('refused', `GDELT refused the query: ${firstLine(text)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SearchError('malformed', 'GDELT sent malformed JSON');
    }
    if (typeof json !== 'object' || json === null) throw new SearchError('malformed', 'GDELT sent no object');
    const articles = (json as { articles?: unknown }).articles;
    if (articles === undefined) return [];
    if (!Array.isArray(articles)) throw new SearchError('malformed', 'GDELT sent "articles" that is not a list');
    return articles.flatMap((a): SearchHit[] => {
      if (typeof a !== 'object' || a === null) return [];
      const r = a as Record<string, unknown>;
      const url = httpUrl(r['url']);
      if (!url) return [];
      return [
        {
          url,
          title: typeof r['title'] === 'string' ? r['title'].slice(0, 500) : '',
          domain: typeof r['domain'] === 'string' ? r['domain'].slice(0, 253) : new URL(url).hostname,
          seen: parseGdeltTime(r['seendate']),
          language: typeof r['language'] === 'string' ? r['language'].slice(0, 40) : undefined,
        },
      ];
    });
  },
};

/** `YYYYMMDDHHMMSS` in UTC, GDELT's request time format. */
export function gdeltTime(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** GDELT's `seendate` ("20251022T064500Z") as ISO, or undefined. */
export function parseGdeltTime(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T?(\d{2})(\d{2})(\d{2})Z?$/.exec(v.trim());
  if (!m) return undefined;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

const firstLine = (t: string) => t.split('\n')[0]!.slice(0, 200);
