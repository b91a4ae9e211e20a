// The UI's test records: a content farm's page flagged as a rewrite of CNBC's article, with one
// pair of evidence; a lookup's progress; a library row. Tests that need another variant spread
// them and change what they need.
import type { UncreditedVerdict } from '../../src/core/verdict.ts';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import type { LookupProgress } from '../../src/lookup/progress.ts';
import type { LibraryEntry } from '../../src/ui/library-search.ts';

export const original = {
  id: 'x',
  url: 'https://www.cnbc.com/a',
  title: 'Russia was smug',
  site: 'cnbc.com',
  siteName: 'CNBC',
  published: '2025-10-22T06:47:32Z',
};

export const evidence: UncreditedVerdict['evidence'] = {
  pairs: [{ page: 0, original: 0, similarity: 0.8, pageText: 'Moscow was worried.', originalText: 'Russia scrambled.' }],
  pageCoverage: 0.95,
  originalCoverage: 0.9,
  orderedCoverage: 0.9,
  chainedCoverage: 0.9,
  strongChainedPairs: 20,
  strongOwnWordsInOrder: 15,
  novelNameShare: 0,
};

/** The flagged page's record, naming `of` with `proof` as its evidence. */
export const rewriteRecord = (of = original, proof = evidence): TabVerdict => ({
  url: 'https://news.farm.example/a',
  title: 'Moscow worried',
  checkedAt: '2025-10-22T16:00:00Z',
  librarySize: 99,
  verdict: { kind: 'uncredited-rewrite', score: 0.9, original: of, evidence: proof },
});

export const rewrite: TabVerdict = rewriteRecord();

/** The flagged verdict whose one evidence pair shows `pageText` on the page's side (all its order in step). */
export const flaggedWith = (pageText: string): UncreditedVerdict => ({
  kind: 'uncredited-rewrite',
  score: 0.9,
  original,
  evidence: { ...evidence, orderedCoverage: 0.95, pairs: [{ ...evidence.pairs[0]!, pageText }] },
});

/** A GDELT lookup of one query, started half a minute before its range ends (searching, unless `change` says otherwise). */
export const lookupProgress = (change: Partial<LookupProgress>): LookupProgress => ({
  phase: 'searching',
  engine: 'gdelt',
  engineName: 'GDELT',
  from: '2025-10-01T00:00:00Z',
  to: '2025-10-22T16:00:00Z',
  queries: 1,
  candidates: [],
  startedAt: '2025-10-22T16:00:30Z',
  automatic: false,
  ...change,
});

/** A library row for the article `id`, read by the reader unless `extra` says otherwise. */
export const libraryEntry = (id: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
  id,
  url: `https://${id}.example/a`,
  title: `Title ${id}`,
  site: `${id}.example`,
  firstSeen: '2025-10-22T06:00:00Z',
  source: 'read',
  ...extra,
});
