// The local news-search server (e2e/news-search-server.mjs): GDELT DOC 2.0 and RSS search over an
// index of the whole corpus, the page gateway and host dispatch. One server (plus a second one on
// the same in-process index, for the rate limit and urlFor) for the whole file.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED } from '../helpers.ts';

interface Article {
  url: string;
  url_mobile: string;
  title: string;
  seendate: string;
  socialimage: string;
  domain: string;
  language: string;
  sourcecountry: string;
}
type SearchResult = { error: string } | { articles: Article[]; ids: string[]; total: number };
interface Row {
  id: string;
  url: string;
  file: string;
  published?: string | null;
  original?: string | null;
}
interface NewsServer {
  port: number;
  origin: string;
  gdeltEndpoint: string;
  rssEndpoint: string;
  hosts: string[];
  requests: { at: string; method: string; host: string; path: string; via: string | null; kind: string }[];
  search(q: string, params?: Record<string, string | number>): SearchResult;
  stats: { docs: number; buildMs: number };
  close(): Promise<void>;
}
interface Mod {
  startNewsSearchServer(opts?: Record<string, unknown>): Promise<NewsServer>;
  parseGdeltQuery(q: string): { error?: string; type?: string; items?: unknown[] };
  gdeltDate(iso: string): string;
  localUrlFor(row: Row, ctx: { port: number }): string;
  GDELT_ERRORS: Record<string, string>;
}

