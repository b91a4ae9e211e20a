import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN, heaviestIncreasingChain, longestIncreasingChain } from '../../src/core/align.ts';
import { fingerprintSentences, fingerprintText } from '../../src/core/fingerprint.ts';
import { originalOf, own, retell } from './one-subject-sentences.ts';
import { sentenceSimilarity, weighSentence } from '../../src/core/similarity.ts';

const uniform = () => 1;
const sentence = fc
  .array(fc.constantFrom('talks', 'moscow', 'summit', 'budapest', 'ceasefire', 'trump', 'putin', 'worried', 'rubio', 'peace'), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' ') + '.');
const weighed = (text: string) => weighSentence(fingerprintText(text).fingerprint.sentences[0]!, uniform);

describe('sentenceSimilarity', () => {
  test.prop([sentence, sentence])('is symmetric and within [0, 1]', (a, b) => {
    const ab = sentenceSimilarity(weighed(a), weighed(b));
    expect(ab).toBeCloseTo(sentenceSimilarity(weighed(b), weighed(a)), 12);
    expect(ab).toBeGreaterThanOrEqual(0);
    expect(ab).toBeLessThanOrEqual(1 + 1e-12);
  });
  test.prop([sentence])('is 1 on itself', (a) => {
    expect(sentenceSimilarity(weighed(a), weighed(a))).toBeCloseTo(1, 12);
  });
  it("counts quoted words for less than the reporter's own", () => {
    const plain = sentenceSimilarity(
      weighed('Officials said talks would resume soon in Geneva.'),
      weighed('Talks would resume soon in Geneva, officials said.'),
    );
    const quoted = sentenceSimilarity(weighed('"Talks will resume soon," Geneva officials said.'), weighed('Geneva officials said talks would resume later.'));
    expect(plain).toBeGreaterThan(quoted);
  });
});

describe('alignSentences', () => {
  const paragraphs = fc.array(sentence, { minLength: 1, maxLength: 25 }).map((s) => s.join('\n'));
  test.prop([paragraphs, paragraphs])('never uses a sentence twice, in a pair or a group, and keeps coverage in [0, 1]', (p, o) => {
    const a = alignSentences(fingerprintText(p).fingerprint, fingerprintText(o).fingerprint, uniform);
    const span = (first: number, last = first) => Array.from({ length: last - first + 1 }, (_, k) => first + k);
    const pages = a.pairs.flatMap((x) => span(x.page, x.pageLast));
    const originals = a.pairs.flatMap((x) => span(x.original, x.originalLast));
    expect(new Set(pages).size).toBe(pages.length);
    expect(new Set(originals).size).toBe(originals.length);
    // A group is one sentence on one side and two or three on the other.
    for (const x of a.pairs) expect(x.pageLast === undefined || x.originalLast === undefined).toBe(true);
    expect(a.pairs.every((x) => (x.pageLast ?? x.page) - x.page < 3 && (x.originalLast ?? x.original) - x.original < 3)).toBe(true);
    for (const v of [a.pageCoverage, a.originalCoverage, a.orderedCoverage, a.chainedCoverage]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
  it("weighs the chain in the original's order by what its pairs carry, not by how many they are", () => {
    // Chains of two pairs, each ending on sentence 3: a counted chain may keep a short line (telling
    // sentence 0) where a long sentence (telling sentence 2) carries far more of the page.
    const pairs = [
      { page: 0, original: 2, similarity: 1 },
      { page: 1, original: 1, similarity: 1 },
      { page: 2, original: 0, similarity: 1 },
      { page: 3, original: 3, similarity: 1 },
    ];
    const weights = [10, 1, 1, 10];
    expect(longestIncreasingChain(pairs).map((p) => p.original)).toEqual([0, 3]);
    expect(heaviestIncreasingChain(pairs, (p) => weights[p.page]!)).toBe(20);
    expect(
      heaviestIncreasingChain(
        [0, 5, 1, 2, 9, 3].map((original, page) => ({ page, original, similarity: 1 })),
        () => 1,
      ),
    ).toBe(4);
    // A merge spans the original's sentences it tells: the next pair must tell a later one.
    const merged = [
      { page: 0, original: 0, originalLast: 2, similarity: 1 },
      { page: 1, original: 1, similarity: 1 },
      { page: 2, original: 3, similarity: 1 },
    ];
    expect(heaviestIncreasingChain(merged, (p) => (p.page === 0 ? 5 : 1))).toBe(6);
    expect(heaviestIncreasingChain([], () => 1)).toBe(0);
  });

  test.prop([fc.array(fc.tuple(fc.nat(30), fc.nat(2), fc.integer({ min: 1, max: 50 })), { maxLength: 25 })])(
    'finds the same heaviest chain as the plain quadratic search',
    (raw) => {
      // One pair per page sentence, each telling one to three of the original's sentences, any weight.
      const pairs = raw.map(([original, extra, weight], page) => ({
        page,
        original,
        similarity: 1,
        weight,
        ...(extra ? { originalLast: original + extra } : {}),
      }));
      const best: number[] = [];
      pairs.forEach((p, i) => {
        best[i] = p.weight;
        for (let j = 0; j < i; j++) if ((pairs[j]!.originalLast ?? pairs[j]!.original) < p.original) best[i] = Math.max(best[i]!, best[j]! + p.weight);
      });
      expect(heaviestIncreasingChain(pairs, (p) => (p as (typeof pairs)[number]).weight)).toBe(Math.max(0, ...best));
    },
  );

  it("measures the page's order by the sentences that carry it: a long sentence out-weighs a short line", () => {
    // The page tells the original's sentence 2 in a long sentence, then 0 in three words, then 3: the
    // chains 2-3 and 0-3 hold as many pairs, but the first is most of the page.
    const page = [
      'Reports said the fishermen moorings ferry terminal plans, long argued over by the harbour trusts, boatyards, chandlers and ferry operators, would finally go ahead this week.',
      'Harbour budget approved.',
      retell(3),
      own(1),
    ];
    const a = alignSentences(fingerprintSentences(page), fingerprintSentences(originalOf(8)), () => 1, DEFAULT_ALIGN);
    expect(a.pairs.map((p) => [p.page, p.original])).toEqual([
      [0, 2],
      [1, 0],
      [2, 3],
    ]);
    expect(a.orderedCoverage / a.pageCoverage).toBeGreaterThan(0.85); // counted, the chain 0-3 held 0.35
  });

  it('finds the longest chain increasing on both sides', () => {
    const pairs = [0, 5, 1, 2, 9, 3].map((original, page) => ({ page, original, similarity: 1 }));
    expect(longestIncreasingChain(pairs).map((p) => p.original)).toEqual([0, 1, 2, 3]);
  });
});
