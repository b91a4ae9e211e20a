import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LibraryIndex } from '../library/library-index.ts';
import { toLibraryArticle, toPageToCheck } from '../library/ingest.ts';
import { checkPage } from '../library/match.ts';
import { readManifest } from './corpus.ts';
import { extractFile } from './load.ts';

export function runCheckCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { url: { type: 'string' }, library: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || !values.url || !values.library) throw new Error('check needs <page.html> --url URL --library <corpus folder>');
  const index = new LibraryIndex();
  const base = Date.parse('2000-01-01T00:00:00Z');
  readManifest(values.library)
    .filter((d) => d.role === 'original')
    .forEach((d, i) => {
      const r = extractFile(join(values.library!, d.file), d.url);
      if (r.ok) index.add(toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen: new Date(base + i * 1000).toISOString(), published: d.published }));
    });
  const r = extractFile(file, values.url, false);
  if (!r.ok) {
    process.stdout.write(JSON.stringify({ verdict: 'not-article', reason: r.reason }, null, 2) + '\n');
    return 0;
  }
  const { verdict, matched } = checkPage(toPageToCheck(r.article, new Date().toISOString()), index);
  process.stdout.write(JSON.stringify({ verdict: verdict.kind, original: matched?.id ?? null, ...verdict }, null, 2) + '\n');
  return 0;
}
