import { describe, expect, it } from 'vitest';
import type { Alignment } from '../../src/core/align.ts';
import { explainDerivation, explainNotDerived, isDerived } from '../../src/core/verdict.ts';

/** A whole-article rewrite's statistics (as the seed's), to vary one at a time. */
const rewrite: Alignment = {
  pairs: Array.from({ length: 20 }, (_, i) => ({ page: i, original: i, similarity: 0.7 })),
  pageCoverage: 0.9,
  originalCoverage: 0.8,
  orderedCoverage: 0.85,
  chainedCoverage: 0.8,
  chainedPairs: 18,
  chainedSentences: 18,
  walkedCoverage: 0.8,
  chainedOriginalShare: 0.7,
  strongChainedPairs: 3,
  strongOwnWordsInOrder: 3,
  novelNameShare: 0.02,
  copiedRun: 0,
  copiedSentences: 0,
  copiedWords: 0,
  copies: [],
  pageSentences: 22,
};

/** A partial rewrite inside a longer page (be2cf43d2c-partial's statistics). */
const inside: Alignment = {
  ...rewrite,
  chainedCoverage: 0.27,
  chainedPairs: 8,
  chainedSentences: 8,
  walkedCoverage: 0.2,
  chainedOriginalShare: 0.44,
  novelNameShare: 0.22,
  pageCoverage: 0.46,
  orderedCoverage: 0.41,
  strongChainedPairs: 2,
  strongOwnWordsInOrder: 3,
};

