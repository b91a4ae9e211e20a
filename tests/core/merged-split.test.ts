import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';

// Derived from a corpus pair (a condensed rewrite of a Sun showbiz story), reworded.
const original = [
  'The singer was so nervous on opening night that she forgot her lines and made things up as she went along.',
  'She is playing the wicked fairy at the arena in Liverpool for the whole Christmas season.',
  'The run finishes on Christmas Eve at six in the evening and starts again on Boxing Day.',
  'She ruled out driving five hours home with the children between the two shows.',
  'Instead she will order a takeaway curry and refuse to cook on Christmas Day.',
  'Fans defended her online after one critic called the show a disgrace.',
];
const weight = () => 1;
const align = (page: string[]) => alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN);

describe('merged and split sentences', () => {
  it("aligns one page sentence that merges two or three of the original's with all of them", () => {
    const a = align([
      'Nerves made the singer forget her lines on opening night, so she made things up.',
      'With the run ending at six on Christmas Eve and starting again on Boxing Day, she ruled out the five hours home and will order a takeaway curry rather than cook.',
      'Fans defended her online after a critic called it a disgrace.',
    ]);
    const merged = a.pairs.find((p) => p.page === 1);
    expect(merged).toMatchObject({ original: 2 });
    expect(merged?.originalLast).toBeGreaterThanOrEqual(3);
    expect(a.chainedPairs).toBe(3);
    // The steps through the original count each sentence the merge tells.
    expect(a.chainedSentences).toBe(1 + (merged!.originalLast! - 2 + 1) + 1);
    // The original's sentences walked through count each merged one.
    expect(a.chainedOriginalShare).toBeCloseTo((merged!.originalLast! - 2 + 1 + 2) / original.length, 5);
  });

  it("aligns two page sentences that split one of the original's", () => {
    const a = align([
      'The singer was nervous on opening night.',
      'She forgot her lines and made things up as she went along.',
      'She is playing the wicked fairy at the arena in Liverpool for the whole Christmas season.',
    ]);
    expect(a.pairs[0]).toMatchObject({ page: 0, pageLast: 1, original: 0 });
    expect(a.pairs[1]).toMatchObject({ page: 2, original: 1 });
    // The split tells one sentence of the original: two steps through it, in two pairs.
    expect(a.chainedPairs).toBe(2);
    expect(a.chainedSentences).toBe(2);
  });

  it('does not let a neighbour that adds nothing ride along', () => {
    const a = align(['She is playing the wicked fairy at the arena in Liverpool for the whole Christmas season.']);
    expect(a.pairs).toEqual([{ page: 0, original: 1, similarity: 1 }]);
  });

  it('does not take a neighbour into a merge for a word in common, even when it raises the group', () => {
    const page = ['Harbour councillors approved the budget on Tuesday, delaying breakwater repairs until spring and angering fishermen.'];
    // The second sentence shares one word: with it the group is a little more similar (0.52 > 0.50), but it is not told.
    const o = ['Harbour councillors approved the budget on Tuesday after a long debate about taxes and parking.', 'Fishermen protested loudly.'];
    const a = alignSentences(fingerprintSentences(page), fingerprintSentences(o), weight, DEFAULT_ALIGN);
    expect(a.pairs).toEqual([{ page: 0, original: 0, similarity: expect.closeTo(0.5025, 3) as number }]);
  });

  it('counts close paraphrase from one-to-one pairs only: a merge is condensation, not a close copy', () => {
    const a = align([
      'The singer was so nervous on opening night that she forgot her lines and made things up as she went along, playing the wicked fairy at the arena in Liverpool for the whole Christmas season.',
    ]);
    expect(a.pairs[0]).toMatchObject({ page: 0, original: 0, originalLast: 1 });
    expect(a.strongChainedPairs).toBe(0);
  });
});
