// Traces lookups of corpus pages (tuning aid): queries, hits, ranking, candidates fetched and found.
// Run with the search server up: node e2e/news-search-server.mjs --port 8765
//   node --import tsx bench/lookup-trace.ts <page id>... [--via http://127.0.0.1:8765]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeUrl } from '../src/core/site.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { lookupDeps } from '../src/cli/lookup-options.ts';
import { toPageToCheck } from '../src/library/ingest.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { lookupOriginal } from '../src/lookup/lookup.ts';
import { buildQueries, queryText } from '../src/lookup/query.ts';

const { values, positionals } = parseArgs({ options: { via: { type: 'string' }, corpus: { type: 'string' } }, allowPositionals: true });
const dir = values.corpus ?? '../shared/corpus';
const docs = readManifest(dir);
const byUrl = new Map(docs.map((d) => [normalizeUrl(d.url), d]));
const name = (url: string) => {
  const d = byUrl.get(normalizeUrl(url));
  return d ? `${d.id} (${d.kind})` : url;
};
for (const id of positionals) {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`no corpus document ${id}`);
  const r = extractFile(join(dir, d.file), d.url);
  if (!r.ok) continue;
  const page = toPageToCheck(r.article, new Date().toISOString());
  console.log(`== ${id} (${d.kind}, ${d.published}): ${page.title}`);
  for (const q of buildQueries(page)) console.log(`  query: ${queryText(q)}`);
  const deps = lookupDeps({ via: values.via ?? 'http://127.0.0.1:8765', 'min-interval': '0' });
  const res = await lookupOriginal(page, { ...deps, idf: new LibraryIndex().idf });
  for (const c of res.progress.candidates) console.log(`  fetched ${c.result?.padEnd(10)} ${c.seen?.slice(0, 16)} ${name(c.url)}`);
  console.log(`  found: ${res.found.map((f) => name(f.url) + (f.derivedFrom ? ' [later copy]' : '')).join(', ') || 'nothing'}`);
  console.log(`  ${res.progress.outcome}: ${res.progress.message}`);
}
