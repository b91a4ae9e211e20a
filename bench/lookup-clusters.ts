// The derivation matrix of each page and the sources its lookup found (tuning aid): row derives from
// column when the best rule margin is ≥ 1. Shows whether a page flagged in lookup mode follows its
// original, a rewrite of it, or a sibling written from the same fact sheet (bench/README.md).
// Run with the search server up (node e2e/news-search-server.mjs --port 8765):
//   node --import tsx bench/lookup-clusters.ts <kind>... [--via http://127.0.0.1:8765]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { alignSentences } from '../src/core/align.ts';
import type { Fingerprint } from '../src/core/fingerprint.ts';
import { normalizeUrl } from '../src/core/site.ts';
import { ruleMargins } from '../src/core/verdict.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { lookupDeps } from '../src/cli/lookup-options.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { lookupOriginal } from '../src/lookup/lookup.ts';

const { values, positionals: kinds } = parseArgs({ options: { via: { type: 'string' }, corpus: { type: 'string' } }, allowPositionals: true });
const dir = values.corpus ?? '../shared/corpus';
const docs = readManifest(dir);
const byUrl = new Map(docs.map((d) => [normalizeUrl(d.url), d]));
const deps = lookupDeps({ via: values.via ?? 'http://127.0.0.1:8765', 'min-interval': '0' });
// The weights a fresh install verifies candidates with: an empty library's.
const idf = new LibraryIndex().idf;
const margin = (a: Fingerprint, b: Fingerprint) => Math.max(...Object.values(ruleMargins(alignSentences(a, b, idf))));
const label = (id: string) => (docs.find((d) => d.id === id)?.role === 'original' ? `${id.slice(0, 10)} (original)` : id);

for (const d of docs.filter((x) => kinds.includes(x.kind))) {
  const r = extractFile(join(dir, d.file), d.url);
  if (!r.ok) continue;
  const page = toPageToCheck(r.article, new Date().toISOString());
  const found = (await lookupOriginal(page, { ...deps, idf })).found.filter((f) => !f.derivedFrom);
  if (!found.length) continue;
  const nodes = [
    { id: d.id, fingerprint: page.fingerprint },
    ...found.map((f) => ({ id: byUrl.get(normalizeUrl(f.url))?.id ?? f.url, fingerprint: f.fingerprint })),
  ];
  console.log(`${d.kind} ${d.id}`);
  for (const x of nodes)
    console.log(`  ${label(x.id).padEnd(30)}${nodes.map((y) => (x === y ? '    -' : margin(x.fingerprint, y.fingerprint).toFixed(2).padStart(5))).join(' ')}`);
}
