import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
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