describe('isDerived', () => {
  it('takes a page that walks the original in order and adds no facts as a rewrite', () => {
    expect(isDerived(rewrite)).toBe(true);
  });
  it('spares coverage that brings names and numbers of its own, unless it retells much of the original in step', () => {
    expect(isDerived({ ...rewrite, novelNameShare: 0.3, chainedPairs: 6, chainedSentences: 6, chainedOriginalShare: 0.25 })).toBe(false);
    expect(isDerived({ ...rewrite, novelNameShare: 0.3 })).toBe(true);
  });
  it('spares coverage that tells the same facts in another order', () => {
    // Regression: 8782207fc5-independent and 5cbc1eeb7b-independent (one press release, facts
    // reordered) aligned 73–83% of their content but only ~50% of it in the original's order.
    expect(isDerived({ ...rewrite, orderedCoverage: 0.45, walkedCoverage: 0.25 })).toBe(false);
  });
  it('takes a rewrite whose writer moved a block: most of the page in walks that follow the original, each in its order', () => {
    // A condensed rewrite with its halves swapped: half of it in one order, nearly all of it in walks of three or more.
    const moved = { ...rewrite, orderedCoverage: 0.45, walkedCoverage: 0.8 };
    expect(isDerived(moved)).toBe(true);
    expect(explainDerivation(moved, 22, 'CNBC')).toBe("retells CNBC's article in its order: 18 of its 22 sentences follow the original's");
    // Walks over less than half of the page: local runs any report of the story may have.
    expect(isDerived({ ...moved, walkedCoverage: 0.45 })).toBe(false);
    // Names and numbers of its own still make it another report.
    expect(isDerived({ ...moved, novelNameShare: 0.3, chainedPairs: 6, chainedSentences: 6, chainedOriginalShare: 0.25 })).toBe(false);
  });
  it('takes five strongly similar sentences walking the original as a partial copy', () => {
    const partial = { ...rewrite, chainedCoverage: 0.2, novelNameShare: 0.4, orderedCoverage: 0.3, strongChainedPairs: 5, strongOwnWordsInOrder: 3 };
    expect(isDerived(partial)).toBe(true);
    expect(isDerived({ ...partial, strongChainedPairs: 4 })).toBe(false);
  });
  it('never says more sentences are word for word than it says follow the original: a pasted passage is called a copy', () => {
    // 1acdfb830a-excerpt against its original: five close pairs in order, and a pasted passage of seven
    // of the original's sentences (its short lines count too).
    const pasted = {
      ...rewrite,
      chainedCoverage: 0.2,
      novelNameShare: 0.3,
      orderedCoverage: 0.3,
      strongChainedPairs: 5,
      strongOwnWordsInOrder: 4,
      copiedRun: 7,
      copiedSentences: 8,
      copiedWords: 76,
    };
    expect(explainDerivation(pasted, 29, 'Health')).toBe("copies 7 of Health's sentences word for word or nearly, one after another (8 copied in all)");
    expect(explainDerivation({ ...pasted, copiedRun: 3, copiedSentences: 3 }, 29, 'Health')).toBe(
      "5 of its 29 sentences closely follow Health's in the same order, 3 of them word for word or nearly, among text of its own",
    );
  });
  it('does not take a few shared quotations in order as a partial copy, but does take a long run of them', () => {
    // Regression: 63a5e2a711-independent quoted the same three lines, in order, as the original.
    const quotes = { ...rewrite, chainedCoverage: 0.18, novelNameShare: 0.13, orderedCoverage: 0.18, strongChainedPairs: 5, strongOwnWordsInOrder: 2 };
    expect(isDerived(quotes)).toBe(false);
    expect(isDerived({ ...quotes, strongChainedPairs: 8 })).toBe(true);
  });
  it("takes three of the original's sentences pasted word for word, or two long ones, as a copy, whatever surrounds them", () => {
    const own = { ...rewrite, chainedCoverage: 0.1, novelNameShare: 0.3, orderedCoverage: 0.2, strongChainedPairs: 3, strongOwnWordsInOrder: 3 };
    expect(isDerived(own)).toBe(false);
    expect(isDerived({ ...own, copiedSentences: 3, copiedWords: 30 })).toBe(true);
    expect(isDerived({ ...own, copiedSentences: 2, copiedWords: 45 })).toBe(true);
    // Regression (same-event, ecb-14_4ecb): two lines of 18 and 14 words shared with another report of the fire.
    expect(isDerived({ ...own, copiedSentences: 2, copiedWords: 32 })).toBe(false);
    // One long sentence may be a common source's line.
    expect(isDerived({ ...own, copiedSentences: 1, copiedWords: 60 })).toBe(false);
  });
  it('demands that the order hold beyond chance when it rests on few pairs', () => {
    // Regression: the 350-word opening of cbda107776-independent (same-facts): 8 pairs, 69% of them
    // in the original's order, as news puts the main facts first. On 40 pairs that order is no chance.
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => ({ page: i, original: i, similarity: 0.6 }));
    const opening = {
      ...rewrite,
      pairs: pairs(8),
      pageCoverage: 0.5,
      orderedCoverage: 0.345,
      chainedCoverage: 0.38,
      chainedPairs: 5,
      chainedSentences: 5,
      walkedCoverage: 0.2,
      chainedOriginalShare: 0.33,
      strongChainedPairs: 0,
      novelNameShare: 0.09,
    };
    expect(isDerived(opening)).toBe(false);
    expect(isDerived({ ...opening, pairs: pairs(40) })).toBe(true);
    expect(isDerived({ ...opening, orderedCoverage: 0.5 })).toBe(true);
  });
  it('takes much of the original retold in step inside a longer page of its own as a partial rewrite', () => {
    // Regression: be2cf43d2c-partial retold 8 of the original's 18 sentences in order among 34 of its
    // own (own names 22%, chained 27% of the page: the whole-page test cannot see it).
    expect(isDerived(inside)).toBe(true);
    // Same-event coverage walks at most a few sentences in step, and not in the original's order throughout.
    expect(isDerived({ ...inside, chainedPairs: 5, chainedSentences: 5 })).toBe(false);
    expect(isDerived({ ...inside, chainedOriginalShare: 0.3 })).toBe(false);
    expect(isDerived({ ...inside, orderedCoverage: 0.2 })).toBe(false);
  });
  it("counts the sentences told in step, not the pairs: a merged sentence follows each of the original's it tells", () => {
    // A condensed page: three chained pairs, one of them a page sentence that merges two of the original's.
    const short = { ...rewrite, pairs: rewrite.pairs.slice(0, 4), chainedPairs: 3, chainedSentences: 4, walkedCoverage: 0 };
    expect(isDerived(short)).toBe(true);
    expect(isDerived({ ...short, chainedSentences: 3 })).toBe(false);
    // Inside a longer page: seven pairs telling eight of the original's sentences.
    expect(isDerived({ ...inside, chainedPairs: 7, chainedSentences: 8 })).toBe(true);
    expect(isDerived({ ...inside, chainedPairs: 7, chainedSentences: 7 })).toBe(false);
  });
});

