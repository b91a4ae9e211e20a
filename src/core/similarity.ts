import type { SentenceFingerprint } from './fingerprint.ts';

/** Weight of a term hash, e.g. its inverse document frequency in the library. */
export type TermWeight = (term: number) => number;

/**
 * Quoted words count for less: honest reports of the same event quote the same people,
 * while a rewrite also walks through the reporter's own sentences.
 */
export const QUOTED_DISCOUNT = 0.35;

/**
 * Weight factor for names and numbers. Every report of an event shares them, but measured on
 * the corpus, discounting them (0.2, 0.5) separated independent coverage no better than 1:
 * the order of aligned sentences is what separates it (see `alignSentences`).
 */
export const NAME_DISCOUNT = 1;

/** A sentence as a sparse weighted term vector with its Euclidean-style norm. */
export interface WeightedSentence {
  weights: Map<number, number>;
  /** Sum of weights: the sentence's amount of content. */
  mass: number;
}

export function weighSentence(s: SentenceFingerprint, weight: TermWeight): WeightedSentence {
  const quoted = new Set(s.quoted);
  const names = new Set(s.names);
  const weights = new Map<number, number>();
  let mass = 0;
  for (const t of s.terms) {
    const w = weight(t) * (quoted.has(t) ? QUOTED_DISCOUNT : 1) * (names.has(t) ? NAME_DISCOUNT : 1);
    weights.set(t, w);
    mass += w;
  }
  return { weights, mass };
}

/**
 * Weighted cosine-style overlap: Σ min(wa, wb) over shared terms / √(massA · massB).
 * Symmetric, in [0, 1], 1 for identical sentences, 0 when nothing is shared.
 */
export function sentenceSimilarity(a: WeightedSentence, b: WeightedSentence): number {
  if (a.mass === 0 || b.mass === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v !== undefined) shared += Math.min(w, v);
  }
  return shared / Math.sqrt(a.mass * b.mass);
}

/** Caches a term weight function (for the span of one check, while the library does not change). */
export function memoizeWeight(weight: TermWeight): TermWeight {
  const cache = new Map<number, number>();
  return (term) => {
    let w = cache.get(term);
    if (w === undefined) cache.set(term, (w = weight(term)));
    return w;
  };
}
