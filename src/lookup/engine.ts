import type { SearchQuery } from './query.ts';

/** The publication window searched (a page's original appeared before it). */
export interface SearchRange {
  from: Date;
  to: Date;
}

/** One article a news search index returned. */
export interface SearchHit {
  url: string;
  title: string;
  /** Host of the article as the index names it (may be empty). */
  domain: string;
  /** When the index first saw the article (ISO): observed independently of the article's own markup. */
  seen?: string;
  language?: string;
}

/** A fetched HTTP answer, as engines read it. */
export interface HttpAnswer {
  status: number;
  headers: { 'retry-after'?: string | null; 'content-type'?: string | null };
  text?: string;
}

/** Why a search failed: the rate limiter and the popup treat each differently. */
export class SearchError extends Error {
  constructor(
    readonly kind: 'rate-limited' | 'http' | 'malformed' | 'refused',
    message: string,
    /** For `rate-limited`: how long the engine asked to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SearchError';
  }
}

/**
 * A news search index: how to ask it (an URL carrying only the search terms and the date range) and
 * how to read its answer. Pure: no fetching here, so each engine is tested on recorded answers.
 */
export interface SearchEngine {
  id: string;
  /** Display name ("GDELT"). */
  name: string;
  defaultEndpoint: string;
  /** Least time between two requests that the engine asks of its clients. */
  minIntervalMs: number;
  requestUrl(query: SearchQuery, range: SearchRange, endpoint: string, maxRecords: number): string;
  /** The hits of an answer; throws `SearchError` for a failure (429, HTTP error, malformed or refused query). */
  parse(answer: HttpAnswer, requestUrl: string): SearchHit[];
}

/** `Retry-After` in ms: seconds or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

/** The common failures of an HTTP answer (before the engine reads the body). */
export function checkStatus(answer: HttpAnswer, engine: string): string {
  if (answer.status === 429) {
    throw new SearchError('rate-limited', `${engine} asked to slow down (HTTP 429)`, retryAfterMs(answer.headers['retry-after']));
  }
  if (answer.status < 200 || answer.status >= 300) throw new SearchError('http', `${engine} answered HTTP ${answer.status}`);
  if (answer.text === undefined) throw new SearchError('malformed', `${engine} sent no body`);
  return answer.text;
}
