import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractArticle } from '../extract/extract-article.ts';
import { toPageToCheck } from '../library/page.ts';
import { scoreOf } from '../core/verdict.ts';
import { LibraryIndex } from '../library/library-index.ts';
import { checkPage } from '../library/match.ts';
import { checkWithLookup, type CheckedWithLookup } from '../lookup/check-with-lookup.ts';
import { corpusLibrary } from './corpus-library.ts';
import { extractFile } from './load.ts';
import { httpGetter, LOOKUP_HELP, LOOKUP_OPTIONS, lookupDeps } from './lookup-options.ts';
import { parseHtmlDocument } from './node-dom.ts';
import { isHttpUrl } from '../core/url.ts';

const USAGE = 'check needs <page.html> --url URL, or an http(s) URL; --library <corpus folder> and/or --lookup';

export const CHECK_OPTIONS = { url: { type: 'string' }, library: { type: 'string' }, ...LOOKUP_OPTIONS } as const;

export const CHECK_USAGE = `unspun check <page.html> --url URL --library <corpus folder>
unspun check <URL or page.html> --lookup [--engine gdelt|rss] [--endpoint URL] [--min-interval S] [--via http://HOST:PORT]

The verdict for one page, with its evidence, as JSON: against the originals of a corpus, and/or
looking up the page's original in a news search index (then also the search's progress and each
candidate tried).

  --url URL           the page's address (needed for a file; a page given as a URL is read from there)
  --library <folder>  a corpus folder whose originals (manifest.jsonl) form the library

${LOOKUP_HELP}`;

/**
 * `unspun check <URL or page.html> [--url URL] [--library DIR] [--lookup [--engine gdelt|rss]
 * [--endpoint URL] [--min-interval S] [--via http://HOST:PORT]]`: the verdict for one page, with the
 * evidence and, with --lookup, the search's progress and the candidates tried.
 */
export async function runCheckCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: CHECK_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const target = positionals[0];
  if (!target || (!values.library && !values.lookup)) throw new Error(USAGE);
  const isUrl = isHttpUrl(target);
  const url = values.url ?? (isUrl ? target : undefined);
  if (!url) throw new Error(USAGE);
  let r;
  if (isUrl && !existsSync(target)) {
    const page = await httpGetter(values.via)(target);
    if (page.status < 200 || page.status >= 300 || page.text === undefined) throw new Error(`fetching ${target}: HTTP ${page.status}`);
    r = extractArticle(parseHtmlDocument(page.text), url, { force: false });
  } else r = extractFile(target, url, false);
  if (!r.ok) {
    process.stdout.write(JSON.stringify({ verdict: 'not-article', reason: r.reason }, null, 2) + '\n');
    return 0;
  }
  const index = values.library ? corpusLibrary(values.library) : new LibraryIndex();
  const page = toPageToCheck(r.article, new Date().toISOString());
  const result: CheckedWithLookup = values.lookup ? await checkWithLookup(page, index, lookupDeps(values)) : checkPage(page, index);
  const { verdict, matched } = result;
  const lookup = result.lookup?.progress;
  process.stdout.write(JSON.stringify({ ...verdict, score: scoreOf(verdict), verdict: verdict.kind, originalId: matched?.id ?? null, lookup }, null, 2) + '\n');
  return 0;
}
