// For every positive corpus page, which decision rule catches it against its true original and by
// how much: to see how close each kind sits to the thresholds (bench/README.md).
// Run: node --import tsx bench/margins.ts ../shared/corpus
import { join } from 'node:path';
import { alignSentences } from '../src/core/align.ts';
import { DEFAULT_THRESHOLDS as T } from '../src/core/verdict.ts';
import { LibraryIndex } from '../src/library/library-index.ts';
import { toLibraryArticle, toPageToCheck } from '../src/library/ingest.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = new LibraryIndex();
for (const d of docs.filter((x) => x.role === 'original')) {
  const r = extractFile(join(dir, d.file), d.url);
  if (r.ok) index.add(toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen: '2000-01-01T00:00:00Z' }));
}
const rows: string[] = [];
for (const d of docs.filter((x) => x.role === 'page' && (x.original || (x as { related?: string }).related))) {
  const orig = index.get(d.original ?? (d as { related?: string }).related!);
  const r = extractFile(join(dir, d.file), d.url);
  if (!orig || !r.ok) continue;
  const a = alignSentences(toPageToCheck(r.article, '').fingerprint, orig.fingerprint, index.idf);
  const ordered = a.pageCoverage ? a.orderedCoverage / a.pageCoverage : 0;
  const whole = a.chainedCoverage >= T.pageChained && a.chainedPairs >= T.pageMinPairs && a.novelNameShare <= T.maxNovelNames && ordered >= T.minOrderedShare;
  const part = a.strongChainedPairs >= T.strongPairsAnyWords || (a.strongChainedPairs >= T.strongPairs && a.strongOwnWordsInOrder >= T.strongOwnWords);
  rows.push(
    [d.kind.padEnd(12), d.id.slice(0, 12).padEnd(13), whole ? 'W' : '-', part ? 'P' : '-', `chain=${a.chainedCoverage.toFixed(2)}`, `novel=${a.novelNameShare.toFixed(2)}`, `ord=${ordered.toFixed(2)}`, `strong=${a.strongChainedPairs}`, `own=${a.strongOwnWordsInOrder}`].join(' '),
  );
}
console.log(rows.sort().join('\n'));
