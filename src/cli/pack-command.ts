import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LibraryArticle } from '../library/article.ts';
import { toLibraryArticle } from '../library/ingest.ts';
import { exportPack, importPack } from '../library/pack.ts';
import { readManifest } from './corpus.ts';
import { extractFile } from './load.ts';

/**
 * `unspun pack build --corpus <folder> --out <file>`: a library pack of every `role: original`
 * document of a corpus. `unspun pack check <file>`: validates a pack and prints its header and counts.
 */
export const PACK_BUILD_OPTIONS = { corpus: { type: 'string' }, out: { type: 'string' } } as const;

export const PACK_USAGE = `unspun pack build --corpus <folder> --out <pack.jsonl>
unspun pack check <pack.jsonl>

Library packs (docs/pack-format.md). build: a pack of every original of a corpus. check: validates a
pack and prints its header and counts (exit 1 when it cannot be imported).

  --corpus <folder>   (build) the corpus whose originals go into the pack
  --out <pack.jsonl>  (build) the pack file to write
`;

export function runPackCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub === 'build') return buildPack(rest);
  if (sub === 'check') return checkPack(rest);
  throw new Error('pack needs a subcommand: build --corpus <folder> --out <file>, or check <file>');
}

function buildPack(args: string[]): number {
  const { values } = parseArgs({ args, options: PACK_BUILD_OPTIONS, strict: true });
  if (!values.corpus || !values.out) throw new Error('pack build needs --corpus <folder> --out <file>');
  const corpus = values.corpus;
  const now = new Date();
  const articles: LibraryArticle[] = [];
  const failed: string[] = [];
  for (const d of readManifest(corpus).filter((x) => x.role === 'original')) {
    const r = extractFile(join(corpus, d.file), d.url);
    if (!r.ok) {
      failed.push(`${d.id}: ${r.reason}`);
      continue;
    }
    const a = toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen: now.toISOString(), published: d.published });
    if (a.sentences.length) articles.push(a);
    else failed.push(`${d.id}: no sentences`);
  }
  const text = exportPack(articles, now, { description: `built by unspun pack build from ${articles.length} originals of a corpus` });
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, text);
  const bytes = Buffer.byteLength(text);
  for (const f of failed) process.stderr.write(`skipped ${f}\n`);
  process.stdout.write(
    `wrote ${values.out}: ${articles.length} articles, ${bytes} bytes, ${articles.length ? Math.round(bytes / articles.length) : 0} bytes per article` +
      (failed.length ? `; ${failed.length} originals not extracted` : '') +
      '\n',
  );
  return 0;
}

function checkPack(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file) throw new Error('pack check needs <file>');
  const text = readFileSync(file, 'utf8');
  const r = importPack(text);
  const bytes = Buffer.byteLength(text);
  const out = {
    header: r.header ?? null,
    bytes,
    valid: r.articles.length,
    skipped: r.skipped.length,
    bytesPerArticle: r.articles.length ? Math.round(bytes / r.articles.length) : null,
    sentences: r.articles.reduce((n, a) => n + a.sentences.length, 0),
    ...(r.warning ? { warning: r.warning } : {}),
    ...(r.error ? { error: r.error } : {}),
    skippedLines: r.skipped.slice(0, 20),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return r.error ? 1 : 0;
}
