import { describe, expect, it } from 'vitest';
import { checkFloors } from '../../src/cli/eval-command.ts';
import type { EvalReport } from '../../src/cli/eval.ts';

const report = {
  lines: [{ id: 'seed-rewrite', verdict: 'none', original: null, score: 0, ms: 1 }],
  kinds: [
    { kind: 'heavy', expect: 'uncredited-rewrite', n: 10, hits: 9, rate: 0.9 },
    { kind: 'unrelated', expect: 'none', n: 10, hits: 1, rate: 0.1 },
  ],
  buildMs: 0,
  librarySize: 0,
  checkMs: { p50: 0, p95: 0, max: 0 },
} satisfies EvalReport;

describe('eval floors', () => {
  it('fails below a recall floor, above a flag ceiling, on a wrong page verdict and on a missing kind', () => {
    const failures = checkFloors(report, {
      $pages: { 'seed-rewrite': { verdict: 'uncredited-rewrite', original: 'seed-original' } },
      heavy: { min: 0.95 },
      unrelated: { max: 0 },
      partial: { min: 0.5 },
    });
    expect(failures).toHaveLength(4);
  });
  it('fails when the corpus has a scored kind without a floor, not for an ambiguous one', () => {
    const withNew = {
      ...report,
      kinds: [
        ...report.kinds,
        { kind: 'retold', expect: 'uncredited-rewrite', n: 5, hits: 1, rate: 0.2 },
        { kind: 'borderline', expect: 'ambiguous', n: 5, hits: 1, rate: 0.2 },
      ],
    };
    expect(checkFloors(withNew, { heavy: { min: 0.9 }, unrelated: { max: 0.1 } })).toEqual([
      'retold: scored in the corpus but has no floor',
    ]);
  });
  it('checks the lookup share of a lookup eval, and fails a lookup floor on a plain eval', () => {
    const lookup = { ...report, kinds: [{ ...report.kinds[0]!, lookupHits: 8, lookupRate: 0.8 }, report.kinds[1]!] };
    expect(checkFloors(lookup, { heavy: { min: 0.9, lookupMin: 0.8 }, unrelated: { max: 0.1 } })).toEqual([]);
    expect(checkFloors(lookup, { heavy: { lookupMin: 0.9 }, unrelated: { max: 0.1 } })).toEqual(['heavy: lookup found 0.8 < floor 0.9']);
    expect(checkFloors(report, { heavy: { lookupMin: 0.5 }, unrelated: { max: 0.1 } })).toHaveLength(1);
  });
  it('passes when every floor is met', () => {
    expect(checkFloors(report, { heavy: { min: 0.9 }, unrelated: { max: 0.1 } })).toEqual([]);
  });
});
