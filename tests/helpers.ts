import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintText } from '../src/core/fingerprint.ts';
import { siteOf } from '../src/core/site.ts';
import type { LibraryArticle } from '../src/library/article.ts';
import type { PageToCheck } from '../src/library/match.ts';
import { LibraryIndex } from '../src/library/library-index.ts';

/** ../shared beside the repo (tests may read it; nothing from it is copied into the repo). */
export const SHARED = process.env.UNSPUN_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');

export function seedText(name: 'original-cnbc' | 'rewrite-content-farm'): string {
  return readFileSync(join(SHARED, 'seed', `${name}.txt`), 'utf8');
}

/** The farm rewrite's article: the seed text without the farm's menus and related posts. */
export function seedRewriteBody(): string {
  const t = seedText('rewrite-content-farm');
  const end = t.indexOf('Related Posts');
  return t.slice(t.indexOf('Russia rushed Wednesday'), end > 0 ? end : undefined);
}

export function libraryArticle(id: string, url: string, body: string, extra: Partial<LibraryArticle> = {}): LibraryArticle {
  const { sentences, fingerprint } = fingerprintText(body);
  return { id, url, site: siteOf(url), title: id, firstSeen: '2025-01-01T00:00:00Z', source: 'read', sentences, fingerprint, ...extra };
}

export function pageToCheck(url: string, body: string, extra: Partial<PageToCheck> = {}): PageToCheck {
  const { sentences, fingerprint } = fingerprintText(body);
  const paragraphs = body.split(/\n+/);
  return {
    url,
    title: 'page',
    firstSeen: '2025-06-01T00:00:00Z',
    sentences,
    fingerprint,
    credit: { declaredSources: [], links: [], paragraphs },
    ...extra,
  };
}

interface CorpusDoc {
  id: string;
  url: string;
  /** The page or article as served, under corpus/. */
  file: string;
  kind: string;
  published?: string;
  title: string;
  body: string;
}

let corpusDocs: Map<string, CorpusDoc> | undefined;

/** One document of ../shared/corpus (manifest fields and clean text), for tests derived from its texts. */
export function corpusDoc(id: string): CorpusDoc {
  if (!corpusDocs) {
    const dir = join(SHARED, 'corpus');
    const lines = (f: string) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const texts = new Map(lines('texts.jsonl').map((t: { id: string; title: string; body: string }) => [t.id, t]));
    corpusDocs = new Map(lines('manifest.jsonl').map((m: CorpusDoc) => [m.id, { ...m, ...texts.get(m.id)! }]));
  }
  const doc = corpusDocs.get(id);
  if (!doc) throw new Error(`no corpus document ${id}`);
  return doc;
}

/** Ids of the corpus documents of a kind, in manifest order. */
export function corpusIds(kind: string): string[] {
  corpusDoc('seed-original'); // reads the corpus
  return [...corpusDocs!.values()].filter((d) => d.kind === kind).map((d) => d.id);
}

/** A library of these corpus documents (their ground-truth bodies). */
export function corpusLibraryOf(...ids: string[]): LibraryIndex {
  const index = new LibraryIndex();
  for (const id of ids) {
    const d = corpusDoc(id);
    index.add(libraryArticle(id, d.url, d.body, { published: d.published }));
  }
  return index;
}
