import { describe, expect, it } from 'vitest';
import { isVerdict } from '../../src/core/verdict-shape.ts';
import { asTabVerdict } from '../../src/ext/tab-verdicts.ts';

const original = { id: 'cnbc', url: 'https://www.cnbc.com/a', title: 'Russia was smug', site: 'cnbc.com' };
const evidence = {
  pairs: [{ page: 0, original: 0, similarity: 0.8, pageText: 'A.', originalText: 'B.' }],
  pageCoverage: 0.9,
  originalCoverage: 0.8,
  orderedCoverage: 0.9,
  chainedCoverage: 0.9,
  strongChainedPairs: 3,
  strongOwnWordsInOrder: 3,
  novelNameShare: 0,
};
const rewrite = { kind: 'uncredited-rewrite', score: 0.9, original, evidence, reason: "retells CNBC's article" };

describe('isVerdict: a stored verdict of a known shape', () => {
  it('accepts every kind as this version writes it', () => {
    for (const v of [
      rewrite,
      { ...rewrite, kind: 'credited', credit: { kind: 'link', detail: 'https://www.cnbc.com/a' } },
      { ...rewrite, kind: 'disputed', dispute: { page: {}, other: { observed: '2025-10-22T07:00:00Z' }, why: 'both claim' } },
      { kind: 'original', derivatives: [original] },
      { kind: 'original', derivatives: [original], score: 0.7, evidence },
      { ...rewrite, evidence: { ...evidence, notShown: 8 } },
      { kind: 'none', reason: 'no article in the library shares its sentences' },
      { kind: 'none', reason: '2 of its sentences match', nearest: original, evidence },
      { kind: 'not-article', reason: 'too-complex: this page is too complex to read safely' },
    ]) {
      expect(isVerdict(v), JSON.stringify(v)).toBe(true);
    }
  });

  it('refuses a record missing what its kind needs, of an unknown kind, or not a record', () => {
    const { original: _o, ...noOriginal } = rewrite;
    for (const v of [
      noOriginal,
      { ...rewrite, kind: 'credited' }, // no credit
      { ...rewrite, kind: 'disputed' }, // no dispute
      { ...rewrite, score: 2 },
      { ...rewrite, original: { ...original, url: 7 } },
      { ...rewrite, evidence: { ...evidence, pairs: [{ page: 0 }] } },
      { ...rewrite, evidence: { ...evidence, notShown: -1 } },
      { ...rewrite, evidence: { ...evidence, notShown: '8' } },
      { kind: 'original' },
      { kind: 'none' },
      { kind: 'none', reason: 'x', nearest: { id: 'a' } },
      { kind: 'not-article' },
      { kind: 'copied', score: 1, original, evidence },
      null,
      'uncredited-rewrite',
      [rewrite],
    ]) {
      expect(isVerdict(v), JSON.stringify(v)).toBe(false);
    }
  });
});

describe('asTabVerdict: a tab record read back from session storage', () => {
  const record = { url: 'https://farm.example/a', checkedAt: '2025-10-22T16:00:00Z', librarySize: 12, verdict: rewrite };

  it('returns a well-formed record as it is', () => {
    expect(asTabVerdict(record)).toBe(record);
    expect(asTabVerdict({ ...record, title: 'Moscow worried', articleId: 'farm.example/a' })).toBeTruthy();
  });

  it('reads a malformed or older record as no record, never half-read', () => {
    expect(asTabVerdict(undefined)).toBeUndefined();
    expect(asTabVerdict({ ...record, verdict: { kind: 'uncredited-rewrite', score: 0.9 } })).toBeUndefined();
    expect(asTabVerdict({ ...record, librarySize: '12' })).toBeUndefined();
    expect(asTabVerdict({ ...record, title: 5 })).toBeUndefined();
  });
});
