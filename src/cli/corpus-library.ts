import { join } from 'node:path';
import { toLibraryArticle } from '../library/ingest.ts';
import { LibraryIndex } from '../library/library-index.ts';
import { readManifest, type CorpusDoc } from './corpus.ts';
import { extractFile } from './load.ts';

/**
 * The library the corpus protocol starts from: every `role: original` document, extracted and
 * fingerprinted, first seen one second apart in manifest order (long before any page is checked).
 */
export function corpusLibrary(corpusDir: string, docs: CorpusDoc[] = readManifest(corpusDir)): LibraryIndex {
  const index = new LibraryIndex();
  const base = Date.parse('2000-01-01T00:00:00Z');
  docs
    .filter((d) => d.role === 'original')
    .forEach((d, i) => {
      const r = extractFile(join(corpusDir, d.file), d.url);
      if (!r.ok) return;
      const firstSeen = new Date(base + i * 1000).toISOString();
      index.add(toLibraryArticle(r.article, { id: d.id, source: 'corpus', firstSeen, published: d.published }));
    });
  return index;
}
