import { join } from 'node:path';
import { normalizeUrl } from '../core/site.ts';
import { toPageToCheck } from '../library/page.ts';
import { LibraryIndex } from '../library/library-index.ts';
import { checkWithLookup } from '../lookup/check-with-lookup.ts';
import type { LookupDeps } from '../lookup/lookup.ts';
import { readManifest } from './corpus.ts';
import { corpusLibrary } from './corpus-library.ts';
import { evalLine, summarize, type EvalLine, type EvalReport } from './eval.ts';
import { extractFile } from './load.ts';

export interface LookupEvalReport extends EvalReport {
  /** Per page: whether the lookup found (and verified) the page's expected original. */
  lookupFound: Record<string, boolean>;
  requests: number;
}

/**
 * The corpus protocol with lookup: each page is checked against the library (or, with
 * `emptyLibrary`, against nothing at all), and its original is looked up in the search index when
 * no known article explains it. Originals found are named by their corpus id (matched by URL).
 */
export async function runLookupEval(
  corpusDir: string,
  deps: Omit<LookupDeps, 'idf'>,
  options: { emptyLibrary: boolean; onPage?: (done: number, total: number) => void },
): Promise<LookupEvalReport> {
  const docs = readManifest(corpusDir);
  const idByUrl = new Map(docs.map((d) => [normalizeUrl(d.url), d.id]));
  const t0 = performance.now();
  const library = options.emptyLibrary ? undefined : corpusLibrary(corpusDir, docs);
  const buildMs = performance.now() - t0;
  const now = new Date().toISOString();
  const lines: EvalLine[] = [];
  const lookupFound: Record<string, boolean> = {};
  let requests = 0;
  const counting = { ...deps, get: (url: string) => (requests++, deps.get(url)) };
  const pages = docs.filter((d) => d.role === 'page');
  for (const [i, d] of pages.entries()) {
    const start = performance.now();
    const r = extractFile(join(corpusDir, d.file), d.url);
    let line: Omit<EvalLine, 'ms'> = { id: d.id, verdict: 'none', original: null, score: 0 };
    if (r.ok) {
      // Each page on its own: an empty library learns only what this page's lookup finds.
      const index = library ?? new LibraryIndex();
      const result = await checkWithLookup(toPageToCheck(r.article, now), index, counting);
      if (library) for (const f of result.lookup?.found ?? []) library.remove(f.id);
      const matchedId = result.matched ? (idByUrl.get(normalizeUrl(result.matched.url)) ?? result.matched.id) : undefined;
      line = evalLine(d.id, result.verdict, matchedId, 0);
      lookupFound[d.id] = !!d.original && !!result.lookup?.found.some((f) => idByUrl.get(normalizeUrl(f.url)) === d.original);
    }
    lines.push({ ...line, ms: Math.round((performance.now() - start) * 100) / 100 });
    options.onPage?.(i + 1, pages.length);
  }
  const ms = lines.map((l) => l.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  const kinds = summarize(docs, lines).map((k) => {
    const lookupHits = docs.filter((d) => d.kind === k.kind && lookupFound[d.id]).length;
    return { ...k, lookupHits, lookupRate: k.n ? Math.round((lookupHits / k.n) * 10_000) / 10_000 : 0 };
  });
  return {
    lines,
    kinds,
    buildMs: Math.round(buildMs),
    librarySize: library?.size ?? 0,
    checkMs: { p50: q(0.5), p95: q(0.95), max: ms[ms.length - 1] ?? 0 },
    lookupFound,
    requests,
  };
}
