// lookupOriginal and checkWithLookup end to end: the seed rewrite as the page, a fake GDELT that
// answers from a list of articles (within the requested date range, as GDELT does), and outlets
// serving article HTML built from the seed texts, extracted with Readability on linkedom.
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/core/site.ts';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import type { PageToCheck } from '../../src/library/match.ts';
import { checkWithLookup } from '../../src/lookup/check-with-lookup.ts';
import type { HttpAnswer, SearchHit } from '../../src/lookup/engine.ts';
import { gdeltEngine } from '../../src/lookup/gdelt.ts';
import { lookupOriginal, type LookupDeps, DEFAULT_LOOKUP } from '../../src/lookup/lookup.ts';
import type { LookupProgress } from '../../src/lookup/progress.ts';
import { RateLimiter, SearchCache } from '../../src/lookup/rate-limit.ts';
import { corpusDoc, libraryArticle, pageToCheck } from '../helpers.ts';
import { articleHtml, cnbcArticle, rewriteArticle } from './seed-articles.ts';

const ENDPOINT = gdeltEngine.defaultEndpoint;
const NOW = '2025-10-24T12:00:00.000Z';
const PAGE_URL = 'https://www.newsnetdaily.example/2025/10/22/russia-was-happy-with-the-trump-putin-negotiations/';
const PAGE_HOST = 'newsnetdaily.example';
const CNBC_URL = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-kremlin.html';
const COPY_URL = 'https://www.dailycopy.example/world/russia-smug-trump-putin-talks-moscow-anxious';

/** An article as GDELT lists it; `queries`: which searches (0-based, in order sent) return it (default: all). */
interface Listed {
  url: string;
  title: string;
  seendate: string;
  domain?: string;
  queries?: number[];
}

const cnbc = cnbcArticle();
const rewrite = rewriteArticle();

const CNBC_HIT: Listed = {
  url: CNBC_URL,
  title: 'Russia was smug about Trump - Putin talks . Now , Moscow anxious',
  seendate: '20251022T064500Z',
  domain: 'cnbc.com',
};
const CNBC_PAGE = articleHtml(cnbc, 'CNBC', '2025-10-22T06:30:00Z');

function page(extra: Partial<PageToCheck> = {}): PageToCheck {
  return pageToCheck(PAGE_URL, rewrite.body, { title: rewrite.title, published: '2025-10-22T15:00:00Z', firstSeen: '2025-10-22T15:00:00Z', ...extra });
}

const json = (body: unknown): HttpAnswer => ({ status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) });
const html = (text: string): HttpAnswer => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, text });
const NOT_FOUND: HttpAnswer = { status: 404, headers: { 'content-type': 'text/html' }, text: '<html><body>Not found</body></html>' };

/**
 * The web as the lookup sees it. Searches: `search` may answer instead (errors); otherwise the listed
 * articles GDELT saw within the request's start/end times, `{}` when none. Other URLs: `pages`.
 */
function fakeWeb(o: { listed?: Listed[]; pages?: Record<string, string>; search?: (u: URL, n: number) => HttpAnswer | undefined }) {
  const requests: string[] = [];
  const searches: string[] = [];
  const get = async (url: string): Promise<HttpAnswer> => {
    requests.push(url);
    if (url.startsWith(ENDPOINT)) {
      const u = new URL(url);
      let n = searches.indexOf(url);
      if (n < 0) n = searches.push(url) - 1;
      const custom = o.search?.(u, n);
      if (custom) return custom;
      const from = u.searchParams.get('startdatetime')!;
      const to = u.searchParams.get('enddatetime')!;
      const articles = (o.listed ?? [])
        .filter((a) => (a.queries ?? [n]).includes(n))
        .filter((a) => {
          const t = a.seendate.replace(/[TZ]/g, '');
          return t >= from && t <= to;
        })
        .map((a) => ({
          url: a.url,
          url_mobile: '',
          title: a.title,
          seendate: a.seendate,
          socialimage: '',
          domain: a.domain ?? new URL(a.url).hostname.replace(/^www\./, ''),
          language: 'English',
          sourcecountry: 'United States',
        }));
      return json(articles.length ? { articles } : {});
    }
    const text = o.pages?.[url];
    return text === undefined ? NOT_FOUND : html(text);
  };
  const fetched = () => requests.filter((u) => !u.startsWith(ENDPOINT));
  return { get, requests, searches, fetched };
}

