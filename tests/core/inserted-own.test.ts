import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN, MAX_INSERTED } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { originalOf, own, retell } from './one-subject-sentences.ts';

const weight = () => 1;
const original = originalOf(12);
/** Page sentences: a number retells that sentence of the original (closely), null is the writer's own. */
const align = (order: (number | null)[]) =>
  alignSentences(fingerprintSentences(order.map((j, k) => (j === null ? own(k) : retell(j)))), fingerprintSentences(original), weight, DEFAULT_ALIGN);
const ownSentences = (n: number) => Array.from({ length: n }, () => null);

describe("close paraphrase of the original's consecutive sentences, with the writer's own paragraphs between", () => {
  it('chains sentences that tell the next sentence of the original across a paragraph of own text', () => {
    const a = align([0, ...ownSentences(3), 1, ...ownSentences(3), 2, ...ownSentences(3), 3, ...ownSentences(2), 4]);
    expect(a.pairs.every((p) => p.similarity >= DEFAULT_ALIGN.strongSimilarity)).toBe(true);
    expect(a.strongChainedPairs).toBe(5);
    expect(a.chainedPairs).toBe(0); // the weaker chains of the whole-page rules keep their short reach
  });

  it(`breaks the chain after more than ${MAX_INSERTED} sentences of own text`, () => {
    const a = align([0, ...ownSentences(MAX_INSERTED + 1), 1, ...ownSentences(MAX_INSERTED + 1), 2]);
    expect(a.strongChainedPairs).toBe(0);
  });

  it("does not chain across own text to a sentence that is not the original's next one", () => {
    const a = align([0, ...ownSentences(3), 2, ...ownSentences(3), 4, ...ownSentences(3), 6]);
    expect(a.strongChainedPairs).toBe(0);
    const backwards = align([4, ...ownSentences(3), 3, ...ownSentences(3), 2, ...ownSentences(3), 1]);
    expect(backwards.strongChainedPairs).toBe(0);
  });
});
