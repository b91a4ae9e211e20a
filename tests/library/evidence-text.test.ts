import { describe, expect, it } from 'vitest';
import type { ArticleRef, Evidence, EvidencePair, Verdict } from '../../src/core/verdict.ts';
import { withOriginalText } from '../../src/library/evidence-text.ts';

const original: ArticleRef = { id: 'o', url: 'https://wire.example/o', title: 'Original', site: 'wire.example' };

const pair = (page: number, orig: number, originalText = ''): EvidencePair => ({
  page,
  original: orig,
  similarity: 0.9,
  pageText: `page sentence ${page}`,
  originalText,
});

const evidence = (pairs: EvidencePair[]): Evidence => ({
  pairs,
  pageCoverage: 0.7,
  originalCoverage: 0.6,
  orderedCoverage: 0.65,
  chainedCoverage: 0.5,
  strongChainedPairs: 3,
  strongOwnWordsInOrder: 2,
  novelNameShare: 0.05,
});

const sentences = ['Original zero.', 'Original one.', 'Original two.', 'Original three.'];

describe('withOriginalText', () => {
  it("fills each pair's original text from the original's sentence at the pair's index", () => {
    const verdict: Verdict = { kind: 'uncredited-rewrite', score: 0.8, original, evidence: evidence([pair(0, 2), pair(1, 0), pair(4, 3)]), reason: 'why' };
    const out = withOriginalText(verdict, sentences);
    expect(out.evidence?.pairs.map((p) => p.originalText)).toEqual(['Original two.', 'Original zero.', 'Original three.']);
  });

  it('fills a merged pair with every original sentence it stands for', () => {
    const merged = { ...pair(0, 1), originalLast: 2 };
    const verdict: Verdict = { kind: 'uncredited-rewrite', score: 0.8, original, evidence: evidence([merged]), reason: 'why' };
    expect(withOriginalText(verdict, sentences).evidence?.pairs[0]?.originalText).toBe('Original one. Original two.');
  });

  it('keeps every other field of the verdict, the evidence and the pairs, and leaves its input untouched', () => {
    const verdict: Verdict = {
      kind: 'credited',
      score: 0.8,
      original,
      credit: { kind: 'link', detail: 'https://wire.example/o' },
      evidence: evidence([pair(0, 1, 'stale')]),
    };
    const before = structuredClone(verdict);
    const out = withOriginalText(verdict, sentences);
    expect(out).toEqual({ ...before, evidence: { ...before.evidence, pairs: [{ ...before.evidence.pairs[0], originalText: 'Original one.' }] } });
    expect(verdict).toEqual(before);
    expect(out).not.toBe(verdict);
  });

  it('keeps the existing original text of a pair whose index is past the end of the sentences', () => {
    const verdict: Verdict = {
      kind: 'disputed',
      score: 0.5,
      original,
      evidence: evidence([pair(0, 3, 'kept'), pair(1, 4, 'kept too')]),
      dispute: {
        page: {},
        other: {},
        why: 'unsettled',
      },
    };
    const out = withOriginalText(verdict, sentences);
    expect(out.evidence?.pairs.map((p) => p.originalText)).toEqual(['Original three.', 'kept too']);
  });

  it('keeps existing texts when no sentences are given', () => {
    const verdict: Verdict = { kind: 'uncredited-rewrite', score: 0.8, original, evidence: evidence([pair(0, 0, 'a'), pair(1, 1, '')]) };
    expect(withOriginalText(verdict, []).evidence?.pairs.map((p) => p.originalText)).toEqual(['a', '']);
  });

  it('takes an empty original sentence as it is (only a missing one keeps the old text)', () => {
    const verdict: Verdict = { kind: 'uncredited-rewrite', score: 0.8, original, evidence: evidence([pair(0, 0, 'old')]) };
    expect(withOriginalText(verdict, ['']).evidence?.pairs.map((p) => p.originalText)).toEqual(['']);
  });

  it('fills the evidence of a none verdict that names the nearest article, and of an original verdict with a match', () => {
    const none: Verdict = { kind: 'none', reason: 'too little', nearest: original, evidence: evidence([pair(2, 1)]) };
    expect(withOriginalText(none, sentences).evidence?.pairs.map((p) => p.originalText)).toEqual(['Original one.']);
    const orig: Verdict = { kind: 'original', derivatives: [original], score: 0.7, evidence: evidence([pair(0, 0)]) };
    expect(withOriginalText(orig, sentences).evidence?.pairs.map((p) => p.originalText)).toEqual(['Original zero.']);
  });

  it('returns a verdict without evidence as the very same object', () => {
    const verdicts: Verdict[] = [
      { kind: 'none', reason: 'nothing shares its sentences' },
      { kind: 'not-article', reason: 'too short' },
      { kind: 'original', derivatives: [original] },
      { kind: 'none', reason: 'explicitly absent', evidence: undefined },
    ];
    for (const v of verdicts) expect(withOriginalText(v, sentences)).toBe(v);
  });
});
