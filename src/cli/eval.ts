import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toPageToCheck } from '../library/page.ts';
import { scoreOf, type Verdict } from '../core/verdict.ts';
import type { ExtractedArticle } from '../extract/types.ts';
import { checkPage, DEFAULT_MATCH, type MatchOptions } from '../library/match.ts';
import { readManifest, type CorpusDoc } from './corpus.ts';
import { corpusLibrary } from './corpus-library.ts';
import { extractFile } from './load.ts';

/** One line of the eval output, as the corpus README's protocol defines it. */
export interface EvalLine {
  id: string;
  verdict: 'uncredited-rewrite' | 'credited' | 'none';
  original: string | null;
  score: number;
  ms: number;
}

export interface KindStats {
  kind: string;
  expect: string;
  n: number;
  /** Positives: right verdict with the right original. Negatives: pages flagged as uncredited rewrites. */
  hits: number;
  rate: number;
  /** With lookup: pages whose expected original the lookup found, and their share. */
  lookupHits?: number;
  lookupRate?: number;
}

export interface EvalReport {
  lines: EvalLine[];
  kinds: KindStats[];
  buildMs: number;
  librarySize: number;
  checkMs: { p50: number; p95: number; max: number };
}

/** Runs the corpus protocol: library from every `original`, then a verdict for every `page`. */
export function runEval(corpusDir: string, options: MatchOptions = DEFAULT_MATCH): EvalReport {
  const docs = readManifest(corpusDir);
  const t0 = performance.now();
  const index = corpusLibrary(corpusDir, docs);
  const buildMs = performance.now() - t0;
  const now = new Date().toISOString();
  const lines: EvalLine[] = [];
  const read: ReadPage[] = [];
  for (const d of docs.filter((x) => x.role === 'page')) {
    const start = performance.now();
    const r = extractFile(join(corpusDir, d.file), d.url);
    if (!r.ok) {
      lines.push({ id: d.id, verdict: 'none', original: null, score: 0, ms: round(performance.now() - start) });
      continue;
    }
    read.push({ doc: d, article: r.article });
    const { verdict, matched } = checkPage(toPageToCheck(r.article, now), index, options);
    lines.push(evalLine(d.id, verdict, matched?.id, performance.now() - start));
  }
  const ms = lines.map((l) => l.ms).sort((a, b) => a - b);
  const short = shortPages(read, index, options, now);
  return {
    lines,
    kinds: [...summarize(docs, lines), ...summarize(short.docs, short.lines)],
    buildMs: Math.round(buildMs),
    librarySize: index.size,
    checkMs: { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms[ms.length - 1] ?? 0 },
  };
}

/** Kinds whose pages stay what they are when cut to their opening: whole rewrites and negatives. */
const SHORT_KINDS = new Set(['heavy', 'condensed', 'verbatim', 'spin', 'same-facts', 'same-event', 'unrelated']);
/** A short page, as readers meet them (briefs, short rewrites): 150 to 350 words. */
export const SHORT_PAGE = { minWords: 150, maxWords: 350 };

/**
 * Short pages derived from the corpus: each page of SHORT_KINDS cut to its opening paragraphs (at
 * most 350 words, at least 150), checked like any page; reported as kinds `short-<kind>`, never
 * written to the verdicts file (the corpus protocol knows only its own pages).
 */
function shortPages(read: ReadPage[], index: ReturnType<typeof corpusLibrary>, options: MatchOptions, now: string) {
  const shortDocs: CorpusDoc[] = [];
  const lines: EvalLine[] = [];
  for (const { doc: d, article } of read.filter((x) => SHORT_KINDS.has(x.doc.kind))) {
    const paragraphs = opening(article.paragraphs, SHORT_PAGE.maxWords);
    if (words(paragraphs) < SHORT_PAGE.minWords) continue;
    const start = performance.now();
    const { verdict, matched } = checkPage(toPageToCheck({ ...article, paragraphs }, now), index, options);
    const id = `${d.id}#short`;
    shortDocs.push({ ...d, id, kind: `short-${d.kind}` });
    lines.push(evalLine(id, verdict, matched?.id, performance.now() - start));
  }
  return { docs: shortDocs, lines };
}

/** A page of the corpus as extracted in the eval, kept for the derived short pages. */
interface ReadPage {
  doc: CorpusDoc;
  article: ExtractedArticle;
}

/** A verdict as the corpus protocol records it: only the three scored kinds, and the matched original's id. */
export function evalLine(id: string, verdict: Verdict, originalId: string | undefined, ms: number): EvalLine {
  const kind = verdict.kind === 'uncredited-rewrite' || verdict.kind === 'credited' ? verdict.kind : 'none';
  return { id, verdict: kind, original: kind === 'none' ? null : (originalId ?? null), score: round(scoreOf(verdict)), ms: round(ms) };
}

/** The first paragraphs of an article, as many as fit in `maxWords` (a long first one is cut at a sentence). */
export function opening(paragraphs: readonly string[], maxWords: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const p of paragraphs) {
    const w = p.split(/\s+/).filter(Boolean).length;
    if (n + w > maxWords) break;
    out.push(p);
    n += w;
  }
  return out;
}

const words = (paragraphs: readonly string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

export function summarize(docs: CorpusDoc[], lines: EvalLine[]): KindStats[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const groups = new Map<string, { expect: string; n: number; hits: number }>();
  for (const d of docs) {
    const l = byId.get(d.id);
    if (!l || !d.expect) continue;
    const g = groups.get(d.kind) ?? { expect: d.expect, n: 0, hits: 0 };
    g.n++;
    if (d.expect === 'none' || d.expect === 'ambiguous') g.hits += l.verdict === 'uncredited-rewrite' ? 1 : 0;
    else g.hits += l.verdict === d.expect && l.original === d.original ? 1 : 0;
    groups.set(d.kind, g);
  }
  return [...groups].map(([kind, g]) => ({ kind, ...g, rate: g.n ? round(g.hits / g.n, 4) : 0 }));
}

export function writeLines(path: string, lines: EvalLine[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** The per-kind table; after a lookup eval, a column of pages whose expected original the lookup found. */
export function formatReport(r: EvalReport): string {
  const more = r.kinds.some((k) => k.lookupHits !== undefined);
  const rows = r.kinds.map((k) => {
    const what = k.expect === 'none' || k.expect === 'ambiguous' ? 'flagged' : 'caught';
    const extra = more ? ` ${String(k.lookupHits ?? 0).padStart(6)} |` : '';
    return `| ${k.kind.padEnd(12)} | ${k.expect.padEnd(18)} | ${String(k.n).padStart(4)} | ${what.padEnd(7)} ${String(k.hits).padStart(4)} | ${k.rate.toFixed(4)} |${extra}`;
  });
  return [
    `| kind         | expect             |    n | result       | rate   |${more ? ' lookup |' : ''}`,
    `|--------------|--------------------|------|--------------|--------|${more ? '--------|' : ''}`,
    ...rows,
    '',
    `library: ${r.librarySize} articles built in ${r.buildMs} ms; page check (extract + match) p50 ${r.checkMs.p50} ms, p95 ${r.checkMs.p95} ms, max ${r.checkMs.max} ms`,
  ].join('\n');
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
