import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bandKeys, collisionProbability, optimalLshParams } from '../../src/core/lsh.ts';
import { estimateJaccard, fmix32, minhash } from '../../src/core/minhash.ts';

const exactJaccard = (a: Set<number>, b: Set<number>) => {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
};

describe('MinHash', () => {
  it('is deterministic and 1 on identical sets', () => {
    const s = [1, 2, 3, 500, 70000];
    expect(minhash(s)).toEqual(minhash([...s].reverse()));
    expect(estimateJaccard(minhash(s), minhash(s))).toBe(1);
  });
  it('mixes with a bijection (no two inputs share a slot value by construction)', () => {
    const seen = new Set<number>();
    for (let x = 0; x < 5000; x++) seen.add(fmix32(x));
    expect(seen.size).toBe(5000);
  });
  test.prop([fc.uniqueArray(fc.nat(), { minLength: 50, maxLength: 300 }), fc.integer({ min: 0, max: 100 })], { numRuns: 40 })(
    'estimates Jaccard within 0.2 of the exact value (128 slots: sd ≤ 0.045)',
    (base, overlapPercent) => {
      const cut = Math.floor((base.length * overlapPercent) / 100);
      const a = new Set(base);
      const b = new Set([...base.slice(0, cut), ...base.slice(cut).map((x) => x + 2 ** 31)]);
      expect(Math.abs(estimateJaccard(minhash(a), minhash(b)) - exactJaccard(a, b))).toBeLessThan(0.2);
    },
  );
});

describe('LSH banding', () => {
  it('derives bands and rows from the threshold (datasketch _optimal_param)', () => {
    const p = optimalLshParams(0.4, 128);
    expect(p.bands * p.rows).toBeLessThanOrEqual(128);
    expect(collisionProbability(0.1, p)).toBeLessThan(0.01);
    expect(collisionProbability(0.6, p)).toBeGreaterThan(0.95);
    // A higher threshold asks for more rows per band.
    expect(optimalLshParams(0.8, 128).rows).toBeGreaterThan(p.rows);
  });
  it('gives one key per band, equal for equal bands', () => {
    const p = { bands: 4, rows: 2 };
    const a = bandKeys([1, 2, 3, 4, 5, 6, 7, 8], p);
    const b = bandKeys([1, 2, 9, 9, 5, 6, 9, 9], p);
    expect(a).toHaveLength(4);
    expect([a[0] === b[0], a[1] === b[1], a[2] === b[2], a[3] === b[3]]).toEqual([true, false, true, false]);
  });
});