const CORPUS = join(SHARED, 'corpus');
const rows: Row[] = readFileSync(join(CORPUS, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);
const row = (id: string) => rows.find((r) => r.id === id)!;
const NYPOST = 'c9ef7a5856bad3a30adcaf124a0bca53'; // Kim Denicola's amnesia, New York Post
const SEED = 'seed-original'; // CNBC, Putin-Trump summit

let mod: Mod;
let srv: NewsServer;
let limited: NewsServer;

const ok = (r: SearchResult) => {
  if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
  return r;
};
const idsOf = (q: string, params: Record<string, string | number> = {}) => ok(srv.search(q, { maxrecords: 250, ...params })).ids;

/** GET on the server with an explicit Host header; returns status, content-type and body. */
function get(server: NewsServer, pathAndQuery: string, host = `127.0.0.1:${server.port}`) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathAndQuery, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
const gdeltPath = (params: Record<string, string>) => `/api/v2/doc/doc?${new URLSearchParams({ mode: 'artlist', format: 'json', ...params })}`;

beforeAll(async () => {
  const path = new URL('../../e2e/news-search-server.mjs', import.meta.url).pathname;
  mod = (await import(path)) as Mod;
  srv = await mod.startNewsSearchServer();
  limited = await mod.startNewsSearchServer({ minIntervalMs: 60_000, urlFor: mod.localUrlFor });
});
afterAll(async () => {
  await srv?.close();
  await limited?.close();
});

describe('index', () => {
  it('holds every manifest row and every host', () => {
    expect(srv.stats.docs).toBe(rows.length);
    expect(srv.hosts).toContain('www.cnbc.com');
    expect(srv.hosts).toContain('news.bbc.co.uk');
  });
});

describe('GDELT query semantics', () => {
  it('a quoted name finds the article and its copies', () => {
    const ids = idsOf('"Kim Denicola"');
    expect(ids).toContain(NYPOST);
    const copies = rows.filter((r) => r.original === NYPOST).map((r) => r.id);
    expect(copies.length).toBeGreaterThan(3);
    for (const id of copies) expect(ids).toContain(id);
    // Nothing unrelated: every hit is that story.
    for (const id of ids) expect(id.startsWith('c9ef7a5856')).toBe(true);
  });

  it('bare terms are ANDed', () => {
    const both = idsOf('Peskov Lavrov');
    expect(both).toContain(SEED);
    const peskov = new Set(idsOf('Peskov'));
    const lavrov = new Set(idsOf('Lavrov'));
    for (const id of both) expect(peskov.has(id) && lavrov.has(id)).toBe(true);
    expect(both.length).toBeLessThanOrEqual(Math.min(peskov.size, lavrov.size));
  });

  it('a phrase needs the words side by side, whole words only', () => {
    expect(idsOf('Denicola WAFB').length).toBeGreaterThan(0);
    expect(idsOf('"Denicola WAFB"')).toEqual([]);
    expect(idsOf('"Dmitry Peskov"')).toContain(SEED);
    expect(idsOf('"Sergey Lavrov"')).toContain(SEED);
    expect(idsOf('Denicol')).toEqual([]); // no substring matches
    expect(idsOf('DENICOLA')).toEqual(idsOf('denicola')); // case-insensitive
  });

  it('an OR group is the union', () => {
    const either = new Set(idsOf('(Denicola OR Peskov OR "Sergey Lavrov")'));
    for (const id of [...idsOf('Denicola'), ...idsOf('Peskov'), ...idsOf('"Sergey Lavrov"')]) expect(either.has(id)).toBe(true);
    expect(either.size).toBe(new Set([...idsOf('Denicola'), ...idsOf('Peskov'), ...idsOf('"Sergey Lavrov"')]).size);
  });

  it('a leading - negates a term, a phrase or a domain', () => {
    const all = idsOf('Denicola');
    const withWafb = new Set(idsOf('Denicola WAFB'));
    const without = idsOf('Denicola -WAFB');
    expect(without.length).toBe(all.length - withWafb.size);
    for (const id of without) expect(withWafb.has(id)).toBe(false);
    expect(idsOf('Denicola -"Kim Denicola"').every((id) => !idsOf('"Kim Denicola"').includes(id))).toBe(true);
    expect(idsOf('"Kim Denicola" domainis:nypost.com')).toEqual([NYPOST]);
    const notPost = idsOf('"Kim Denicola" -domainis:nypost.com');
    expect(notPost).not.toContain(NYPOST);
    expect(notPost.length).toBe(idsOf('"Kim Denicola"').length - 1);
    expect(idsOf('"Kim Denicola" domain:nypost')).toEqual([NYPOST]);
    expect(idsOf('"Kim Denicola" domainis:nypost')).toEqual([]); // domainis is exact
    expect(idsOf('"Kim Denicola" sourcelang:english sourcecountry:US').length).toBe(idsOf('"Kim Denicola"').length);
    expect(idsOf('"Kim Denicola" sourcelang:spanish')).toEqual([]);
  });

  it('startdatetime / enddatetime filter seendate, inclusive', () => {
    const all = ok(srv.search('"Kim Denicola"', { maxrecords: 250 }));
    const day = ok(srv.search('"Kim Denicola"', { startdatetime: '20231225000000', enddatetime: '20231225235959' }));
    expect(day.articles.length).toBeGreaterThan(0);
    expect(day.articles.length).toBeLessThan(all.articles.length);
    for (const a of day.articles) expect(a.seendate.startsWith('20231225T')).toBe(true);
    const exact = all.articles[0]!.seendate.replace(/[TZ]/g, '');
    expect(ok(srv.search('"Kim Denicola"', { startdatetime: exact, enddatetime: exact })).articles.length).toBeGreaterThan(0);
  });

  it('maxrecords: default 75, at most 250', () => {
    expect(ok(srv.search('said')).articles.length).toBe(75);
    expect(ok(srv.search('said', { maxrecords: 5 })).articles.length).toBe(5);
    expect(ok(srv.search('said', { maxrecords: 9999 })).articles.length).toBe(250);
  });

  it('sort=dateasc and datedesc order by seendate; hybridrel puts the title match first', () => {
    const asc = ok(srv.search('Denicola', { sort: 'DateAsc' })).articles.map((a) => a.seendate);
    expect(asc).toEqual([...asc].sort());
    const desc = ok(srv.search('Denicola', { sort: 'datedesc' })).articles.map((a) => a.seendate);
    expect(desc).toEqual([...asc].sort().reverse());
    // "Time Warner" is in the title of bbc-business-001 ("Ad sales boost Time Warner profit").
    expect(ok(srv.search('"Time Warner" profit')).ids[0]).toBe('bbc-business-001');
  });

  it('answers in GDELT article shape', () => {
    const a = ok(srv.search('"Kim Denicola" domainis:nypost.com')).articles[0]!;
    expect(a).toEqual({
      url: row(NYPOST).url,
      url_mobile: '',
      title: expect.stringContaining('Louisiana grandmother'),
      seendate: mod.gdeltDate(row(NYPOST).published!),
      socialimage: '',
      domain: 'nypost.com',
      language: 'English',
      sourcecountry: '',
    });
  });

  it('parses the query language and refuses what GDELT refuses', () => {
    const ast = mod.parseGdeltQuery('(Putin OR "Vladimir Putin") summit -Zelenskyy -domainis:cnbc.com');
    expect(ast.error).toBeUndefined();
    expect(ast).toMatchObject({
      type: 'and',
      items: [
        {
          type: 'or',
          items: [
            { type: 'term', word: 'putin' },
            { type: 'phrase', words: ['vladimir', 'putin'] },
          ],
        },
        { type: 'term', word: 'summit', neg: false },
        { type: 'term', word: 'zelenskyy', neg: true },
        { type: 'domain', value: 'cnbc.com', exact: true, neg: true },
      ],
    });
    const E = mod.GDELT_ERRORS;
    expect(mod.parseGdeltQuery('').error).toBe(E.EMPTY_QUERY);
    expect(mod.parseGdeltQuery('AI summit').error).toBe(E.KEYWORD_TOO_SHORT);
    expect(mod.parseGdeltQuery('"Iran"').error).toBe(E.PHRASE_TOO_SHORT);
    expect(mod.parseGdeltQuery('"Kim Denicola').error).toBe(E.UNBALANCED_QUOTES);
    expect(mod.parseGdeltQuery('(Putin Trump)').error).toBe(E.PARENS_WITHOUT_OR);
    expect(mod.parseGdeltQuery('Putin OR Trump').error).toBe(E.OR_WITHOUT_PARENS);
    expect(mod.parseGdeltQuery('(Putin OR Trump').error).toBe(E.PAREN_ERROR);
    expect(mod.parseGdeltQuery('Russia-derived').error).toBe(E.ILLEGAL_CHARACTER);
    expect(mod.parseGdeltQuery('sourcelocation:Texas').error).toMatch(
      /^One or more of your keywords were too short, too long or too common: \(sourcelocation:texas\)$/,
    );
    expect(mod.gdeltDate('2025-10-22T06:47:32+00:00')).toBe('20251022T064500Z');
  });
});

describe('GDELT endpoint over HTTP', () => {
  it('answers JSON, `{}` for no results, and plain-text errors with HTTP 200', async () => {
    const hit = await get(srv, gdeltPath({ query: '"Kim Denicola"', maxrecords: '3', sort: 'datedesc' }), 'api.gdeltproject.org');
    expect(hit.status).toBe(200);
    expect(hit.type).toMatch(/application\/json/);
    expect((JSON.parse(hit.body) as { articles: Article[] }).articles).toHaveLength(3);

    const none = await get(srv, gdeltPath({ query: 'Denicola Peskov' }));
    expect(none.body).toBe('{}');

    for (const [query, error] of [
      ['AI', mod.GDELT_ERRORS.KEYWORD_TOO_SHORT],
      ['"Iran"', mod.GDELT_ERRORS.PHRASE_TOO_SHORT],
      ['"Kim Denicola', mod.GDELT_ERRORS.UNBALANCED_QUOTES],
      ['', mod.GDELT_ERRORS.EMPTY_QUERY],
    ] as const) {
      const r = await get(srv, gdeltPath({ query }));
      expect(r.status).toBe(200);
      expect(r.type).not.toMatch(/json/);
      expect(r.body).toBe(error);
    }
    expect((await get(srv, gdeltPath({ query: 'Denicola', mode: 'timelinevol' }))).body).toBe(mod.GDELT_ERRORS.UNSUPPORTED_MODE);
    expect(srv.requests.filter((r) => r.kind === 'gdelt').length).toBeGreaterThanOrEqual(6);
  });

  it('emulates the rate limit with HTTP 429 and reports urlFor URLs', async () => {
    const first = await get(limited, gdeltPath({ query: '"Kim Denicola" domainis:nypost.com' }));
    expect(first.status).toBe(200);
    const [a] = (JSON.parse(first.body) as { articles: Article[] }).articles;
    expect(a!.url).toBe(`http://nypost.com:${limited.port}${new URL(row(NYPOST).url).pathname}`);
    const second = await get(limited, gdeltPath({ query: '"Kim Denicola"' }));
    expect(second.status).toBe(429);
    expect(second.body).toBe(mod.GDELT_ERRORS.RATE_LIMIT);
    expect(second.body).toMatch(/^Please limit requests to one every 5 seconds/);
  });
});

describe('RSS search', () => {
  it('is well-formed RSS 2.0, newest first, with after:/before:', async () => {
    const q = '"Kim Denicola" after:2023-12-25 before:2023-12-26';
    const r = await get(srv, `/rss/search?${new URLSearchParams({ q, hl: 'en-US', gl: 'US', ceid: 'US:en' })}`, 'news.google.com');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/application\/rss\+xml/);
    expect(XMLValidator.validate(r.body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(r.body) as {
      rss: {
        channel: {
          title: string;
          item: { title: string; link: string; pubDate: string; guid: unknown; description: string; source: { '#text': string; '@_url': string } }[];
        };
      };
    };
    const items = feed.rss.channel.item;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(idsOf('"Kim Denicola"').length);
    const times = items.map((i) => Date.parse(i.pubDate));
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(Date.parse('2023-12-25T00:00:00Z'));
      expect(t).toBeLessThan(Date.parse('2023-12-26T00:00:00Z'));
    }
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const i of items) {
      expect(i.source['@_url']).toBe(`https://${i.source['#text']}`);
      expect(i.title.endsWith(` - ${i.source['#text']}`)).toBe(true);
      expect(rows.some((row) => row.url === i.link)).toBe(true);
    }
  });

  it('escapes markup and accepts what Google accepts', async () => {
    // Short words and a top-level OR are fine on Google News; the titles carry & and quotes.
    const r = await get(srv, `/rss/search?${new URLSearchParams({ q: 'AT OR "Time Warner" <b>' })}`);
    expect(XMLValidator.validate(r.body)).toBe(true);
    expect(r.body).toContain('&lt;b&gt;');
  });
});

