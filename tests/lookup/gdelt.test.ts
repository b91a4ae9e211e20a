import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retryAfterMs, SearchError, type HttpAnswer } from '../../src/lookup/engine.ts';
import { engineById } from '../../src/lookup/engines.ts';
import { gdeltEngine, gdeltTime, parseGdeltTime } from '../../src/lookup/gdelt.ts';
import type { SearchQuery } from '../../src/lookup/query.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

const QUERY: SearchQuery = {
  terms: [
    { text: 'Vladimir Putin', phrase: true },
    { text: 'Budapest', phrase: false },
    { text: 'Trump-Putin', phrase: true },
  ],
};
const RANGE = { from: new Date('2025-09-22T09:05:07.900Z'), to: new Date('2025-10-23T23:59:59.000Z') };
const END = gdeltEngine.defaultEndpoint;

const ok = (text: string, headers: HttpAnswer['headers'] = { 'content-type': 'application/json; charset=utf-8' }): HttpAnswer => ({
  status: 200,
  headers,
  text,
});
const parse = (answer: HttpAnswer) => gdeltEngine.parse(answer, gdeltEngine.requestUrl(QUERY, RANGE, END, 75));

/** The SearchError a parse throws (fails the test if it does not throw one). */
function errorOf(answer: HttpAnswer): SearchError {
  try {
    parse(answer);
  } catch (e) {
    expect(e).toBeInstanceOf(SearchError);
    return e as SearchError;
  }
  throw new Error('parse did not throw');
}

describe('gdeltEngine.requestUrl', () => {
  it('asks for an article list as JSON, by relevance blended with recency, with the query and the range in UTC', () => {
    const u = new URL(gdeltEngine.requestUrl(QUERY, RANGE, END, 75));
    expect(u.origin + u.pathname).toBe('https://api.gdeltproject.org/api/v2/doc/doc');
    expect(u.searchParams.get('query')).toBe('"Vladimir Putin" Budapest "Trump-Putin"');
    expect(u.searchParams.get('mode')).toBe('artlist');
    expect(u.searchParams.get('format')).toBe('json');
    expect(u.searchParams.get('maxrecords')).toBe('75');
    expect(u.searchParams.get('startdatetime')).toBe('20250922090507');
    expect(u.searchParams.get('enddatetime')).toBe('20251023235959');
    expect(u.searchParams.get('sort')).toBe('hybridrel');
    // Nothing else leaves the machine.
    expect([...u.searchParams.keys()].sort()).toEqual(['enddatetime', 'format', 'maxrecords', 'mode', 'query', 'sort', 'startdatetime']);
  });

  it('clamps maxrecords to 1..250', () => {
    const max = (n: number) => new URL(gdeltEngine.requestUrl(QUERY, RANGE, END, n)).searchParams.get('maxrecords');
    expect(max(0)).toBe('1');
    expect(max(-5)).toBe('1');
    expect(max(1)).toBe('1');
    expect(max(250)).toBe('250');
    expect(max(251)).toBe('250');
    expect(max(10_000)).toBe('250');
  });

  it('keeps an endpoint override with its path and its own parameters', () => {
    const u = new URL(gdeltEngine.requestUrl(QUERY, RANGE, 'http://127.0.0.1:8787/mirror/gdelt/api/v2/doc/doc?key=abc', 10));
    expect(u.origin).toBe('http://127.0.0.1:8787');
    expect(u.pathname).toBe('/mirror/gdelt/api/v2/doc/doc');
    expect(u.searchParams.get('key')).toBe('abc');
    expect(u.searchParams.get('query')).toBe('"Vladimir Putin" Budapest "Trump-Putin"');
  });

  it('writes times as YYYYMMDDHHMMSS in UTC', () => {
    expect(gdeltTime(new Date('2025-01-02T03:04:05.678Z'))).toBe('20250102030405');
    expect(gdeltTime(new Date('2025-10-22T23:30:00-05:00'))).toBe('20251023043000');
  });

  it('is the engine named "gdelt"', () => {
    expect(engineById('gdelt')).toBe(gdeltEngine);
    expect(() => engineById('bing')).toThrow(/unknown search engine "bing".*gdelt/);
  });
});

