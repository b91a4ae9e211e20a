import type { Fingerprint } from './fingerprint.ts';
import { sentenceSimilarity, weighSentence, type TermWeight, type WeightedSentence } from './similarity.ts';

export interface AlignedPair {
  page: number;
  original: number;
  similarity: number;
}

export interface Alignment {
  /** One-to-one sentence pairs, ascending by page sentence. */
  pairs: AlignedPair[];
  /** Share of the page's content mass in aligned sentences. */
  pageCoverage: number;
  /** Share of the original's content mass in aligned sentences. */
  originalCoverage: number;
  /** Share of the page's mass in pairs that follow the original's order (longest increasing chain). */
  orderedCoverage: number;
  /** Highest aligned share of content in any window of `runWindow` consecutive page sentences. */
  densestRun: number;
}

export interface AlignOptions {
  /** Least sentence similarity for a pair to count. */
  minSimilarity: number;
  /** Page sentences per window when looking for a densely copied stretch (partial copies). */
  runWindow: number;
}

export const DEFAULT_ALIGN: AlignOptions = { minSimilarity: 0.3, runWindow: 8 };

/**
 * Aligns the page's sentences to the original's: every pair above `minSimilarity` is a
 * candidate; pairs are taken greedily by similarity, each sentence used at most once.
 * Order is measured afterwards (longest chain increasing on both sides), so reordered
 * paragraphs still align while scattered coincidences stay visibly unordered.
 */
export function alignSentences(
  page: Fingerprint,
  original: Fingerprint,
  weight: TermWeight,
  options: AlignOptions = DEFAULT_ALIGN,
): Alignment {
  const P = page.sentences.map((s) => weighSentence(s, weight));
  const O = original.sentences.map((s) => weighSentence(s, weight));
  const candidates = candidatePairs(P, O, options.minSimilarity);
  candidates.sort((a, b) => b.similarity - a.similarity || a.page - b.page || a.original - b.original);
  const usedP = new Set<number>();
  const usedO = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const c of candidates) {
    if (usedP.has(c.page) || usedO.has(c.original)) continue;
    usedP.add(c.page);
    usedO.add(c.original);
    pairs.push(c);
  }
  pairs.sort((a, b) => a.page - b.page);
  const pageMass = total(P);
  const share = (ps: AlignedPair[]) => (pageMass ? sum(ps.map((p) => P[p.page]!.mass)) / pageMass : 0);
  const origMass = total(O);
  return {
    pairs,
    pageCoverage: share(pairs),
    originalCoverage: origMass ? sum(pairs.map((p) => O[p.original]!.mass)) / origMass : 0,
    orderedCoverage: share(longestIncreasingChain(pairs)),
    densestRun: densestWindow(pairs, P, options.runWindow),
  };
}

function candidatePairs(P: WeightedSentence[], O: WeightedSentence[], min: number): AlignedPair[] {
  const index = new Map<number, number[]>();
  O.forEach((s, j) => {
    for (const t of s.weights.keys()) {
      const list = index.get(t);
      if (list) list.push(j);
      else index.set(t, [j]);
    }
  });
  const out: AlignedPair[] = [];
  P.forEach((s, i) => {
    const seen = new Set<number>();
    for (const t of s.weights.keys()) for (const j of index.get(t) ?? []) seen.add(j);
    for (const j of seen) {
      const similarity = sentenceSimilarity(s, O[j]!);
      if (similarity >= min) out.push({ page: i, original: j, similarity });
    }
  });
  return out;
}

/** Longest chain of pairs increasing in both page and original index (pairs sorted by page). */
export function longestIncreasingChain(pairs: readonly AlignedPair[]): AlignedPair[] {
  const tails: number[] = []; // index into pairs of the smallest tail for each length
  const prev: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.original < p.original) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const chain: AlignedPair[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}

function densestWindow(pairs: AlignedPair[], P: WeightedSentence[], window: number): number {
  const aligned = new Array<number>(P.length).fill(0);
  for (const p of pairs) aligned[p.page] = P[p.page]!.mass;
  const w = Math.min(window, P.length);
  let best = 0;
  for (let start = 0; start + w <= P.length; start++) {
    let a = 0;
    let m = 0;
    for (let i = start; i < start + w; i++) {
      a += aligned[i]!;
      m += P[i]!.mass;
    }
    if (m > 0) best = Math.max(best, a / m);
  }
  return best;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const total = (xs: WeightedSentence[]) => sum(xs.map((s) => s.mass));