describe('pages and the gateway', () => {
  it('serves a corpus page by Host + path, and renders a .txt article', async () => {
    const u = new URL(row(SEED).url);
    const page = await get(srv, u.pathname + u.search, u.host);
    expect(page.status).toBe(200);
    expect(page.body).toBe(readFileSync(join(CORPUS, row(SEED).file), 'utf8'));
    const bbc = new URL(row('bbc-business-001').url);
    const txt = await get(srv, bbc.pathname, bbc.host);
    expect(txt.type).toMatch(/text\/html/);
    expect(txt.body).toContain('<title>Ad sales boost Time Warner profit</title>');
    expect(txt.body).toContain('<meta property="og:title" content="Ad sales boost Time Warner profit">');
    expect(txt.body).toMatch(/<article><h1>Ad sales boost Time Warner profit<\/h1><p>Quarterly profits at US media giant TimeWarner/);
    expect((await get(srv, u.pathname, 'www.example.org')).status).toBe(404);
  });

  it('the gateway answers a manifest URL with its page and a GDELT URL with the search', async () => {
    const seedUrl = row(SEED).url;
    const page = await get(srv, `/fetch?url=${encodeURIComponent(seedUrl)}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(readFileSync(join(CORPUS, row(SEED).file), 'utf8'));
    // Scheme, port, www. and a trailing slash do not matter.
    const loose = new URL(seedUrl);
    const variant = `http://${loose.hostname.replace(/^www\./, '').toUpperCase()}:8080${loose.pathname}/`;
    expect((await get(srv, `/fetch?url=${encodeURIComponent(variant)}`)).status).toBe(200);

    const api = `https://api.gdeltproject.org/api/v2/doc/doc?${new URLSearchParams({ query: '"Dmitry Peskov"', mode: 'artlist', format: 'json' })}`;
    const viaApi = await get(srv, `/fetch?url=${encodeURIComponent(api)}`);
    expect(viaApi.type).toMatch(/json/);
    expect((JSON.parse(viaApi.body) as { articles: Article[] }).articles.map((a) => a.url)).toContain(seedUrl);

    const rss = `https://news.google.com/rss/search?${new URLSearchParams({ q: '"Kim Denicola"' })}`;
    expect((await get(srv, `/fetch?url=${encodeURIComponent(rss)}`)).type).toMatch(/rss/);
    expect((await get(srv, `/fetch?url=${encodeURIComponent('https://example.org/nothing')}`)).status).toBe(404);

    const logged = srv.requests.filter((r) => r.via);
    expect(logged.map((r) => r.kind)).toEqual(['page', 'page', 'gdelt', 'rss', 'missing']);
    expect(logged[0]!.via).toBe(seedUrl);
  });
});
