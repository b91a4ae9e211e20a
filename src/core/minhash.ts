/**
 * MinHash signatures (Broder 1997) over 32-bit feature hashes, as in datasketch: the share of
 * equal slots in two signatures estimates the Jaccard similarity of the two feature sets.
 * Permutations are murmur3's 32-bit finaliser over the feature xor a per-slot seed: a bijection on
 * 32-bit values, so each slot is a pseudo-random permutation, identical in Node and browsers.
 */
export interface MinHashParams {
  numPerm: number;
  seed: number;
}

export const DEFAULT_MINHASH: MinHashParams = { numPerm: 128, seed: 0x5eed };

/** murmur3 fmix32: a fast bijective mix of 32-bit values. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-slot seeds from a small deterministic generator (mulberry32). */
export function slotSeeds({ numPerm, seed }: MinHashParams): Uint32Array {
  const out = new Uint32Array(numPerm);
  let s = seed >>> 0;
  for (let i = 0; i < numPerm; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

const seedCache = new Map<string, Uint32Array>();

/** The MinHash signature of a feature set (empty set: all slots 0xffffffff). */
export function minhash(features: Iterable<number>, params: MinHashParams = DEFAULT_MINHASH): number[] {
  const key = `${params.numPerm}:${params.seed}`;
  let seeds = seedCache.get(key);
  if (!seeds) seedCache.set(key, (seeds = slotSeeds(params)));
  const sig = new Uint32Array(params.numPerm).fill(0xffffffff);
  for (const f of features) {
    for (let i = 0; i < sig.length; i++) {
      const h = fmix32(f ^ seeds[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return Array.from(sig);
}

/** Estimated Jaccard similarity: the share of equal slots. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new Error('signatures of different lengths');
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
