// Dumps alignment features of every corpus page against its top candidates, for tuning the decision.
// Run: node --import tsx bench/features.ts ../shared/corpus > bench/out/features.jsonl
import { join } from 'node:path';
import { alignSentences } from '../src/core/align.ts';
import { weighSentence } from '../src/core/similarity.ts';
import { siteOf } from '../src/core/site.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { toLibraryArticle } from '../src/library/ingest.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = new LibraryIndex();
for (const d of docs.filter((x) => x.role === 'original')) {
  const r = extractFile(join(dir, d.file), d.url);
  if (r.ok) index.add(toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen: '2000-01-01T00:00:00Z', published: d.published }));
}
for (const d of docs.filter((x) => x.role === 'page')) {
  const r = extractFile(join(dir, d.file), d.url);
  if (!r.ok) {
    console.log(JSON.stringify({ id: d.id, kind: d.kind, error: r.reason }));
    continue;
  }
  const page = toPageToCheck(r.article, new Date().toISOString());
  const cands = index.candidates(page.fingerprint, 8, (a) => a.site === siteOf(page.url));
  const rank = cands.findIndex((c) => c.article.id === d.original);
  const rows = cands.map((c) => {
    const a = alignSentences(page.fingerprint, c.article.fingerprint, index.idf, { minSimilarity: 0.15, strongSimilarity: 0.6, chainGap: 2 });
    const P = page.fingerprint.sentences.map((s) => weighSentence(s, index.idf).mass);
    return {
      cand: c.article.id,
      right: c.article.id === (d.original ?? (d as { related?: string }).related),
      retr: Math.round(c.score),
      pairs: a.pairs.length,
      pc: +a.pageCoverage.toFixed(3),
      oc: +a.originalCoverage.toFixed(3),
      ord: +a.orderedCoverage.toFixed(3),
      chain: +a.chainedCoverage.toFixed(3),
      sims: a.pairs.map((p) => [p.page, p.original, +p.similarity.toFixed(3)]),
      mass: P.map((m) => +m.toFixed(1)),
      ms: +(a.pairs.reduce((s, p) => s + p.similarity, 0) / Math.max(1, a.pairs.length)).toFixed(3),
      novel: novelNames(page.fingerprint, c.article.fingerprint),
      ps: page.sentences.length,
      os: c.article.sentences.length,
    };
  });
  console.log(JSON.stringify({ id: d.id, kind: d.kind, rank, rows }));
}

/** Share of the page's names and numbers that the original never mentions. */
function novelNames(page: { sentences: { names: number[] }[] }, original: { terms: number[] }): number {
  const names = new Set(page.sentences.flatMap((s) => s.names));
  const known = new Set(original.terms);
  return names.size ? +([...names].filter((n) => !known.has(n)).length / names.size).toFixed(3) : 0;
}