describe('explainDerivation', () => {
  it('says what was found, in plain words', () => {
    expect(explainDerivation({ ...rewrite, copiedSentences: 2 }, 22, 'CNBC')).toBe(
      "retells CNBC's article in its order: 18 of its 22 sentences follow the original's, 2 of them word for word or nearly",
    );
    expect(explainDerivation(inside, 34, 'CNBC')).toBe("retells 44% of CNBC's article in its order (8 sentences), among text of its own");
    // The count is of the original's sentences, as the share: seven pairs, one merging two of them.
    expect(explainDerivation({ ...inside, chainedPairs: 7 }, 34, 'CNBC')).toBe(
      "retells 44% of CNBC's article in its order (8 sentences), among text of its own",
    );
    const pasted = {
      ...rewrite,
      chainedCoverage: 0.1,
      chainedPairs: 3,
      chainedSentences: 3,
      novelNameShare: 0.3,
      strongChainedPairs: 3,
      copiedRun: 3,
      copiedSentences: 4,
      copiedWords: 80,
    };
    expect(explainDerivation(pasted, 12, 'CNBC')).toBe("copies 3 of CNBC's sentences word for word or nearly, one after another (4 copied in all)");
    expect(explainDerivation({ ...pasted, copiedRun: 1, copiedSentences: 2, copiedWords: 61 }, 12, 'CNBC')).toBe(
      "copies 2 of CNBC's sentences word for word or nearly (61 words), among text of its own",
    );
  });
});

describe('explainNotDerived', () => {
  // Close to the retelling rules: own names a little over the limit, a little under 40 % of the original walked.
  const close = { ...rewrite, novelNameShare: 0.11, chainedOriginalShare: 0.35 };

  it('says a page close to the retelling rules may retell the article, without calling it a rewrite', () => {
    expect(isDerived(close)).toBe(false);
    expect(explainNotDerived(close, 'CNBC')).toBe(
      "20 of its sentences resemble CNBC's article and 18 follow its order: it may retell CNBC's reporting, but not closely enough to call this page a rewrite of it",
    );
    // Before a stray copied line: the retelling is what the reader needs to know.
    expect(explainNotDerived({ ...close, copiedSentences: 1, copiedWords: 20 }, 'CNBC')).toMatch(/it may retell CNBC's reporting/);
  });

  it('keeps the plain reasons far from those rules, and for close paraphrase alone (shared wire lines)', () => {
    const far = { ...close, novelNameShare: 0.3, chainedOriginalShare: 0.2 };
    expect(explainNotDerived(far, 'CNBC')).toBe("20 of its sentences resemble CNBC's article, too few or too scattered to call this page a rewrite of it");
    const wire = { ...far, strongChainedPairs: 4, strongOwnWordsInOrder: 4, copiedSentences: 2, copiedWords: 30 };
    expect(explainNotDerived(wire, 'CNBC')).toBe(
      "2 of its sentences match CNBC's article word for word or nearly (30 words): too little for a copy; 18 more resemble it",
    );
  });
});
