import type { Fingerprint, SentenceFingerprint } from './fingerprint.ts';
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
  /** Share of the page's mass in chained pairs: pairs with a neighbour that walks the original in step. */
  chainedCoverage: number;
  /** Number of chained pairs. */
  chainedPairs: number;
  /** Chained pairs per sentence of the original: how much of the original was walked through. */
  chainedOriginalShare: number;
  /** Chained pairs among the pairs at least `strongSimilarity` similar: close paraphrase, walked in order. */
  strongChainedPairs: number;
  /** Strongly similar pairs in the writer's own words (not quotation, which any report may repeat;
   * not a caption or a name), counted along the longest chain in the original's order. */
  strongOwnWordsInOrder: number;
  /** Share of the page's names and numbers that the original never mentions (new facts, other sources). */
  novelNameShare: number;
  /**
   * Longest run of the original's sentences copied word for word, or nearly, in the writer's own words
   * (not quotation), one after another on both sides: what a phrase checker catches.
   */
  copiedRun: number;
  /** Pairs copied word for word, or nearly, in the writer's own words, wherever they stand. */
  copiedPairs: number;
  /** Sentences of the page (what the shares above are estimated from). */
  pageSentences: number;
}

export interface AlignOptions {
  /** Least sentence similarity for a pair to count. */
  minSimilarity: number;
  /** Least similarity for a pair to count towards `strongChainedPairs`. */
  strongSimilarity: number;
  /** Largest step (in sentences, on either side) between two pairs that walk in step. */
  chainGap: number;
}

export const DEFAULT_ALIGN: AlignOptions = { minSimilarity: 0.4, strongSimilarity: 0.6, chainGap: 2 };

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
  /** The page's sentences already weighed with `weight` (saves work when checking many candidates). */
  weighedPage?: WeightedSentence[],
): Alignment {
  const P = weighedPage ?? page.sentences.map((s) => weighSentence(s, weight));
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
    ...chains(pairs, P, O.length, options.chainGap, pageMass),
    ...strongChains(
      pairs.filter((p) => p.similarity >= options.strongSimilarity),
      page,
      original,
      options.chainGap,
    ),
    novelNameShare: novelNameShare(page, original),
    ...copied(pairs, page, original),
    pageSentences: P.length,
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

/**
 * A rewrite walks through the original: page sentence i aligns to j, and a page sentence
 * shortly after aligns to a sentence shortly after j. Independent coverage of the same event
 * shares facts in scattered sentences. A pair is chained when such a neighbour exists.
 */
function chains(pairs: AlignedPair[], P: WeightedSentence[], originalSentences: number, gap: number, pageMass: number) {
  const chained = chainedIndices(pairs, gap);
  const mass = sum([...chained].map((i) => P[pairs[i]!.page]!.mass));
  return {
    chainedCoverage: pageMass ? mass / pageMass : 0,
    chainedPairs: chained.size,
    chainedOriginalShare: originalSentences ? chained.size / originalSentences : 0,
  };
}

/** Indices of pairs (sorted by page) that have a neighbour within `gap` walking the original forward. */
function chainedIndices(pairs: AlignedPair[], gap: number): Set<number> {
  const chained = new Set<number>();
  for (let a = 0; a < pairs.length; a++) {
    for (let b = a + 1; b < pairs.length && pairs[b]!.page - pairs[a]!.page <= gap; b++) {
      const step = pairs[b]!.original - pairs[a]!.original;
      if (step >= 1 && step <= gap + 1) chained.add(a).add(b);
    }
  }
  return chained;
}

function strongChains(strong: AlignedPair[], page: Fingerprint, original: Fingerprint, gap: number) {
  const own = strong.filter(
    (p) =>
      !mostlyQuoted(page.sentences[p.page]!) &&
      page.sentences[p.page]!.terms.length >= MIN_OWN_TERMS &&
      original.sentences[p.original]!.terms.length >= MIN_OWN_TERMS,
  );
  return {
    strongChainedPairs: chainedIndices(strong, gap).size,
    strongOwnWordsInOrder: longestIncreasingChain(own).length,
  };
}

/** A pair this similar is the same sentence, give or take a word or its spelling. */
export const COPIED_SIMILARITY = 0.9;
/** Content terms a copied sentence must have: a short line ("Read more.", a dateline) proves nothing. */
const MIN_COPIED_TERMS = 6;

/**
 * Copied sentences: pairs at least COPIED_SIMILARITY similar (or one holding the other), in the
 * writer's own words. Their number, and their longest run, where each next page sentence copies the
 * next sentence of the original (a sentence may be skipped on either side: a caption, an inserted line).
 */
function copied(pairs: AlignedPair[], page: Fingerprint, original: Fingerprint): { copiedRun: number; copiedPairs: number } {
  const copies = pairs.filter((p) => {
    const ps = page.sentences[p.page]!;
    const os = original.sentences[p.original]!;
    if (mostlyQuoted(ps) || ps.terms.length < MIN_COPIED_TERMS || os.terms.length < MIN_COPIED_TERMS) return false;
    return p.similarity >= COPIED_SIMILARITY || contains(ps, os);
  });
  let best = 0;
  let run = 0;
  copies.forEach((p, i) => {
    const prev = copies[i - 1];
    const follows = !!prev && p.page - prev.page <= 2 && p.original - prev.original >= 1 && p.original - prev.original <= 2;
    run = follows ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return { copiedRun: best, copiedPairs: copies.length };
}

/** Content terms the shorter sentence needs for containment to count. */
const MIN_CONTAINED_TERMS = 6;

/**
 * One sentence holds the other whole: a pasted sentence that the page's text run into its neighbour
 * (a caption or a missing full stop), so that the two read as one.
 */
function contains(a: SentenceFingerprint, b: SentenceFingerprint): boolean {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  if (small.terms.length < MIN_CONTAINED_TERMS) return false;
  const inLarge = new Set(large.terms);
  const shared = small.terms.filter((t) => inLarge.has(t)).length;
  return shared >= COPIED_SIMILARITY * small.terms.length;
}

/** Sentences shorter than this (a caption, a name) say too little to count as the writer's own words. */
const MIN_OWN_TERMS = 4;

/** A sentence that is mostly quotation: any report may repeat it, so it proves no copying. */
function mostlyQuoted(s: SentenceFingerprint): boolean {
  return s.terms.length > 0 && s.quoted.length * 2 >= s.terms.length;
}

function novelNameShare(page: Fingerprint, original: Fingerprint): number {
  const names = new Set(page.sentences.flatMap((s) => s.names));
  if (!names.size) return 0;
  const known = new Set(original.terms);
  let novel = 0;
  for (const n of names) if (!known.has(n)) novel++;
  return novel / names.size;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const total = (xs: WeightedSentence[]) => sum(xs.map((s) => s.mass));
