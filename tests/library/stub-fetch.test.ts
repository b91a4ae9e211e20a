import { describe, expect, it } from 'vitest';
import type { LibraryArticle } from '../../src/library/article.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { fetchFailed, MAX_FETCHES, RETRY_FAILED_FETCH_MS, STUB_CONTAINMENT, STUB_MIN_SHARED, stubsToFetch } from '../../src/library/stub-fetch.ts';
import { libraryArticle, pageToCheck } from '../helpers.ts';

/** Made-up words, one term each (checked below), none shared by chance: the shared-term counts are exact. */
const CONS = 'bcdfghjklmnprstvz';
const WORDS = Array.from({ length: 200 }, (_, i) => `qu${CONS[i % 17]}o${CONS[Math.floor(i / 17) % 17]}andrel`);
const words = (from: number, n: number) => WORDS.slice(from, from + n);
const text = (ws: string[]) => `${ws.join(' ')}.`;

const NOW = new Date('2025-06-01T12:00:00Z');
const PAGE_URL = 'https://reader.example/story';

/** A feed stub at `n` word's terms, starting at word `from`. */
const stub = (name: string, from: number, n: number, extra: Partial<LibraryArticle> = {}) =>
  libraryArticle(`https://${name}.example/a`, `https://${name}.example/a`, text(words(from, n)), { source: 'feed', stub: true, ...extra });

function setup(articles: LibraryArticle[], pageWords: string[], pageUrl = PAGE_URL) {
  const index = new LibraryIndex();
  for (const a of articles) index.add(a);
  return { index, page: pageToCheck(pageUrl, text(pageWords)) };
}

/** Page words beyond any stub's, so the page has terms of its own. */
const filler = words(150, 20);

const ids = (as: LibraryArticle[]) => as.map((a) => a.id);

describe('stub-fetch constants', () => {
  it('are the documented values', () => {
    expect(STUB_CONTAINMENT).toBe(0.5);
    expect(STUB_MIN_SHARED).toBe(5);
    expect(MAX_FETCHES).toBe(2);
    expect(RETRY_FAILED_FETCH_MS).toBe(86_400_000);
  });

  it('the made-up words give one term each', () => {
    expect(stub('x', 0, 12).fingerprint.terms).toHaveLength(12);
    expect(pageToCheck(PAGE_URL, text(WORDS)).fingerprint.terms).toHaveLength(200);
  });
});

