import { parseArgs } from 'node:util';
import { toPageToCheck } from '../library/ingest.ts';
import { checkPage } from '../library/match.ts';
import { corpusLibrary } from './corpus-library.ts';
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
  const index = corpusLibrary(values.library);
  const r = extractFile(file, values.url, false);
  if (!r.ok) {
    process.stdout.write(JSON.stringify({ verdict: 'not-article', reason: r.reason }, null, 2) + '\n');
    return 0;
  }
  const { verdict, matched } = checkPage(toPageToCheck(r.article, new Date().toISOString()), index);
  process.stdout.write(JSON.stringify({ verdict: verdict.kind, original: matched?.id ?? null, ...verdict }, null, 2) + '\n');
  return 0;
}
