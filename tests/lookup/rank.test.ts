import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/lookup/engine.ts';
import { pageSeenByIndex, rankCandidates, type RankOptions } from '../../src/lookup/rank.ts';

const PAGE = 'https://www.newsnetdaily.example/2025/10/22/russia-was-happy-with-the-trump-putin-negotiations/';
const PAGE_TITLE = 'Russia was happy with the Trump-Putin negotiations. Now Moscow is worried';

const hit = (url: string, title: string, seen?: string): SearchHit => ({ url, title, domain: new URL(url).hostname, seen });
const opts = (o: Partial<RankOptions> = {}): RankOptions => ({
  pageUrl: PAGE,
  pageTitle: PAGE_TITLE,
  latest: Date.parse('2025-10-23T09:00:00Z'),
  queriesRun: 3,
  ...o,
});

const CNBC = hit(
  'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit.html',
  'Russia was smug about Trump-Putin talks. Now, Moscow anxious',
  '2025-10-22T06:45:00Z',
);

describe('rankCandidates', () => {
  it('never offers the page itself (however its address is dressed) nor another article of its site', () => {
    const hits = [
      hit(
        'https://newsnetdaily.example/2025/10/22/russia-was-happy-with-the-trump-putin-negotiations?utm_source=gdelt#top',
        PAGE_TITLE,
        '2025-10-22T12:00:00Z',
      ),
      hit('https://m.newsnetdaily.example/2025/10/21/an-earlier-version/', PAGE_TITLE, '2025-10-21T00:00:00Z'),
      hit('http://NEWSNETDAILY.example/other', 'Another story', '2025-10-20T00:00:00Z'),
      CNBC,
    ];
    const ranked = rankCandidates([hits], opts());
    expect(ranked.map((c) => c.url)).toEqual([CNBC.url]);
  });

  it('drops hits the index saw after the latest time, keeps hits it gives no time for', () => {
    const late = hit('https://www.example-wire.com/late', PAGE_TITLE, '2025-10-23T09:00:01Z');
    const edge = hit('https://www.example-wire.com/edge', PAGE_TITLE, '2025-10-23T09:00:00Z');
    const undated = hit('https://www.example-wire.com/undated', PAGE_TITLE);
    const urls = rankCandidates([[late, edge, undated, CNBC]], opts()).map((c) => c.url);
    expect(urls).not.toContain(late.url);
    expect(urls).toContain(edge.url);
    expect(urls).toContain(undated.url);
    expect(urls).toContain(CNBC.url);
  });

  it('merges one article found by several queries under its normalised address and counts the queries', () => {
    const q1 = [CNBC, { ...CNBC, url: 'https://cnbc.com/2025/10/22/russia-trump-putin-summit.html/?utm_medium=rss' }];
    const q2 = [{ ...CNBC, url: 'https://cnbc.com/2025/10/22/russia-trump-putin-summit.html#comments' }];
    const q3 = [hit('https://www.example-wire.com/x', 'Other', '2025-10-22T10:00:00Z')];
    const ranked = rankCandidates([q1, q2, q3], opts());
    expect(ranked).toHaveLength(2);
    const cnbc = ranked.find((c) => c.domain === 'www.cnbc.com')!;
    expect(cnbc.queries).toBe(2);
    expect(cnbc.url).toBe(CNBC.url); // the first address seen is kept
    expect(ranked.find((c) => c.url.includes('example-wire'))!.queries).toBe(1);
  });

  it('ranks a candidate found by every query with a similar headline above an earlier one found once', () => {
    const strong = hit('https://www.cnbc.com/a', 'Russia was smug about the Trump-Putin negotiations. Now Moscow is worried', '2025-10-22T09:00:00Z');
    const weak = hit('https://www.example-sports.com/b', 'Football: cup final moved to Budapest', '2025-10-21T08:00:00Z');
    const ranked = rankCandidates([[weak, strong], [strong], [strong]], opts());
    expect(ranked.map((c) => c.url)).toEqual([strong.url, weak.url]);
    const [s, w] = ranked;
    expect(s!.queries).toBe(3);
    expect(w!.queries).toBe(1);
    expect(s!.titleSimilarity).toBeGreaterThan(w!.titleSimilarity);
    expect(s!.score).toBeGreaterThan(w!.score);
    for (const c of ranked) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
  });

  it('puts the earlier of two otherwise equal candidates first', () => {
    const later = hit('https://www.example-a.com/x', 'Kremlin says Budapest summit dates were never set', '2025-10-22T12:00:00Z');
    const earlier = hit('https://www.example-b.com/x', 'Kremlin says Budapest summit dates were never set', '2025-10-22T07:00:00Z');
    const ranked = rankCandidates([[later, earlier]], opts());
    expect(ranked.map((c) => c.url)).toEqual([earlier.url, later.url]);
  });

  it('returns nothing when nothing is left', () => {
    expect(rankCandidates([], opts())).toEqual([]);
    expect(rankCandidates([[], []], opts())).toEqual([]);
    expect(rankCandidates([[hit(PAGE, PAGE_TITLE, '2025-10-22T00:00:00Z')]], opts())).toEqual([]);
  });
});

describe('pageSeenByIndex', () => {
  it("returns the index's earliest sighting of the page, whatever query returned it", () => {
    const hits = [
      [CNBC, hit(PAGE, PAGE_TITLE, '2025-10-24T06:45:00.000Z')],
      [
        hit(
          'https://newsnetdaily.example/2025/10/22/russia-was-happy-with-the-trump-putin-negotiations?utm_campaign=x',
          PAGE_TITLE,
          '2025-10-23T18:00:00.000Z',
        ),
      ],
      [hit(PAGE, PAGE_TITLE)],
    ];
    expect(pageSeenByIndex(hits, PAGE)).toBe('2025-10-23T18:00:00.000Z');
  });

  it('is undefined when the index did not return the page, or gave no time', () => {
    expect(pageSeenByIndex([[CNBC]], PAGE)).toBeUndefined();
    expect(pageSeenByIndex([[hit(PAGE, PAGE_TITLE)]], PAGE)).toBeUndefined();
    expect(pageSeenByIndex([], PAGE)).toBeUndefined();
    // Another article of the same site is not the page.
    expect(pageSeenByIndex([[hit('https://www.newsnetdaily.example/other', 'x', '2025-10-20T00:00:00Z')]], PAGE)).toBeUndefined();
  });
});
