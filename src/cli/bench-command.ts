import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FINGERPRINT_VERSION, type SentenceFingerprint } from '../core/fingerprint.ts';
import type { LibraryArticle } from '../library/article.ts';
import { toPageToCheck } from '../library/page.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { checkPage } from '../library/match.ts';
import { RetrievalIndex } from '../library/retrieval-index.ts';
import { readManifest } from './corpus.ts';
import { corpusLibrary } from './corpus-library.ts';
import { extractFile } from './load.ts';
import type { ExtractedArticle } from '../extract/types.ts';

interface SpeedFloors {
  /** Most median ms for checking a page of about 1,000 words (fingerprint + match, no DOM). */
  check1000WordsP50Ms?: number;
}

/**
 * `unspun bench --corpus DIR [--scale N] [--floors FILE]`: speed of the library build and of page
 * checks (extraction and fingerprint + match timed apart), optionally with the library grown to N
 * articles by recombining corpus sentences, to see how checks scale.
 */
export const BENCH_OPTIONS = { corpus: { type: 'string' }, scale: { type: 'string' }, floors: { type: 'string' } } as const;

export const BENCH_USAGE = `unspun bench --corpus <folder> [--scale N] [--floors speed-floors.json]

Speed: the time to build the corpus library, and per page the extraction and the check (fingerprint
and match) apart, as JSON.

  --corpus <folder>   the corpus
  --scale N           also grow the library to N articles (recombined corpus sentences) and time the checks again
  --floors <file>     exit 1 when the median check of a page of about 1,000 words takes longer than its floor
`;