describe('gdeltEngine.parse', () => {
  it('reads a recorded-shape article list: url, title, domain, language, seendate as ISO', () => {
    const hits = parse(ok(fixture('gdelt-artlist.json')));
    expect(hits).toHaveLength(3);
    expect(hits[0]).toEqual({
      url: 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-kremlin.html',
      title: 'Russia was smug about Trump - Putin talks . Now , Moscow anxious',
      domain: 'cnbc.com',
      seen: '2025-10-22T06:45:00.000Z',
      language: 'English',
    });
    expect(hits.map((h) => h.seen)).toEqual(['2025-10-22T06:45:00.000Z', '2025-10-22T09:30:00.000Z', '2025-10-22T11:15:00.000Z']);
    expect(hits[2]!.language).toBe('German');
  });

  it('reads {} (nothing matched) and an empty list as no hits', () => {
    expect(parse(ok('{}'))).toEqual([]);
    expect(parse(ok('  {}\n'))).toEqual([]);
    expect(parse(ok('{"articles":[]}'))).toEqual([]);
  });

  it('skips articles without a usable http(s) url, and fills a missing domain from the url', () => {
    const body = JSON.stringify({
      articles: [
        { title: 'no url', seendate: '20251022T064500Z' },
        { url: 42, title: 'number url' },
        { url: 'not a url', title: 'bad url' },
        { url: 'ftp://files.example.com/story.txt', title: 'ftp' },
        { url: 'javascript:alert(1)', title: 'script' },
        { url: `https://example.com/${'x'.repeat(2100)}`, title: 'too long' },
        null,
        'a string',
        { url: 'https://www.example.org/world/story', seendate: 'yesterday' },
      ],
    });
    const hits = parse(ok(body));
    expect(hits).toEqual([{ url: 'https://www.example.org/world/story', title: '', domain: 'www.example.org', seen: undefined, language: undefined }]);
  });

  it('turns a 429 into a rate-limited error carrying Retry-After', () => {
    const e = errorOf({
      status: 429,
      headers: { 'retry-after': '7' },
      text: 'Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.',
    });
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterMs).toBe(7000);
    expect(e.message).toMatch(/GDELT.*429/);
    expect(errorOf({ status: 429, headers: {} }).retryAfterMs).toBeUndefined();
  });

  it('turns other HTTP failures into http errors, and a missing body into malformed', () => {
    const e = errorOf({ status: 500, headers: {}, text: 'Internal Server Error' });
    expect(e.kind).toBe('http');
    expect(e.message).toContain('500');
    expect(errorOf({ status: 302, headers: {}, text: '' }).kind).toBe('http');
    expect(errorOf({ status: 200, headers: {} }).kind).toBe('malformed');
  });

  it('reads a plain-text sentence at HTTP 200 as a refused query, with the sentence', () => {
    for (const sentence of ['Your search contained a keyword that was too short.', 'The specified phrase is too short.']) {
      const e = errorOf(ok(`${sentence}\n`, { 'content-type': 'text/html' }));
      expect(e.kind).toBe('refused');
      expect(e.message).toContain(sentence);
    }
  });

  it('reads the plain-text rate-limit sentence at HTTP 200 as rate-limited, not refused', () => {
    const e = errorOf(
      ok('Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.', { 'content-type': 'text/html' }),
    );
    expect(e.kind).toBe('rate-limited');
  });

  it('reports malformed JSON and an "articles" that is not a list as malformed', () => {
    expect(errorOf(ok('{"articles": [{"url": "https://a.example/x"')).kind).toBe('malformed');
    expect(errorOf(ok('{"articles": {"url": "https://a.example/x"}}')).kind).toBe('malformed');
    expect(errorOf(ok('{"articles": "none"}')).kind).toBe('malformed');
  });
});

describe('GDELT times and Retry-After', () => {
  it('parses seendate with or without T and Z, and nothing else', () => {
    expect(parseGdeltTime('20251022T064500Z')).toBe('2025-10-22T06:45:00.000Z');
    expect(parseGdeltTime('20251022064500')).toBe('2025-10-22T06:45:00.000Z');
    expect(parseGdeltTime('2025-10-22T06:45:00Z')).toBeUndefined();
    expect(parseGdeltTime(20251022064500)).toBeUndefined();
    expect(parseGdeltTime(undefined)).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-10-22T06:45:00Z');
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('Wed, 22 Oct 2025 06:45:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 22 Oct 2025 06:44:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
