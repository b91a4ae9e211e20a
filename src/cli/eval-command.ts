import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, runEval, writeLines, type EvalReport } from './eval.ts';
import { runLookupEval } from './eval-lookup.ts';
import { LOOKUP_OPTIONS, lookupDeps } from './lookup-options.ts';

/**
 * Floors per kind: `min` for recall of positive kinds, `max` for the flag rate of negative kinds,
 * `lookupMin` for the share of pages whose original a lookup found (lookup evals only).
 */
interface KindFloor {
  min?: number;
  max?: number;
  lookupMin?: number;
}
/** A floors file: kinds to floors, plus `$pages` (exact verdicts of single pages) and `$comment`. */
type Floors = {
  $pages?: Record<string, { verdict: string; original?: string }>;
  [kindOrMeta: string]: KindFloor | Record<string, { verdict: string; original?: string }> | string | undefined;
};

export async function runEvalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      corpus: { type: 'string' },
      out: { type: 'string' },
      floors: { type: 'string' },
      json: { type: 'boolean' },
      'empty-library': { type: 'boolean' },
      ...LOOKUP_OPTIONS,
    },
    strict: true,
  });
  if (!values.corpus) throw new Error('eval needs --corpus <folder>');
  if (!existsSync(values.corpus)) throw new Error(`no corpus at ${values.corpus}`);
  if (values['empty-library'] && !values.lookup) throw new Error('--empty-library needs --lookup (an empty library knows no original)');
  let report: EvalReport;
  let table: string;
  if (values.lookup) {
    const progress = (done: number, total: number) => {
      if (done % 50 === 0 || done === total) process.stderr.write(`lookup eval: ${done}/${total} pages\n`);
    };
    const r = await runLookupEval(values.corpus, lookupDeps(values), { emptyLibrary: !!values['empty-library'], onPage: progress });
    report = r;
    table = `${formatReport(r)}\n${r.requests} requests (searches and article fetches)`;
  } else {
    report = runEval(values.corpus);
    table = formatReport(report);
  }
  if (values.out) writeLines(values.out, report.lines);
  const { lines: _lines, ...summary } = report;
  process.stdout.write(values.json ? JSON.stringify(summary, null, 2) + '\n' : table + '\n');
  if (!values.floors) return 0;
  const failures = checkFloors(report, JSON.parse(readFileSync(values.floors, 'utf8')) as Floors);
  for (const f of failures) process.stdout.write(`FLOOR FAILED: ${f}\n`);
  process.stdout.write(failures.length ? `eval floors: ${failures.length} failed\n` : 'eval floors: all met\n');
  return failures.length ? 1 : 0;
}

export function checkFloors(report: EvalReport, floors: Floors): string[] {
  const failures: string[] = [];
  for (const [id, want] of Object.entries(floors.$pages ?? {})) {
    const got = report.lines.find((l) => l.id === id);
    if (!got) failures.push(`${id}: not in the corpus`);
    else if (got.verdict !== want.verdict || (want.original && got.original !== want.original)) {
      failures.push(`${id}: got ${got.verdict} (${got.original}), want ${want.verdict} (${want.original ?? 'any'})`);
    }
  }
  for (const [kind, value] of Object.entries(floors)) {
    if (kind.startsWith('$')) continue;
    const floor = value as KindFloor;
    const k = report.kinds.find((x) => x.kind === kind);
    if (!k) {
      failures.push(`${kind}: not in the corpus`);
      continue;
    }
    if (floor.min !== undefined && k.rate < floor.min) failures.push(`${kind}: rate ${k.rate} < floor ${floor.min}`);
    if (floor.max !== undefined && k.rate > floor.max) failures.push(`${kind}: rate ${k.rate} > ceiling ${floor.max}`);
    if (floor.lookupMin !== undefined && !((k.lookupRate ?? -1) >= floor.lookupMin)) {
      failures.push(`${kind}: lookup found ${k.lookupRate ?? 'nothing (not a lookup eval)'} < floor ${floor.lookupMin}`);
    }
  }
  // A corpus that gained a scored kind must not pass unmeasured.
  for (const k of report.kinds) {
    if (k.expect !== 'ambiguous' && !(k.kind in floors)) failures.push(`${k.kind}: scored in the corpus but has no floor`);
  }
  return failures;
}
