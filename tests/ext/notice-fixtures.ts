// The notice's test page: a copy flagged as an uncredited rewrite of CNBC's article.
import type { Verdict } from '../../src/core/verdict.ts';

export const PAGE = 'https://copy.example/story';
export const ORIGINAL = { id: 'o1', url: 'https://www.cnbc.com/2025/10/22/story.html', title: 'Russia was smug', site: 'cnbc.com', siteName: 'CNBC' };
export const evidence = {
  pairs: [],
  pageCoverage: 1,
  originalCoverage: 1,
  orderedCoverage: 1,
  chainedCoverage: 1,
  strongChainedPairs: 9,
  strongOwnWordsInOrder: 9,
  novelNameShare: 0,
};
export const rewrite = { kind: 'uncredited-rewrite' as const, score: 0.9, original: ORIGINAL, evidence } satisfies Verdict;
