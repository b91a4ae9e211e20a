import { join } from 'node:path';
import { readManifest } from '/work/main/src/cli/corpus.ts';
import { extractFile } from '/work/main/src/cli/load.ts';
import { toPageToCheck } from '/work/main/src/library/ingest.ts';
import { buildQueries, queryText } from '/work/main/src/lookup/query.ts';
import { lookupDeps } from '/work/main/src/cli/lookup-options.ts';
import { lookupOriginal } from '/work/main/src/lookup/lookup.ts';
import { LibraryIndex } from '/work/main/src/library/library-index.ts';
import { normalizeUrl } from '/work/main/src/core/site.ts';
const dir = '/work/shared/corpus';
const docs = readManifest(dir);
const byUrl = new Map(docs.map((d) => [normalizeUrl(d.url), d]));
for (const id of process.argv.slice(2)) {
  const d = docs.find((x) => x.id === id)!;
  const r = extractFile(join(dir, d.file), d.url);
  if (!r.ok) continue;
  const page = toPageToCheck(r.article, new Date().toISOString());
  console.log('==', id, d.kind, d.published, '|', page.title);
  for (const q of buildQueries(page)) console.log('  q:', queryText(q));
  const deps = lookupDeps({ via: 'http://127.0.0.1:8765', 'min-interval': '0' });
  const inner = deps.get;
  deps.get = async (u) => { const a = await inner(u); if (u.includes('/api/v2/')) { try { const j = JSON.parse(a.text!); console.log('  hits', (j.articles ?? []).length, (j.articles ?? []).slice(0, 12).map((x: any) => (byUrl.get(normalizeUrl(x.url))?.id ?? x.url)).join(' ')); } catch { console.log('  answer', a.text?.slice(0, 100)); } } return a; };
  const res = await lookupOriginal(page, { ...deps, idf: new LibraryIndex().idf });
  for (const c of res.progress.candidates) console.log('  cand', byUrl.get(normalizeUrl(c.url))?.id, c.result, c.seen);
  console.log('  found', res.found.map((f) => byUrl.get(normalizeUrl(f.url))?.id + (f.derivedFrom ? '(derived)' : '')).join(' '));
}
