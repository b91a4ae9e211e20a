import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { manifestDigest } from './corpus.ts';
import { formatReport, runEval, writeLines, type EvalReport } from './eval.ts';
import { runLookupEval } from './eval-lookup.ts';
import { LOOKUP_HELP, LOOKUP_OPTIONS, lookupDeps } from './lookup-options.ts';

/**
 * Floors per kind: `min` for recall of positive kinds, `max` for the flag rate of negative kinds,
 * `lookupMin` for the share of pages whose original a lookup found (lookup evals only).
 */
interface KindFloor {
  min?: number;
  max?: number;
  lookupMin?: number;
}
/** The corpus a floors file was measured on: the SHA-256 of its `manifest.jsonl` (see `manifestDigest`). */
interface CorpusRecord {
  manifestSha256: string;
}
/**
 * A floors file: kinds to floors, plus `$pages` (exact verdicts of single pages), `$corpus` (the corpus
 * the floors were measured on) and `$comment`.
 */
type Floors = {
  $pages?: Record<string, { verdict: string; original?: string }>;
  $corpus?: CorpusRecord;
  [kindOrMeta: string]: KindFloor | Record<string, { verdict: string; original?: string }> | CorpusRecord | string | undefined;
};

/** A floor not met: `floor` names it (a kind, a `$pages` id, or `$corpus`), `reason` says how. */
export interface FloorFailure {
  floor: string;
  reason: string;
}

export const EVAL_OPTIONS = {
  corpus: { type: 'string' },
  out: { type: 'string' },
  floors: { type: 'string' },
  json: { type: 'boolean' },
  'empty-library': { type: 'boolean' },
  'record-corpus': { type: 'boolean' },
  ...LOOKUP_OPTIONS,
} as const;

export const EVAL_USAGE = `unspun eval --corpus <folder> [--out verdicts.jsonl] [--json] [--floors floors.json [--record-corpus]]
unspun eval --corpus <folder> --lookup [--empty-library] [--via http://HOST:PORT] [--min-interval S] ...

The corpus protocol: every original of the corpus joins the library, then every page is checked.
Prints a table of the rates per kind of page (with --lookup, also the pages whose original the lookup
found).

  --corpus <folder>   the corpus (its manifest.jsonl and pages)
  --out <file.jsonl>  also write each page's verdict, one JSON line a page
  --json              print the summary as JSON instead of the table
  --floors <file>     exit 1 when a rate falls below its floor, a page listed under $pages gets another
                      verdict, or the corpus is not the one the floors record ($corpus)
  --record-corpus     with --floors: when every floor is met, record this corpus (the SHA-256 of its
                      manifest.jsonl) in the floors file, as after re-measuring the floors
  --empty-library     with --lookup: start every page from an empty library, so originals are known only
                      through lookup

${LOOKUP_HELP}`;

export async function runEvalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: EVAL_OPTIONS, strict: true });
  if (!values.corpus) throw new Error('eval needs --corpus <folder>');
  if (!existsSync(values.corpus)) throw new Error(`no corpus at ${values.corpus}`);
  if (values['empty-library'] && !values.lookup) throw new Error('--empty-library needs --lookup (an empty library knows no original)');
  if (values['record-corpus'] && !values.floors) throw new Error('--record-corpus needs --floors <file> (the file to record the corpus in)');
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
  const floorsText = readFileSync(values.floors, 'utf8');
  const corpus = { manifestSha256: manifestDigest(values.corpus) };
  const failures = checkFloors(report, JSON.parse(floorsText) as Floors, corpus);
  const rates = failures.filter((f) => f.floor !== '$corpus');
  for (const f of values['record-corpus'] ? rates : failures) process.stdout.write(`FLOOR FAILED: ${f.floor}: ${f.reason}\n`);
  if (values['record-corpus']) {
    if (rates.length) {
      process.stdout.write(`eval floors: ${rates.length} failed on this corpus; its digest is not recorded in ${values.floors}\n`);
      return 1;
    }
    writeFileSync(values.floors, recordCorpus(floorsText, corpus));
    process.stdout.write(`eval floors: all met; recorded the corpus (manifest.jsonl sha256 ${corpus.manifestSha256}) in ${values.floors}\n`);
    return 0;
  }
  const changed = failures.length > rates.length ? ' (the floors record another corpus, or none: see $corpus above)' : '';
  process.stdout.write(failures.length ? `eval floors: ${failures.length} failed${changed}\n` : 'eval floors: all met\n');
  return failures.length ? 1 : 0;
}