describe('stubsToFetch', () => {
  it('fetches a stub whose terms the page wholly contains', () => {
    const { index, page } = setup([stub('wire', 0, 8)], [...words(0, 8), ...filler]);
    expect(ids(stubsToFetch(page, index, NOW))).toEqual(['https://wire.example/a']);
  });

  it('needs 5 shared terms: a 5-term stub the page contains is fetched, a 4-term one is not', () => {
    const five = setup([stub('wire', 0, 5)], [...words(0, 5), ...filler]);
    expect(ids(stubsToFetch(five.page, five.index, NOW))).toEqual(['https://wire.example/a']);
    const four = setup([stub('wire', 0, 4)], [...words(0, 4), ...filler]);
    expect(stubsToFetch(four.page, four.index, NOW)).toEqual([]);
  });

  it("needs half the stub's terms: 6 of 12 is fetched, 5 of 12 is not (though 5 meets the minimum)", () => {
    const half = setup([stub('wire', 0, 12)], [...words(0, 6), ...filler]);
    expect(ids(stubsToFetch(half.page, half.index, NOW))).toEqual(['https://wire.example/a']);
    const below = setup([stub('wire', 0, 12)], [...words(0, 5), ...filler]);
    expect(stubsToFetch(below.page, below.index, NOW)).toEqual([]);
  });

  it("compares the shared terms with exactly half the stub's terms, just above and just below", () => {
    const cases: [number, number, boolean][] = [
      [11, 6, true],
      [11, 5, false],
      [14, 7, true],
      [14, 6, false],
      [10, 5, true],
      [10, 4, false],
    ];
    for (const [n, shared, fetched] of cases) {
      const { index, page } = setup([stub('wire', 0, n)], [...words(0, shared), ...filler]);
      expect({ n, shared, fetched: stubsToFetch(page, index, NOW).length === 1 }).toEqual({ n, shared, fetched });
    }
  });

  it('fetches only stubs: a full article the page contains is not fetched', () => {
    const full = libraryArticle('https://wire.example/full', 'https://wire.example/full', text(words(0, 8)), { source: 'feed' });
    const notStub = { ...stub('other', 20, 8), stub: false };
    const { index, page } = setup([full, notStub], [...words(0, 8), ...words(20, 8), ...filler]);
    expect(stubsToFetch(page, index, NOW)).toEqual([]);
  });

  it("does not fetch the page's own entry or a stub from the page's own site", () => {
    const own = stub('reader', 0, 8, { id: PAGE_URL, url: PAGE_URL, site: 'reader.example' });
    const sameSite = libraryArticle('https://reader.example/other', 'https://reader.example/other', text(words(20, 8)), { source: 'feed', stub: true });
    const { index, page } = setup([own, sameSite, stub('wire', 40, 8)], [...words(0, 8), ...words(20, 8), ...words(40, 8), ...filler]);
    expect(ids(stubsToFetch(page, index, NOW))).toEqual(['https://wire.example/a']);
  });

  it('fetches at most 2 per check, the best-matching first', () => {
    const stubs = [stub('six', 0, 6), stub('eight', 20, 8), stub('seven', 40, 7)];
    const { index, page } = setup(stubs, [...words(0, 6), ...words(20, 8), ...words(40, 7), ...filler]);
    expect(ids(stubsToFetch(page, index, NOW))).toEqual(['https://eight.example/a', 'https://seven.example/a']);
  });

  it('counts the 2 among the stubs that qualify, not among all candidates', () => {
    const full = libraryArticle('https://full.example/a', 'https://full.example/a', text(words(0, 12)), { source: 'read' });
    const weak = stub('weak', 20, 20); // 6 of 20 shared: below half
    const { index, page } = setup(
      [full, weak, stub('one', 60, 5), stub('two', 80, 5)],
      [...words(0, 12), ...words(20, 6), ...words(60, 5), ...words(80, 5), ...filler],
    );
    expect(ids(stubsToFetch(page, index, NOW)).sort()).toEqual(['https://one.example/a', 'https://two.example/a']);
  });

  it('does not retry a failed fetch within 24 hours, and retries it from 24 hours on', () => {
    const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
    const cases: [string, boolean][] = [
      [at(0), false],
      [at(23 * 3600_000), false],
      [at(24 * 3600_000 - 1), false],
      [at(24 * 3600_000), true],
      [at(25 * 3600_000), true],
      // A failure stamped in the future (clock change) still counts as recent.
      [at(-3600_000), false],
    ];
    for (const [fetchFailedAt, fetched] of cases) {
      const { index, page } = setup([stub('wire', 0, 8, { fetchFailedAt })], [...words(0, 8), ...filler]);
      expect({ fetchFailedAt, fetched: stubsToFetch(page, index, NOW).length === 1 }).toEqual({ fetchFailedAt, fetched });
    }
  });

  it('lets a recently failed stub give its place to the next one', () => {
    const failed = stub('eight', 20, 8, { fetchFailedAt: new Date(NOW.getTime() - 3600_000).toISOString() });
    const stubs = [stub('six', 0, 6), failed, stub('seven', 40, 7)];
    const { index, page } = setup(stubs, [...words(0, 6), ...words(20, 8), ...words(40, 7), ...filler]);
    expect(ids(stubsToFetch(page, index, NOW))).toEqual(['https://seven.example/a', 'https://six.example/a']);
  });

  it('fetches nothing from an empty library or for a page that shares no term', () => {
    const empty = setup([], [...words(0, 8), ...filler]);
    expect(stubsToFetch(empty.page, empty.index, NOW)).toEqual([]);
    const apart = setup([stub('wire', 0, 8)], filler);
    expect(stubsToFetch(apart.page, apart.index, NOW)).toEqual([]);
  });
});

describe('fetchFailed', () => {
  it('stamps the stub with the time of the failure and changes nothing else', () => {
    const s = stub('wire', 0, 8, { feedId: 'feed-1' });
    const before = structuredClone(s);
    const marked = fetchFailed(s, NOW);
    expect(marked).toStrictEqual({ ...before, fetchFailedAt: '2025-06-01T12:00:00.000Z' });
    expect(s).toStrictEqual(before);
  });

  it('replaces an earlier failure time', () => {
    const s = stub('wire', 0, 8, { fetchFailedAt: '2025-05-01T00:00:00.000Z' });
    expect(fetchFailed(s, NOW).fetchFailedAt).toBe('2025-06-01T12:00:00.000Z');
  });

  it('keeps a marked stub from being fetched until a day has passed', () => {
    const { index, page } = setup([fetchFailed(stub('wire', 0, 8), NOW)], [...words(0, 8), ...filler]);
    expect(stubsToFetch(page, index, NOW)).toEqual([]);
    expect(stubsToFetch(page, index, new Date(NOW.getTime() + 24 * 3600_000 - 1))).toEqual([]);
    expect(ids(stubsToFetch(page, index, new Date(NOW.getTime() + 24 * 3600_000)))).toEqual(['https://wire.example/a']);
  });
});
