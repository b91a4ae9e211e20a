import type { AlignedPair, Alignment } from './align.ts';

export type VerdictKind = 'uncredited-rewrite' | 'credited' | 'original' | 'none' | 'not-article';

/** What the reader is told about an article the page derives from (or that derives from it). */
export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  site: string;
  siteName?: string;
  published?: string;
}

/** Where credit was found on the page. */
export interface Credit {
  kind: 'canonical' | 'meta' | 'link' | 'attribution';
  /** What the reader can see or the page declares, e.g. the link's URL or the attribution line. */
  detail: string;
}

export interface EvidencePair extends AlignedPair {
  pageText: string;
  originalText: string;
}

export interface Evidence {
  pairs: EvidencePair[];
  pageCoverage: number;
  originalCoverage: number;
  orderedCoverage: number;
  densestRun: number;
}

export interface Verdict {
  kind: VerdictKind;
  /** Strength of the derivation evidence, 0–1 (0 when nothing matched). */
  score: number;
  /** The original the page derives from (`uncredited-rewrite`, `credited`). */
  original?: ArticleRef;
  credit?: Credit;
  evidence?: Evidence;
  /** Later articles found to derive from this page (`original`). */
  derivatives?: ArticleRef[];
  /** Why the verdict is what it is, for a `none` or `not-article` page. */
  reason?: string;
}

export interface DerivationThresholds {
  /** A whole-article rewrite: this share of the page aligns to the original... */
  coverage: number;
  /** ...and this share of the page aligns in the original's order. */
  ordered: number;
  /** A partial copy: this share of a window of consecutive page sentences is aligned. */
  run: number;
  /** Fewest aligned sentence pairs for any verdict. */
  minPairs: number;
}

export const DEFAULT_THRESHOLDS: DerivationThresholds = { coverage: 0.4, ordered: 0.3, run: 0.5, minPairs: 3 };

/** Scores how strongly an alignment shows that the page derives from the original (0–1). */
export function derivationScore(a: Alignment): number {
  return Math.max(Math.min(a.pageCoverage, a.orderedCoverage * 1.3), a.densestRun * 0.8);
}

/** Decides from an alignment whether the page derives from the original. */
export function isDerived(a: Alignment, t: DerivationThresholds = DEFAULT_THRESHOLDS): boolean {
  if (a.pairs.length < t.minPairs) return false;
  const whole = a.pageCoverage >= t.coverage && a.orderedCoverage >= t.ordered;
  const partial = a.densestRun >= t.run;
  return whole || partial;
}