export function runBenchCommand(args: string[]): number {
  const { values } = parseArgs({ args, options: BENCH_OPTIONS, strict: true });
  if (!values.corpus) throw new Error('bench needs --corpus <folder>');
  const dir = values.corpus;
  const docs = readManifest(dir);
  let t = performance.now();
  const index = corpusLibrary(dir, docs);
  const buildMs = performance.now() - t;
  const pages = docs
    .filter((d) => d.role === 'page')
    .map((d) => {
      const start = performance.now();
      const r = extractFile(join(dir, d.file), d.url);
      return { r, extractMs: performance.now() - start, d };
    })
    .filter((p) => p.r.ok)
    .map((p) => ({
      article: (p.r as { ok: true; article: ExtractedArticle }).article,
      extractMs: p.extractMs,
      // A rewrite whose original the check must still name in a large library.
      expected: p.d.expect === 'uncredited-rewrite' && REWRITE_KINDS.has(p.d.kind) ? (p.d.original ?? undefined) : undefined,
    }));
  const report: Record<string, unknown> = {
    library: index.size,
    buildMs: Math.round(buildMs),
    extract: stats(pages.map((p) => p.extractMs)),
    ...checkTimes(pages, index),
  };
  const scale = Number(values.scale ?? 0);
  if (scale > index.size) {
    t = performance.now();
    // Sentences of the distractor articles only: a synthetic article must not carry a test original's
    // own sentences, or it would be a copy of that original, which no real library is full of.
    const tested = new Set(docs.flatMap((d) => [d.original, (d as { related?: string }).related]).filter((x): x is string => !!x));
    grow(index, scale, (a) => !tested.has(a.id));
    const growMs = Math.round(performance.now() - t);
    report['scaled'] = {
      library: index.size,
      growMs,
      heapMb: Math.round(heapUsed() / 2 ** 20),
      retrieval: retrievalFigures(index),
      ...checkTimes(pages, index),
    };
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (!values.floors) return 0;
  const floors = JSON.parse(readFileSync(values.floors, 'utf8')) as SpeedFloors;
  const p50 = (report['check1000Words'] as { p50: number }).p50;
  if (floors.check1000WordsP50Ms !== undefined && p50 > floors.check1000WordsP50Ms) {
    process.stdout.write(`SPEED FLOOR FAILED: 1,000-word check p50 ${p50} ms > ${floors.check1000WordsP50Ms} ms\n`);
    return 1;
  }
  process.stdout.write('speed floors: all met\n');
  return 0;
}

/** Rewrites of one article (not fact-sheet retellings), whose original a check names on the corpus. */
const REWRITE_KINDS = new Set(['heavy', 'condensed', 'verbatim', 'spin', 'partial', 'excerpt']);

function checkTimes(pages: { article: ExtractedArticle; expected?: string }[], index: LibraryIndex) {
  const all: number[] = [];
  const around1000: number[] = [];
  let rewrites = 0;
  let named = 0;
  for (const { article, expected } of pages) {
    const start = performance.now();
    const { verdict } = checkPage(toPageToCheck(article, new Date().toISOString()), index);
    const ms = performance.now() - start;
    if (expected) {
      rewrites++;
      if (verdict.kind === 'uncredited-rewrite' && verdict.original.id === expected) named++;
    }
    all.push(ms);
    const words = article.paragraphs.join(' ').split(/\s+/).length;
    if (words >= 700 && words <= 1300) around1000.push(ms);
  }
  return { check: stats(all), check1000Words: stats(around1000), rewritesNamed: { n: rewrites, named, rate: Math.round((named / rewrites) * 1e4) / 1e4 } };
}

/**
 * What the extension's background holds for the library: the retrieval index alone (fingerprints and
 * text stay in IndexedDB), its heap, the size of its stored snapshot, and the time to read it back.
 */
function retrievalFigures(index: LibraryIndex) {
  const before = heapUsed();
  let t = performance.now();
  const retrieval = new RetrievalIndex();
  for (const a of index.all()) retrieval.add(a);
  const snapshot = retrieval.snapshot();
  const buildMs = performance.now() - t;
  const heapMb = (heapUsed() - before) / 2 ** 20;
  const typed = [snapshot.dfTerms, snapshot.dfCounts, snapshot.postTerms, snapshot.postStart, snapshot.postDocs].reduce((n, a) => n + a.byteLength, 0);
  const snapshotMb = (typed + JSON.stringify(snapshot.keys).length) / 2 ** 20;
  t = performance.now();
  const copy = structuredClone(snapshot); // as IndexedDB reads it back
  const loaded = RetrievalIndex.fromSnapshot(copy);
  const loadMs = performance.now() - t;
  if (loaded?.size !== retrieval.size) throw new Error('the snapshot did not load');
  return {
    heapMb: Math.round(heapMb),
    bytesPerArticle: Math.round((heapMb * 2 ** 20) / retrieval.size),
    buildMs: Math.round(buildMs),
    snapshotMb: Math.round(snapshotMb),
    loadMs: Math.round(loadMs),
  };
}

/** Heap in use after a full collection (when Node exposes one), so growth is measured, not garbage. */
function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** Grows the library with synthetic articles made of random sentences of usable corpus articles (deterministic). */
function grow(index: LibraryIndex, target: number, usable: (a: LibraryArticle) => boolean): void {
  const pool: SentenceFingerprint[] = [];
  for (const a of index.all()) if (usable(a)) pool.push(...a.fingerprint.sentences);
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = index.size; i < target; i++) {
    const sentences = Array.from({ length: 15 + Math.floor(rand() * 30) }, () => pool[Math.floor(rand() * pool.length)]!);
    const terms = [...new Set(sentences.flatMap((s) => s.terms))].sort((a, b) => a - b);
    const article: LibraryArticle = {
      id: `synthetic-${i}`,
      url: `https://synthetic-${i % 997}.example/${i}`,
      site: `synthetic-${i % 997}.example`,
      title: `synthetic ${i}`,
      firstSeen: '2000-01-01T00:00:00Z',
      source: 'pack',
      sentences: sentences.map(() => ''),
      // No MinHash signature: retrieval no longer reads it, and computing it dominated the growth.
      fingerprint: { version: FINGERPRINT_VERSION, sentences, terms, minhash: [] },
    };
    index.add(article);
  }
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: q(1) };
}