/** Extraction is deterministic and not under test here: each page is extracted once per file. */
const extracted = new Map<string, ReturnType<typeof extractArticle>>();
function extract(text: string, url: string) {
  const key = `${url}\n${text}`;
  if (!extracted.has(key)) extracted.set(key, extractArticle(parseHtmlDocument(text), url, { force: true }));
  return extracted.get(key)!;
}

function deps(web: { get: LookupDeps['get'] }, extra: Partial<LookupDeps> = {}) {
  // A clock that moves only when the limiter waits: a backoff costs no real time.
  let clock = Date.parse(NOW);
  const progress: LookupProgress[] = [];
  const d: LookupDeps = {
    engine: gdeltEngine,
    get: web.get,
    limiter: new RateLimiter(
      0,
      () => clock,
      async (ms) => void (clock += ms),
    ),
    extract,
    idf: new LibraryIndex().idf,
    now: () => new Date(NOW),
    onProgress: (p) => void progress.push(p),
    ...extra,
  };
  return { deps: d, progress };
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('lookupOriginal', () => {
  it('keeps a candidate under its own canonical address, as a visit to it would, so that one article is one library entry', async () => {
    const served = CNBC_URL.replace('cnbc.com/', 'cnbc.com/amp/');
    const withCanonical = CNBC_PAGE.replace('</head>', `<link rel="canonical" href="${CNBC_URL}"></head>`);
    const web = fakeWeb({ listed: [{ ...CNBC_HIT, url: served }], pages: { [served]: withCanonical } });
    const r = await lookupOriginal(page(), deps(web).deps);
    expect(r.found).toHaveLength(1);
    expect(r.found[0]).toMatchObject({ id: normalizeUrl(CNBC_URL), url: served });
  });

  it("finds and verifies the rewrite's original on CNBC, with GDELT's sighting of it", async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
    const { deps: d } = deps(web);
    const r = await lookupOriginal(page(), d);
    expect(r.progress.outcome).toBe('found-uncredited');
    expect(r.progress.message).toBe('Found on CNBC.');
    expect(r.found).toHaveLength(1);
    const [original] = r.found;
    expect(original).toMatchObject({ id: normalizeUrl(CNBC_URL), url: CNBC_URL, site: 'cnbc.com', siteName: 'CNBC', source: 'lookup', firstSeen: NOW });
    expect(original!.derivedFrom).toBeUndefined();
    expect(original!.sentences.length).toBeGreaterThan(20);
    expect(original!.observations).toEqual([
      { at: '2025-10-22T06:45:00.000Z', by: 'index', name: 'GDELT' },
      { at: NOW, by: 'lookup' },
    ]);
    expect(r.pageObservation).toBeUndefined();
    expect(r.progress.candidates).toEqual([{ url: CNBC_URL, title: CNBC_HIT.title, site: 'cnbc.com', seen: '2025-10-22T06:45:00.000Z', result: 'source' }]);
    expect(web.searches).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(web.fetched()).toEqual([CNBC_URL]);
  });

  it('marks a later verbatim copy of CNBC that the index also returns as derived from it, and never names it', async () => {
    // A scraper's verbatim copy of CNBC's text under a spun headline like the page's: it matched every
    // query and its headline is closest to the page's, so it is fetched first; CNBC (its headline
    // garbled by the index) matched one query only.
    const copy = { title: 'Russia was happy with the Trump-Putin negotiations, now Moscow is worried', paragraphs: cnbc.paragraphs };
    const world = () =>
      fakeWeb({
        listed: [
          { ...CNBC_HIT, queries: [0] },
          { url: COPY_URL, title: copy.title, seendate: '20251022T140000Z' },
        ],
        pages: { [CNBC_URL]: CNBC_PAGE, [COPY_URL]: articleHtml(copy, 'Daily Copy') },
      });
    const r = await lookupOriginal(page(), deps(world()).deps);
    expect(r.progress.candidates.map((c) => [c.url, c.result])).toEqual([
      [COPY_URL, 'source'],
      [CNBC_URL, 'source'],
    ]);
    const byUrl = new Map(r.found.map((f) => [f.url, f]));
    expect(byUrl.get(COPY_URL)?.derivedFrom).toBe(normalizeUrl(CNBC_URL));
    expect(byUrl.get(CNBC_URL)?.derivedFrom).toBeUndefined();
    expect(r.progress.outcome).toBe('found-uncredited');
    expect(r.progress.message).toBe('Found on CNBC.');

    const index = new LibraryIndex();
    const checked = await checkWithLookup(page(), index, deps(world()).deps);
    expect(checked.verdict.kind).toBe('uncredited-rewrite');
    expect(checked.verdict.original?.url).toBe(CNBC_URL);
    expect(checked.lookup?.progress.outcome).toBe('found-uncredited');
    expect(index.get(normalizeUrl(COPY_URL))).toBeUndefined();
  });

  it('fetches the original after a copy the index saw at the same time (sightings are coarse)', async () => {
    const copy = { title: 'Russia was happy with the Trump-Putin negotiations, now Moscow is worried', paragraphs: cnbc.paragraphs };
    const web = fakeWeb({
      listed: [
        { ...CNBC_HIT, seendate: '20251022T140000Z', queries: [0] },
        { url: COPY_URL, title: copy.title, seendate: '20251022T140000Z' },
      ],
      pages: { [CNBC_URL]: CNBC_PAGE, [COPY_URL]: articleHtml(copy, 'Daily Copy') },
    });
    const r = await lookupOriginal(page(), deps(web).deps);
    expect(r.progress.candidates.map((c) => [c.url, c.result])).toEqual([
      [COPY_URL, 'source'],
      [CNBC_URL, 'source'],
    ]);
  });

  it('fetches the article on the site a page credits first, and the verdict is credited, though another source was seen earlier', async () => {
    // A reposting of the rewrite that credits CNBC with a link, with four sentences of a local report
    // pasted in. The index saw that report before CNBC's article and lists it under the page's own
    // headline, so it ranks first: fetched first, it verifies (the pasted sentences) and, nothing
    // being earlier, would end the lookup without CNBC, and the verdict would miss the credit.
    const REPORT_URL = 'https://www.budapestdaily.example/hotels-booked-summit';
    const report = [
      'Hotels in Budapest were fully booked on Wednesday as the city prepared for a possible summit between two presidents, officials said.',
      'The city council said it had not been told of any dates, and that the police would close roads around the Danube embankment if the meeting went ahead.',
      'Tourism officials said the bookings were mostly from journalists and security staff, and that they expected the rooms to be released if the meeting was called off.',
      'Restaurant owners near the parliament building said they had hired extra staff for the week, hoping that the crowds of reporters would make up for a quiet autumn.',
      'Taxi drivers said they had been asked to keep the airport road clear on the days a meeting was most likely to take place.',
    ];
    const paragraphs = [...rewrite.paragraphs, ...report.slice(0, 4), 'Originally published by CNBC.'];
    const crediting = pageToCheck(PAGE_URL, paragraphs.join('\n'), {
      title: rewrite.title,
      published: '2025-10-22T15:00:00Z',
      firstSeen: '2025-10-22T15:00:00Z',
      credit: { declaredSources: [], links: [{ href: CNBC_URL, text: 'CNBC' }], paragraphs },
    });
    const web = () =>
      fakeWeb({
        listed: [{ url: REPORT_URL, title: rewrite.title, seendate: '20251022T050000Z' }, CNBC_HIT],
        pages: { [CNBC_URL]: CNBC_PAGE, [REPORT_URL]: articleHtml({ title: rewrite.title, paragraphs: report }, 'Budapest Daily') },
      });
    const r = await lookupOriginal(crediting, deps(web()).deps);
    expect(r.progress.candidates.map((c) => [c.url, c.result])).toEqual([
      [CNBC_URL, 'source'],
      [REPORT_URL, 'source'],
    ]);
    const checked = await checkWithLookup(crediting, new LibraryIndex(), deps(web()).deps);
    expect(checked.verdict.kind).toBe('credited');
    expect(checked.verdict.original?.url).toBe(CNBC_URL);
  });

  it('keeps the original of a copy the page follows, and the verdict names it through the copy', async () => {
    // The page pastes four of the farm's sentences (its rewording of CNBC) into a report of its own:
    // it derives from the farm's article, not from CNBC's directly, and the farm's rewrites CNBC's.
    const FARM_URL = 'https://www.buyersinsight.example/russia-was-happy-with-the-trump-putin-negotiations/';
    const farmSentences = rewrite.paragraphs.slice(8, 12);
    const own = [
      'Hotels in Budapest were fully booked on Wednesday as the city prepared for a possible summit between two presidents, officials said.',
      'The city council said it had not been told of any dates, and that the police would close roads around the Danube embankment if the meeting went ahead.',
      'Tourism officials said the bookings were mostly from journalists and security staff, and that they expected the rooms to be released if the meeting was called off.',
      'Restaurant owners near the parliament building said they had hired extra staff for the week, hoping that the crowds of reporters would make up for a quiet autumn.',
    ];
    const copying = pageToCheck(PAGE_URL, [...farmSentences, ...own].join('\n'), {
      title: rewrite.title,
      published: '2025-10-23T09:00:00Z',
      firstSeen: '2025-10-23T09:00:00Z',
    });
    const web = () =>
      fakeWeb({
        listed: [
          { url: FARM_URL, title: rewrite.title, seendate: '20251022T151000Z' },
          { ...CNBC_HIT, queries: [0] },
        ],
        pages: { [CNBC_URL]: CNBC_PAGE, [FARM_URL]: articleHtml(rewrite, 'Buyers Insight') },
      });
    const r = await lookupOriginal(copying, deps(web()).deps);
    expect(r.progress.candidates.map((c) => [c.url, c.result])).toEqual([
      [FARM_URL, 'source'],
      [CNBC_URL, 'not-source'],
    ]);
    expect(r.found.map((f) => [f.url, f.derivedFrom])).toEqual([
      [FARM_URL, undefined],
      [CNBC_URL, undefined],
    ]);
    const checked = await checkWithLookup(copying, new LibraryIndex(), deps(web()).deps);
    expect(checked.verdict.kind).toBe('uncredited-rewrite');
    expect(checked.verdict.original?.url).toBe(CNBC_URL);
    expect(checked.verdict.reason).toMatch(/Buyers Insight's .*; that article is itself an uncredited copy of CNBC's, which appeared earlier$/);
  });

  it('fetches the next candidates once a source is found, though the index saw them later: a retelling seen first does not hide the original', async () => {
    // From the corpus: a heavy rewrite of Bleacher Report's article, and a fact-sheet article of the
    // same story that the index lists under the page's headline and saw three hours before the
    // original. The page derives from both; it follows the original far more closely.
    const doc = (id: string) => corpusDoc(id);
    const heavy = doc('88d58862c6-heavy');
    const retelling = doc('88d58862c6-independent-c');
    const original = doc('88d58862c6918224d255237a7290e2ab');
    const at = (d: typeof heavy) => ({ title: d.title, paragraphs: d.body.split('\n').filter(Boolean) });
    const rewritten = pageToCheck(heavy.url, heavy.body, { title: heavy.title, published: heavy.published, firstSeen: heavy.published });
    const web = () =>
      fakeWeb({
        listed: [
          { url: retelling.url, title: heavy.title, seendate: '20231220T030000Z' },
          { url: original.url, title: original.title, seendate: '20231220T060000Z' },
        ],
        pages: { [retelling.url]: articleHtml(at(retelling), 'Harbor View Daily'), [original.url]: articleHtml(at(original), 'Bleacher Report') },
      });
    const r = await lookupOriginal(rewritten, deps(web()).deps);
    expect(r.progress.candidates.map((c) => [c.url, c.result])).toEqual([
      [retelling.url, 'source'],
      [original.url, 'source'],
    ]);
    const checked = await checkWithLookup(rewritten, new LibraryIndex(), deps(web()).deps);
    expect(checked.verdict.kind).toBe('uncredited-rewrite');
    expect(checked.verdict.original?.url).toBe(original.url);
  });

  it("never fetches a candidate on the page's own site, nor the page itself", async () => {
    const ownEarlier = 'https://newsnetdaily.example/2025/10/21/russia-happy-trump-putin/';
    const web = fakeWeb({
      listed: [
        { url: ownEarlier, title: rewrite.title, seendate: '20251021T060000Z' },
        { url: `${PAGE_URL}?utm_source=gdelt`, title: rewrite.title, seendate: '20251022T150500Z' },
        CNBC_HIT,
      ],
      pages: { [CNBC_URL]: CNBC_PAGE, [ownEarlier]: articleHtml(rewrite, 'News Net Daily') },
    });
    const r = await lookupOriginal(page(), deps(web).deps);
    expect(web.fetched()).toEqual([CNBC_URL]);
    expect(r.progress.candidates.map((c) => c.url)).toEqual([CNBC_URL]);
    expect(r.found.map((f) => f.url)).toEqual([CNBC_URL]);
  });

  it('fetches at most 3 candidates (or maxCandidates) when none verifies', async () => {
    const other = {
      title: 'Budapest prepares for a summit',
      paragraphs: [
        'Hotels in Budapest were fully booked on Wednesday as the city prepared for a possible summit between two presidents, officials said.',
        'The city council said it had not been told of any dates, and that the police would close roads around the Danube embankment if the meeting went ahead.',
        'Tourism officials said the bookings were mostly from journalists and security staff, and that they expected the rooms to be released if the meeting was called off.',
      ],
    };
    const listed: Listed[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((s, i) => ({
      url: `https://www.outlet-${s}.example/story`,
      title: `Kremlin summit story ${s}`,
      seendate: `2025102${i}T080000Z`,
    }));
    const pages = Object.fromEntries(listed.filter((_, i) => i % 2 === 0).map((l) => [l.url, articleHtml(other, 'Outlet')]));
    const web = fakeWeb({ listed, pages });
    const r = await lookupOriginal(page(), deps(web).deps);
    expect(web.fetched()).toHaveLength(3);
    expect(r.progress.candidates).toHaveLength(3);
    expect(r.progress.candidates.every((c) => c.result === 'failed' || c.result === 'not-source')).toBe(true);
    expect(r.progress.outcome).toBe('not-found');
    expect(r.found).toEqual([]);

    const one = fakeWeb({ listed, pages });
    await lookupOriginal(page(), deps(one).deps, { maxCandidates: 1 });
    expect(one.fetched()).toHaveLength(1);
  });

  it("sends no request carrying the page's URL, its host, or 6 consecutive words of its text", async () => {
    const web = fakeWeb({ listed: [CNBC_HIT, { url: PAGE_URL, title: rewrite.title, seendate: '20251022T160000Z' }], pages: { [CNBC_URL]: CNBC_PAGE } });
    const p = page({ canonicalUrl: PAGE_URL });
    await lookupOriginal(p, deps(web).deps);
    expect(web.requests.length).toBeGreaterThanOrEqual(4);
    const text = words([p.title, ...p.sentences].join(' '));
    const runs = new Set<string>();
    for (let i = 0; i + 6 <= text.length; i++) runs.add(text.slice(i, i + 6).join(' '));
    for (const url of web.requests) {
      const decoded = decodeURIComponent(url.replace(/\+/g, ' ')).toLowerCase();
      expect(decoded).not.toContain(PAGE_HOST);
      expect(decoded).not.toContain('russia-was-happy');
      const w = words(decoded);
      for (let i = 0; i + 6 <= w.length; i++) expect(runs.has(w.slice(i, i + 6).join(' ')), url).toBe(false);
    }
    // The searches carry only the query, the range and GDELT's fixed parameters.
    for (const s of web.searches) {
      expect([...new URL(s).searchParams.keys()].sort()).toEqual(['enddatetime', 'format', 'maxrecords', 'mode', 'query', 'sort', 'startdatetime']);
      expect(new URL(s).searchParams.get('query')!.length).toBeLessThan(80);
    }
  });

  it('ends with outcome "error" and the message when every query fails', async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE }, search: () => ({ status: 500, headers: {}, text: 'Internal Server Error' }) });
    const { deps: d, progress } = deps(web);
    const r = await lookupOriginal(page(), d);
    expect(r.progress.phase).toBe('done');
    expect(r.progress.outcome).toBe('error');
    expect(r.progress.message).toBe('GDELT answered HTTP 500');
    expect(web.searches).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(web.fetched()).toEqual([]);
    expect(r.found).toEqual([]);
    expect(progress.at(-1)?.outcome).toBe('error');
    // The failures backed the limiter off.
    expect(d.limiter.waitMs()).toBeGreaterThan(0);
  });

  it('stops searching at a rate limit, and says so', async () => {
    const web = fakeWeb({
      listed: [CNBC_HIT],
      search: () => ({
        status: 429,
        headers: { 'retry-after': '30' },
        text: 'Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.',
      }),
    });
    const { deps: d } = deps(web);
    const r = await lookupOriginal(page(), d);
    expect(web.searches).toHaveLength(1);
    expect(r.progress.outcome).toBe('error');
    expect(r.progress.message).toMatch(/GDELT.*429/);
    expect(d.limiter.waitMs()).toBeGreaterThanOrEqual(30_000);
  });

  it('skips a refused query and goes on with the others, without backing off', async () => {
    const refused = (u: URL, n: number) => (n === 0 ? html('Your search contained a keyword that was too short.') : undefined);
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE }, search: refused });
    const { deps: d } = deps(web);
    const r = await lookupOriginal(page(), d);
    expect(web.searches).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(r.progress.outcome).toBe('found-uncredited');
    expect(d.limiter.waitMs()).toBe(0);

    const allRefused = fakeWeb({ search: () => html('The specified phrase is too short.') });
    const r2 = await lookupOriginal(page(), deps(allRefused).deps);
    expect(r2.progress.outcome).toBe('error');
    expect(r2.progress.message).toContain('The specified phrase is too short.');
  });

  it('ends "not-found", naming the engine and the dates searched, when every query finds nothing', async () => {
    const web = fakeWeb({ listed: [] });
    const { deps: d, progress } = deps(web);
    const r = await lookupOriginal(page(), d);
    expect(web.searches).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(r.progress.outcome).toBe('not-found');
    expect(r.progress.message).toMatch(/GDELT/);
    expect(r.progress.message).toMatch(/22 Sept? 2025/);
    expect(r.progress.message).toMatch(/24 Oct 2025/);
    expect(progress.map((p) => p.phase)).not.toContain('fetching');
  });

  it('reports progress: searching (one report per query) → fetching (each candidate and its result) → done', async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
    const { deps: d, progress } = deps(web);
    await lookupOriginal(page(), d);
    const phases = progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['searching', 'fetching', 'done']);
    const searching = progress.filter((p) => p.phase === 'searching');
    expect(searching.map((p) => p.queries)).toEqual([0, 1, 2, 3, 4]);
    expect(progress[0]).toMatchObject({ engine: 'gdelt', engineName: 'GDELT', automatic: false, startedAt: NOW, candidates: [] });
    const fetching = progress.filter((p) => p.phase === 'fetching');
    expect(fetching.at(-1)!.candidates).toEqual([expect.objectContaining({ url: CNBC_URL, result: 'source' })]);
    expect(fetching.some((p) => p.candidates.length === 1 && p.candidates[0]!.result === undefined)).toBe(true);
    const done = progress.at(-1)!;
    expect(done).toMatchObject({ phase: 'done', outcome: 'found-uncredited', finishedAt: NOW });
    // Each report is a snapshot, not the live object.
    expect(progress[0]!.phase).toBe('searching');
  });

  it("searches from windowDays before the page's date to a week after it (a claim may be backdated), never past now", async () => {
    const at = '2025-10-12T09:00:00.000Z';
    const web = fakeWeb({ listed: [] });
    const r = await lookupOriginal(page({ published: at, firstSeen: at }), deps(web).deps);
    expect(r.progress.from).toBe('2025-09-12T09:00:00.000Z');
    expect(r.progress.to).toBe('2025-10-19T09:00:00.000Z');
    for (const s of web.searches) {
      expect(new URL(s).searchParams.get('startdatetime')).toBe('20250912090000');
      expect(new URL(s).searchParams.get('enddatetime')).toBe('20251019090000');
    }
    const at2 = '2025-10-22T09:00:00.000Z';

    const week = fakeWeb({ listed: [] });
    const r7 = await lookupOriginal(page({ published: at2, firstSeen: at2 }), deps(week).deps, { windowDays: 7 });
    expect(r7.progress.from).toBe('2025-10-15T09:00:00.000Z');

    const recent = fakeWeb({ listed: [] });
    const fresh = '2025-10-24T10:00:00.000Z';
    const rNow = await lookupOriginal(page({ published: fresh, firstSeen: fresh }), deps(recent).deps);
    expect(rNow.progress.to).toBe(NOW);
    expect(new URL(recent.searches[0]!).searchParams.get('enddatetime')).toBe('20251024120000');

    // Without a claimed date, the page's first sighting is its date.
    const undated = fakeWeb({ listed: [] });
    const rU = await lookupOriginal(page({ published: undefined, firstSeen: at }), deps(undated).deps);
    expect(rU.progress.to).toBe('2025-10-19T09:00:00.000Z');
  });

  it('asks the engine once per query for a page checked twice with a cache', async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
    const { deps: d } = deps(web, { cache: new SearchCache<SearchHit[]>() });
    await lookupOriginal(page(), d);
    const r = await lookupOriginal(page(), d);
    expect(web.searches).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(web.requests.filter((u) => u.startsWith(ENDPOINT))).toHaveLength(DEFAULT_LOOKUP.queries);
    expect(r.progress.outcome).toBe('found-uncredited');
  });
});

