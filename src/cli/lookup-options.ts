import { fetchText } from '../net/fetch-text.ts';
import type { HttpAnswer } from '../lookup/engine.ts';
import { engineById } from '../lookup/engines.ts';
import type { LookupDeps } from '../lookup/lookup.ts';
import { RateLimiter, SearchCache } from '../lookup/rate-limit.ts';
import type { SearchHit } from '../lookup/engine.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { parseHtmlDocument } from './node-dom.ts';

/** The CLI options every lookup command takes (see `lookupDeps`). */
export const LOOKUP_OPTIONS = {
  lookup: { type: 'boolean' },
  engine: { type: 'string' },
  endpoint: { type: 'string' },
  'min-interval': { type: 'string' },
  via: { type: 'string' },
} as const;

/** `--help` text of LOOKUP_OPTIONS, for the commands that take them. */
export const LOOKUP_HELP = `Lookup options:
  --lookup                 look for the original in a news search index when no known article explains the page
  --engine gdelt|rss       the search engine (default gdelt)
  --endpoint URL           another server speaking that engine's protocol
  --min-interval SECONDS   least time between two search requests (default: the engine's rule; GDELT 5 s)
  --via http://HOST:PORT   send every request (searches, candidates, a page given as a URL) to that server as
                           GET /fetch?url=<percent-encoded URL>; its answer stands for the real response
`;

export interface LookupFlags {
  engine?: string;
  endpoint?: string;
  'min-interval'?: string;
  via?: string;
}

/** Limits of every request the CLI makes: as the extension's, without cookies. */
const SEARCH_LIMITS = { timeoutMs: 20_000, maxBytes: 4 * 1024 * 1024 };

/**
 * `GET url`, or through a gateway: with `--via http://HOST:PORT` every request becomes
 * `GET http://HOST:PORT/fetch?url=<percent-encoded URL>`, whose status, headers and body stand for
 * the real response (how tests and corporate gateways run the CLI without the internet).
 */
export function httpGetter(via?: string): (url: string) => Promise<HttpAnswer> {
  const gateway = via ? new URL('/fetch', via) : undefined;
  return async (url) => {
    const target = gateway ? `${gateway.href}?url=${encodeURIComponent(url)}` : url;
    const res = await fetchText(target, SEARCH_LIMITS);
    return { status: res.status, headers: res.headers, text: res.text };
  };
}

/** Lookup dependencies from the command line: engine, endpoint, rate limit (the engine's by default), gateway. */
export function lookupDeps(flags: LookupFlags): Omit<LookupDeps, 'idf'> {
  const engine = engineById(flags.engine ?? 'gdelt');
  const seconds = flags['min-interval'] === undefined ? engine.minIntervalMs / 1000 : Number(flags['min-interval']);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error('--min-interval takes a number of seconds (0 or more)');
  if (flags.endpoint) new URL(flags.endpoint); // a clear error now rather than on the first request
  if (flags.via) new URL(flags.via);
  return {
    engine,
    endpoint: flags.endpoint,
    get: httpGetter(flags.via),
    limiter: new RateLimiter(seconds * 1000),
    cache: new SearchCache<SearchHit[]>(),
    extract: (html, url) => extractArticle(parseHtmlDocument(html), url, { force: true }),
    now: () => new Date(),
  };
}