/**
 * The floors `report` fails. With `corpus` (the digest of the corpus evaluated), a floors file that
 * records another corpus, or none, fails as `$corpus`: its rates were measured on other pages.
 */
export function checkFloors(report: EvalReport, floors: Floors, corpus?: CorpusRecord): FloorFailure[] {
  const failures: FloorFailure[] = [];
  const fail = (floor: string, reason: string) => failures.push({ floor, reason });
  if (corpus) {
    const recorded = floors.$corpus?.manifestSha256;
    if (!recorded) {
      fail('$corpus', `the floors do not record the corpus they were measured on; once they are measured on this corpus, record it with --record-corpus`);
    } else if (recorded !== corpus.manifestSha256) {
      fail(
        '$corpus',
        `the corpus changed since the floors were set (manifest.jsonl sha256 ${corpus.manifestSha256}, floors measured on ${recorded}): ` +
          `re-measure the floors on this corpus, set them (lowering one needs a reason in the commit), then record the corpus with --record-corpus`,
      );
    }
  }
  for (const [id, want] of Object.entries(floors.$pages ?? {})) {
    const got = report.lines.find((l) => l.id === id);
    if (!got) fail(id, 'not in the corpus');
    else if (got.verdict !== want.verdict || (want.original && got.original !== want.original)) {
      fail(id, `got ${got.verdict} (${got.original}), want ${want.verdict} (${want.original ?? 'any'})`);
    }
  }
  for (const [kind, value] of Object.entries(floors)) {
    if (kind.startsWith('$')) continue;
    const floor = value as KindFloor;
    const k = report.kinds.find((x) => x.kind === kind);
    if (!k) {
      fail(kind, 'not in the corpus');
      continue;
    }
    if (floor.min !== undefined && k.rate < floor.min) fail(kind, `rate ${k.rate} < floor ${floor.min}`);
    if (floor.max !== undefined && k.rate > floor.max) fail(kind, `rate ${k.rate} > ceiling ${floor.max}`);
    if (floor.lookupMin !== undefined && !((k.lookupRate ?? -1) >= floor.lookupMin)) {
      fail(kind, `lookup found ${k.lookupRate ?? 'nothing (not a lookup eval)'} < floor ${floor.lookupMin}`);
    }
  }
  // A corpus that gained a scored kind must not pass unmeasured.
  for (const k of report.kinds) {
    if (k.expect !== 'ambiguous' && !(k.kind in floors)) fail(k.kind, 'scored in the corpus but has no floor');
  }
  return failures;
}

/**
 * A floors file's text with `$corpus` set to `corpus`, the rest kept as written: the record replaces
 * an earlier one, or goes after `$comment` (or first).
 */
export function recordCorpus(floorsText: string, corpus: CorpusRecord): string {
  const floors = JSON.parse(floorsText) as Floors;
  const entry = `"$corpus": { "manifestSha256": ${JSON.stringify(corpus.manifestSha256)} }`;
  let text: string;
  if (floors.$corpus !== undefined) text = floorsText.replace(/"\$corpus"\s*:\s*\{[^{}]*\}/, () => entry);
  else {
    const comment = /^(\s*)"\$comment"\s*:\s*"(?:[^"\\]|\\.)*",[ \t]*\n/m.exec(floorsText);
    text = comment
      ? floorsText.slice(0, comment.index + comment[0].length) + `${comment[1]}${entry},\n` + floorsText.slice(comment.index + comment[0].length)
      : floorsText.replace(/^\s*\{/, (open) => `${open}\n  ${entry},`);
  }
  // Written as before unless the edit went wrong: then as plain JSON.
  const want = { ...floors, $corpus: { manifestSha256: corpus.manifestSha256 } };
  try {
    if (sameJson(JSON.parse(text), want)) return text;
  } catch {
    // fall through
  }
  return JSON.stringify(want, null, 2) + '\n';
}

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
