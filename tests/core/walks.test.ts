import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { isDerived } from '../../src/core/verdict.ts';
import { originalOf, own, retell } from './one-subject-sentences.ts';

const weight = () => 1;
const original = originalOf(12);
/** Page sentences: a number retells that sentence of the original, null is the writer's own. */
const align = (order: (number | null)[]) =>
  alignSentences(fingerprintSentences(order.map((j, k) => (j === null ? own(k) : retell(j)))), fingerprintSentences(original), weight, DEFAULT_ALIGN);

describe('walks: blocks that retell the original in its order, wherever they stand', () => {
  it('finds a rewrite with its halves swapped all in walks, though only half of it is in one order', () => {
    const a = align([6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5]);
    expect(a.walkedCoverage).toBeCloseTo(1, 5);
    expect(a.orderedCoverage / a.pageCoverage).toBeCloseTo(0.5, 1);
  });

  it('finds no walks in the same sentences told in an order of their own', () => {
    const a = align([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(a.pairs).toHaveLength(12);
    expect(a.walkedCoverage).toBe(0);
    expect(isDerived(a)).toBe(false);
  });

  it('needs three sentences in a row for a walk: two are a coincidence any report may hold', () => {
    const twos = align([0, 1, null, null, null, 6, 7, null, null, null, 10, 11]);
    expect(twos.chainedPairs).toBe(6);
    expect(twos.walkedCoverage).toBe(0);
    const three = align([0, 1, 2, null, null, null, null, null, null, null, 10, 11]);
    expect(three.walkedCoverage).toBeGreaterThan(0.2);
    expect(three.walkedCoverage).toBeLessThan(0.3);
  });
});
