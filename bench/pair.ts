// Prints the sentence alignment of one corpus page against another corpus document and the rule margins (debugging aid).
// Run: node --import tsx bench/pair.ts <corpus> <pageId> <originalId>
import { join } from 'node:path';
import { alignSentences } from '../src/core/align.ts';
import { ruleMargins } from '../src/core/verdict.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { toLibraryArticle } from '../src/library/ingest.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';

const [dir = '../shared/corpus', pageId, origId, tau = '0.4'] = process.argv.slice(2);
const docs = readManifest(dir);
const index = new LibraryIndex();
for (const d of docs.filter((x) => x.role === 'original')) {
  const r = extractFile(join(dir, d.file), d.url);
  if (r.ok) index.add(toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen: '2000-01-01T00:00:00Z' }));
}
const pd = docs.find((d) => d.id === pageId)!;
const r = extractFile(join(dir, pd.file), pd.url);
if (!r.ok) throw new Error(r.reason);
const page = toPageToCheck(r.article, new Date().toISOString());
// Any corpus document can be the other side (a sibling page, an excerpt twin): added when not an original.
if (!index.get(origId!)) {
  const od = docs.find((d) => d.id === origId);
  if (!od) throw new Error(`no document ${origId}`);
  const o = extractFile(join(dir, od.file), od.url);
  if (!o.ok) throw new Error(o.reason);
  index.add(toLibraryArticle(o.article, { id: od.id, source: 'corpus', firstSeen: '2000-01-01T00:00:00Z' }));
}
const orig = index.get(origId!)!;
const a = alignSentences(page.fingerprint, orig.fingerprint, index.idf, { minSimilarity: Number(tau), strongSimilarity: 0.6, chainGap: 2 });
for (const p of a.pairs) {
  console.log(
    `${p.similarity.toFixed(2)} [${p.page}${p.pageLast !== undefined ? '-' + p.pageLast : ''}→${p.original}${p.originalLast !== undefined ? '-' + p.originalLast : ''}]\n  P: ${page.sentences[p.page]}\n  O: ${orig.sentences[p.original]}`,
  );
}
console.log(JSON.stringify({ ...a, pairs: a.pairs.length }));
console.log(JSON.stringify(ruleMargins(a)));
