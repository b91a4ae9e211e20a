import { describe, expect, it } from 'vitest';
import { checkFloors, recordCorpus, type FloorFailure } from '../../src/cli/eval-command.ts';
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

/** The names of the floors that failed, in the order reported. */
const failed = (failures: FloorFailure[]) => failures.map((f) => f.floor);

const CORPUS = { manifestSha256: 'a'.repeat(64) };

describe('eval floors', () => {
  it('fails below a recall floor, above a flag ceiling, on a wrong page verdict and on a missing kind', () => {
    const failures = checkFloors(report, {
      $pages: { 'seed-rewrite': { verdict: 'uncredited-rewrite', original: 'seed-original' } },
      heavy: { min: 0.95 },
      unrelated: { max: 0 },
      partial: { min: 0.5 },
      // met: not reported
      $comment: 'a comment is no floor',
    });
    expect(failed(failures)).toEqual(['seed-rewrite', 'heavy', 'unrelated', 'partial']);
    expect(failures).toEqual([
      { floor: 'seed-rewrite', reason: 'got none (null), want uncredited-rewrite (seed-original)' },
      { floor: 'heavy', reason: 'rate 0.9 < floor 0.95' },
      { floor: 'unrelated', reason: 'rate 0.1 > ceiling 0' },
      { floor: 'partial', reason: 'not in the corpus' },
    ]);
  });
  it('names only the floors that failed', () => {
    expect(failed(checkFloors(report, { heavy: { min: 0.95 }, unrelated: { max: 0.1 } }))).toEqual(['heavy']);
    expect(failed(checkFloors(report, { heavy: { min: 0.9 }, unrelated: { max: 0.05 } }))).toEqual(['unrelated']);
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
      { floor: 'retold', reason: 'scored in the corpus but has no floor' },
    ]);
  });
  it('checks the lookup share of a lookup eval, and fails a lookup floor on a plain eval', () => {
    const lookup = { ...report, kinds: [{ ...report.kinds[0]!, lookupHits: 8, lookupRate: 0.8 }, report.kinds[1]!] };
    expect(checkFloors(lookup, { heavy: { min: 0.9, lookupMin: 0.8 }, unrelated: { max: 0.1 } })).toEqual([]);
    expect(checkFloors(lookup, { heavy: { lookupMin: 0.9 }, unrelated: { max: 0.1 } })).toEqual([{ floor: 'heavy', reason: 'lookup found 0.8 < floor 0.9' }]);
    expect(failed(checkFloors(report, { heavy: { lookupMin: 0.5 }, unrelated: { max: 0.1 } }))).toEqual(['heavy']);
  });
  it('passes when every floor is met', () => {
    expect(checkFloors(report, { heavy: { min: 0.9 }, unrelated: { max: 0.1 } })).toEqual([]);
    expect(checkFloors(report, { $corpus: CORPUS, heavy: { min: 0.9 }, unrelated: { max: 0.1 } }, CORPUS)).toEqual([]);
  });
});

describe('eval floors: the corpus they were measured on', () => {
  const met = { heavy: { min: 0.9 }, unrelated: { max: 0.1 } };

  it('fail as $corpus, with the advice to re-measure, when the corpus changed since they were set', () => {
    const failures = checkFloors(report, { $corpus: { manifestSha256: 'b'.repeat(64) }, ...met }, CORPUS);
    expect(failed(failures)).toEqual(['$corpus']);
    expect(failures[0]!.reason).toMatch(/^the corpus changed since the floors were set/);
    expect(failures[0]!.reason).toContain(`manifest.jsonl sha256 ${CORPUS.manifestSha256}, floors measured on ${'b'.repeat(64)}`);
    expect(failures[0]!.reason).toMatch(/re-measure the floors on this corpus.*--record-corpus/);
  });
  it('fail as $corpus when they record no corpus, and report the rates as well', () => {
    const failures = checkFloors(report, { heavy: { min: 0.95 }, unrelated: { max: 0.1 } }, CORPUS);
    expect(failed(failures)).toEqual(['$corpus', 'heavy']);
    expect(failures[0]!.reason).toMatch(/do not record the corpus.*--record-corpus/);
  });
  it('are not checked against a corpus when none is given', () => {
    expect(checkFloors(report, { $corpus: { manifestSha256: 'b'.repeat(64) }, ...met })).toEqual([]);
  });

  it('are recorded in the floors file, which keeps its layout', () => {
    const text = '{\n  "$comment": "measured today, \\"quoted\\"",\n  "heavy": { "min": 0.9 },\n  "unrelated": { "max": 0.1 }\n}\n';
    const recorded = recordCorpus(text, CORPUS);
    expect(recorded).toBe(
      `{\n  "$comment": "measured today, \\"quoted\\"",\n  "$corpus": { "manifestSha256": "${CORPUS.manifestSha256}" },\n  "heavy": { "min": 0.9 },\n  "unrelated": { "max": 0.1 }\n}\n`,
    );
    expect(checkFloors(report, JSON.parse(recorded), CORPUS)).toEqual([]);
    // Re-recording replaces the record in place.
    const again = recordCorpus(recorded, { manifestSha256: 'c'.repeat(64) });
    expect(again).toBe(recorded.replace(CORPUS.manifestSha256, 'c'.repeat(64)));
    // Without a comment the record goes first; any other layout falls back to plain JSON.
    expect(recordCorpus('{"heavy":{"min":0.9}}', CORPUS)).toBe(`{\n  "$corpus": { "manifestSha256": "${CORPUS.manifestSha256}" },"heavy":{"min":0.9}}`);
    expect(JSON.parse(recordCorpus('{"$corpus": {"manifestSha256": {"x": 1}}, "heavy": {"min": 0.9}}', CORPUS))).toEqual({
      $corpus: CORPUS,
      heavy: { min: 0.9 },
    });
  });
});
