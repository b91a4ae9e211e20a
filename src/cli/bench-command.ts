import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FINGERPRINT_VERSION, type SentenceFingerprint } from '../core/fingerprint.ts';
import { minhash } from '../core/minhash.ts';
import type { LibraryArticle } from '../library/article.ts';
import { toPageToCheck } from '../library/page.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { checkPage } from '../library/match.ts';
import { readManifest } from './corpus.ts';
import { corpusLibrary } from './corpus-library.ts';
import { extractFile } from './load.ts';

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
      return { r, extractMs: performance.now() - start };
    })
    .filter((p) => p.r.ok)
    .map((p) => ({ article: (p.r as { ok: true; article: import('../extract/extract-article.ts').ExtractedArticle }).article, extractMs: p.extractMs }));
  const report: Record<string, unknown> = {
    library: index.size,
    buildMs: Math.round(buildMs),
    extract: stats(pages.map((p) => p.extractMs)),
    ...checkTimes(pages, index),
  };
  const scale = Number(values.scale ?? 0);
  if (scale > index.size) {
    t = performance.now();
    grow(index, scale);
    report['scaled'] = {
      library: index.size,
      growMs: Math.round(performance.now() - t),
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
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

function checkTimes(pages: { article: import('../extract/extract-article.ts').ExtractedArticle }[], index: LibraryIndex) {
  const all: number[] = [];
  const around1000: number[] = [];
  for (const { article } of pages) {
    const start = performance.now();
    checkPage(toPageToCheck(article, new Date().toISOString()), index);
    const ms = performance.now() - start;
    all.push(ms);
    const words = article.paragraphs.join(' ').split(/\s+/).length;
    if (words >= 700 && words <= 1300) around1000.push(ms);
  }
  return { check: stats(all), check1000Words: stats(around1000) };
}

/** Grows the library with synthetic articles made of random corpus sentences (deterministic). */
function grow(index: LibraryIndex, target: number): void {
  const pool: SentenceFingerprint[] = [];
  for (const a of index.all()) pool.push(...a.fingerprint.sentences);
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
      fingerprint: { version: FINGERPRINT_VERSION, sentences, terms, minhash: minhash(terms) },
    };
    index.add(article);
  }
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: q(1) };
}
