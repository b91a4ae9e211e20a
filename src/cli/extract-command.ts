import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extractFile } from './load.ts';

export const EXTRACT_OPTIONS = { url: { type: 'string' }, batch: { type: 'string' }, out: { type: 'string' } } as const;

export const EXTRACT_USAGE = `unspun extract <page.html> [--url URL]
unspun extract --batch <folder> --out <file.json>

The article Unspun reads from a page (text and metadata), as JSON; a page may be gzipped (.html.gz).

  --url URL           the address the page was served at (default: the file's file:// URL)
  --batch <folder>    extract every *.html and *.html.gz page of a folder
  --out <file.json>   where --batch writes the articles, by file name
`;

export function runExtractCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: EXTRACT_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.batch) {
    if (!values.out) throw new Error('extract --batch needs --out <file.json>');
    const result: Record<string, unknown> = {};
    const files = readdirSync(values.batch)
      .filter((f) => /\.html(\.gz)?$/.test(f))
      .sort();
    for (const f of files) {
      const r = extractFile(join(values.batch, f), pathToFileURL(join(values.batch, f)).href);
      const id = f.replace(/\.html(\.gz)?$/, '');
      result[id] = r.ok ? { ...r.article, articleBody: r.article.paragraphs.join('\n\n') } : { error: r.reason, articleBody: '' };
    }
    writeFileSync(values.out, JSON.stringify(result, null, 1));
    process.stdout.write(`extracted ${files.length} pages into ${values.out}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new Error('extract needs <page.html>');
  const r = extractFile(file, values.url ?? pathToFileURL(file).href);
  if (!r.ok) {
    process.stderr.write(`unspun: ${basename(file)}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}\n`);
    return 1;
  }
  process.stdout.write(JSON.stringify({ ...r.article, articleBody: r.article.paragraphs.join('\n\n') }, null, 2) + '\n');
  return 0;
}
