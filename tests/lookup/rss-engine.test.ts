import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchError, type HttpAnswer } from '../../src/lookup/engine.ts';
import { engineById } from '../../src/lookup/engines.ts';
import type { SearchQuery } from '../../src/lookup/query.ts';
import { rssSearchEngine } from '../../src/lookup/rss-engine.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

const QUERY: SearchQuery = {
  terms: [
    { text: 'Vladimir Putin', phrase: true },
    { text: 'Russia', phrase: false },
    { text: 'Donald Trump', phrase: true },
  ],
};
const RANGE = { from: new Date('2025-09-23T09:00:00Z'), to: new Date('2025-10-24T09:00:00Z') };
const END = rssSearchEngine.defaultEndpoint;
const REQUEST = rssSearchEngine.requestUrl(QUERY, RANGE, END, 75);

const ok = (text: string): HttpAnswer => ({ status: 200, headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, text });

function errorOf(answer: HttpAnswer): SearchError {
  try {
    rssSearchEngine.parse(answer, REQUEST);
  } catch (e) {
    expect(e).toBeInstanceOf(SearchError);
    return e as SearchError;
  }
  throw new Error('parse did not throw');
}

describe('rssSearchEngine.requestUrl', () => {
  it('puts the terms and the date range (after:/before:, the day after the end) in q, in English by default', () => {
    const u = new URL(REQUEST);
    expect(u.origin + u.pathname).toBe('https://news.google.com/rss/search');
    expect(u.searchParams.get('q')).toBe('"Vladimir Putin" Russia "Donald Trump" after:2025-09-23 before:2025-10-25');
    expect(u.searchParams.get('hl')).toBe('en-US');
    expect([...u.searchParams.keys()].sort()).toEqual(['hl', 'q']);
  });

  it('uses UTC days for the range', () => {
    const q = new URL(
      rssSearchEngine.requestUrl(QUERY, { from: new Date('2025-09-30T23:30:00-02:00'), to: new Date('2025-10-31T23:59:59Z') }, END, 10),
    ).searchParams.get('q');
    expect(q).toMatch(/ after:2025-10-01 before:2025-11-01$/);
  });

  it('keeps an endpoint override with its path, and its own language', () => {
    const u = new URL(rssSearchEngine.requestUrl(QUERY, RANGE, 'http://localhost:8787/news/rss/search?hl=fr&gl=FR&ceid=FR:fr', 10));
    expect(u.origin + u.pathname).toBe('http://localhost:8787/news/rss/search');
    expect(u.searchParams.get('hl')).toBe('fr');
    expect(u.searchParams.get('gl')).toBe('FR');
    expect(u.searchParams.get('ceid')).toBe('FR:fr');
    expect(u.searchParams.get('q')).toContain('"Vladimir Putin" Russia "Donald Trump" after:');
  });

  it('is the engine named "rss"', () => {
    expect(engineById('rss')).toBe(rssSearchEngine);
  });
});

describe('rssSearchEngine.parse', () => {
  it('reads items as hits: link, title, domain of the link, pubDate as ISO', () => {
    const hits = rssSearchEngine.parse(ok(fixture('rss-search.xml')), REQUEST);
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({
      url: 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-kremlin.html',
      title: "Russia was smug about Trump-Putin talks. Now, Moscow's anxious - CNBC",
      domain: 'www.cnbc.com',
      seen: '2025-10-22T06:45:00.000Z',
    });
    // A pubDate with an offset is read in UTC.
    expect(hits[1]).toMatchObject({ domain: 'www.example-wire.com', seen: '2025-10-22T09:30:00.000Z' });
  });

  it('reads an empty channel as no hits', () => {
    expect(rssSearchEngine.parse(ok(fixture('rss-empty.xml')), REQUEST)).toEqual([]);
  });

  it('reports an HTML error page at HTTP 200 as malformed', () => {
    const e = errorOf({ status: 200, headers: { 'content-type': 'text/html' }, text: fixture('rss-error.html') });
    expect(e.kind).toBe('malformed');
    expect(e.message).toMatch(/RSS search/);
    expect(errorOf(ok('not a feed at all')).kind).toBe('malformed');
  });

  it('turns a 429 into rate-limited with Retry-After, and a 503 into an http error', () => {
    const e = errorOf({ status: 429, headers: { 'retry-after': '60' }, text: '' });
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterMs).toBe(60_000);
    expect(errorOf({ status: 503, headers: {}, text: 'unavailable' }).kind).toBe('http');
  });
});
