// Traces lookups of corpus pages (tuning aid): queries, hits, ranking, candidates fetched and found.
// Run with the search server up: node e2e/news-search-server.mjs --port 8765
//   node --import tsx bench/lookup-trace.ts <page id>... [--via http://127.0.0.1:8765]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeUrl } from '../src/core/site.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { lookupDeps } from '../src/cli/lookup-options.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { DEFAULT_LOOKUP, lookupOriginal } from '../src/lookup/lookup.ts';
import { rankCandidates } from '../src/lookup/rank.ts';
import { buildQueries, queryText } from '../src/lookup/query.ts';

const { values, positionals } = parseArgs({
  options: { via: { type: 'string' }, corpus: { type: 'string' }, ranked: { type: 'boolean' } },
  allowPositionals: true,
});
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
  if (values.ranked) {
    // The shortlist as the lookup ranks it (same queries and window as lookupOriginal's defaults).
    const t = Date.parse(page.published ?? page.firstSeen);
    const range = { from: new Date(t - DEFAULT_LOOKUP.windowDays * 86_400_000), to: new Date(t + 7 * 86_400_000) };
    const hits = [];
    for (const q of buildQueries(page))
      hits.push(deps.engine.parse(await deps.get(deps.engine.requestUrl(q, range, deps.engine.defaultEndpoint, DEFAULT_LOOKUP.maxRecords)), ''));
    const ranked = rankCandidates(hits, { pageUrl: page.url, pageTitle: page.title, latest: range.to.getTime(), queriesRun: hits.length });
    for (const c of ranked.slice(0, 10))
      console.log(`  ranked ${c.score.toFixed(2)} q${c.queries} t${c.titleSimilarity.toFixed(2)} ${c.seen?.slice(0, 16)} ${name(c.url)}`);
  }
  const res = await lookupOriginal(page, { ...deps, idf: new LibraryIndex().idf });
  for (const c of res.progress.candidates) console.log(`  fetched ${c.result?.padEnd(10)} ${c.seen?.slice(0, 16)} ${name(c.url)}`);
  console.log(`  found: ${res.found.map((f) => name(f.url) + (f.derivedFrom ? ' [later copy]' : '')).join(', ') || 'nothing'}`);
  console.log(`  ${res.progress.outcome}: ${res.progress.message}`);
}