describe('checkWithLookup', () => {
  it('names CNBC as the original of an uncredited rewrite, and adds it to the library', async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
    const index = new LibraryIndex();
    const r = await checkWithLookup(page(), index, deps(web).deps);
    expect(r.verdict.kind).toBe('uncredited-rewrite');
    expect(r.verdict.original).toMatchObject({ url: CNBC_URL, site: 'cnbc.com', siteName: 'CNBC' });
    expect(r.matched?.source).toBe('lookup');
    expect(r.lookup?.progress.outcome).toBe('found-uncredited');
    expect(index.get(normalizeUrl(CNBC_URL))?.siteName).toBe('CNBC');
  });

  it('does not search when the library already explains the page', async () => {
    const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
    const index = new LibraryIndex();
    index.add(libraryArticle('cnbc', CNBC_URL, cnbc.body, { siteName: 'CNBC', firstSeen: '2025-10-22T07:00:00Z', source: 'feed' }));
    const r = await checkWithLookup(page(), index, deps(web).deps);
    expect(r.verdict.kind).toBe('uncredited-rewrite');
    expect(r.lookup).toBeUndefined();
    expect(web.requests).toEqual([]);
  });

  it('passes an engine error on as outcome "error", the verdict unchanged', async () => {
    const web = fakeWeb({ search: () => ({ status: 503, headers: {}, text: 'Service Unavailable' }) });
    const r = await checkWithLookup(page(), new LibraryIndex(), deps(web).deps);
    expect(r.verdict.kind).toBe('none');
    expect(r.lookup?.progress.outcome).toBe('error');
    expect(r.lookup?.progress.message).toBe('GDELT answered HTTP 503');
  });

  describe("which came first, from GDELT's sightings", () => {
    // The page claims to be about a day older than CNBC's article claims to be; GDELT saw CNBC's first.
    const claimsEarlier = () => page({ published: '2025-10-21T08:00:00Z', firstSeen: '2025-10-23T09:00:00Z' });
    const cnbcSeen: Listed = { ...CNBC_HIT, seendate: '20251022T000000Z' };
    const cnbcClaims = articleHtml(cnbc, 'CNBC', '2025-10-22T09:30:00Z');

    it('is an uncredited rewrite when GDELT saw the page hours after CNBC, whatever the page claims', async () => {
      const web = fakeWeb({ listed: [cnbcSeen, { url: PAGE_URL, title: rewrite.title, seendate: '20251022T070000Z' }], pages: { [CNBC_URL]: cnbcClaims } });
      const r = await checkWithLookup(claimsEarlier(), new LibraryIndex(), deps(web).deps);
      expect(r.lookup?.pageObservation).toEqual({ at: '2025-10-22T07:00:00.000Z', by: 'index', name: 'GDELT' });
      expect(r.verdict.kind).toBe('uncredited-rewrite');
      expect(r.verdict.original?.url).toBe(CNBC_URL);
      expect(r.lookup?.progress.outcome).toBe('found-uncredited');
    });

    it("is disputed when only the page's own date says it is older and GDELT saw CNBC's appear", async () => {
      const web = fakeWeb({ listed: [cnbcSeen], pages: { [CNBC_URL]: cnbcClaims } });
      const r = await checkWithLookup(claimsEarlier(), new LibraryIndex(), deps(web).deps);
      expect(r.lookup?.pageObservation).toBeUndefined();
      expect(r.verdict.kind).toBe('disputed');
      expect(r.verdict.original?.url).toBe(CNBC_URL);
      expect(r.verdict.dispute?.other.observedBy).toBe('GDELT');
      expect(r.lookup?.progress.outcome).toBe('disputed');
    });

    // A copy backdated by days: it claims 19 Oct; CNBC appeared (GDELT saw it) on 22 Oct; the reader opened
    // the copy on 23 Oct. The original must still be found, and GDELT's own sighting of the copy settle it:
    // the search cannot stop a day after the date the page claims, since that claim is what is in doubt.
    // The page's first sighting (23 Oct) bounds when its original can have appeared.
    const backdated = () => page({ published: '2025-10-19T08:00:00Z', firstSeen: '2025-10-23T09:00:00Z' });

    it('is an uncredited rewrite when a page backdated by days was seen by GDELT 2 days after CNBC', async () => {
      const web = fakeWeb({ listed: [CNBC_HIT, { url: PAGE_URL, title: rewrite.title, seendate: '20251024T064500Z' }], pages: { [CNBC_URL]: CNBC_PAGE } });
      const r = await checkWithLookup(backdated(), new LibraryIndex(), deps(web).deps);
      expect(r.lookup?.pageObservation).toEqual({ at: '2025-10-24T06:45:00.000Z', by: 'index', name: 'GDELT' });
      expect(r.verdict.kind).toBe('uncredited-rewrite');
      expect(r.verdict.original?.url).toBe(CNBC_URL);
    });

    it('is disputed when a page backdated by days was not seen by GDELT but CNBC was', async () => {
      const web = fakeWeb({ listed: [CNBC_HIT], pages: { [CNBC_URL]: CNBC_PAGE } });
      const r = await checkWithLookup(backdated(), new LibraryIndex(), deps(web).deps);
      expect(r.verdict.kind).toBe('disputed');
      expect(r.verdict.original?.url).toBe(CNBC_URL);
      expect(r.lookup?.progress.outcome).toBe('disputed');
    });
  });
});
