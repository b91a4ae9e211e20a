import { fnv1a32 } from './hash.ts';

/** Banding of a MinHash signature: `bands` bands of `rows` slots each. */
export interface LshParams {
  bands: number;
  rows: number;
}

/** Probability that two sets with Jaccard similarity `s` share at least one band. */
export const collisionProbability = (s: number, { bands, rows }: LshParams) => 1 - (1 - s ** rows) ** bands;

function integrate(f: (x: number) => number, a: number, b: number, steps = 200): number {
  const h = (b - a) / steps;
  let area = 0;
  for (let i = 0; i < steps; i++) area += (f(a + i * h) + f(a + (i + 1) * h)) * (h / 2);
  return area;
}

/**
 * The banding that minimises the weighted false-positive and false-negative areas around
 * `threshold`, as datasketch's `_optimal_param` does (datasketch/lsh.py): parameters are derived
 * from the target, not guessed.
 */
export function optimalLshParams(threshold: number, numPerm: number, fpWeight = 0.5, fnWeight = 0.5): LshParams {
  let best: LshParams = { bands: 1, rows: numPerm };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; bands * rows <= numPerm; rows++) {
      const p = { bands, rows };
      const fp = integrate((s) => collisionProbability(s, p), 0, threshold);
      const fn = integrate((s) => 1 - collisionProbability(s, p), threshold, 1);
      const error = fpWeight * fp + fnWeight * fn;
      if (error < bestError) {
        bestError = error;
        best = p;
      }
    }
  }
  return best;
}

/** One bucket key per band: the band number and a hash of its slots. */
export function bandKeys(signature: readonly number[], { bands, rows }: LshParams): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) keys.push(`${b}:${fnv1a32(signature.slice(b * rows, (b + 1) * rows).join(','))}`);
  return keys;
}
