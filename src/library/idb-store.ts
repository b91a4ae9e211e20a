import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { LibraryArticle } from './article.ts';
import type { RetrievalSnapshot } from './retrieval-index.ts';
import { isPacked, packFingerprint, unpackFingerprint, type PackedFingerprint } from './stored-fingerprint.ts';

/** An article as stored: its fingerprint packed (`packFingerprint`); records stored before hold it as lists. */
type StoredArticle = Omit<LibraryArticle, 'fingerprint'> & { fingerprint: PackedFingerprint | LibraryArticle['fingerprint'] };

/** An article's record without its text and fingerprint. */
export type ArticleMeta = Omit<LibraryArticle, 'sentences' | 'fingerprint'>;

export const toStored = (a: LibraryArticle): StoredArticle => ({ ...a, fingerprint: packFingerprint(a.fingerprint) });

/**
 * The article a record holds. A packed fingerprint that does not add up comes back as version 0, so
 * the library recomputes it from the sentences (`LibraryService`), as it does an older version's.
 */
function fromStored(r: StoredArticle): LibraryArticle {
  if (!isPacked(r.fingerprint)) return r as LibraryArticle;
  return { ...r, fingerprint: unpackFingerprint(r.fingerprint) ?? { version: 0, sentences: [], terms: [], minhash: [] } };
}
const fromMaybe = (r: StoredArticle | undefined) => (r ? fromStored(r) : undefined);

const DB_NAME = 'unspun';
/** Schema version of the IndexedDB database (not of fingerprints: those carry their own). */
export const DB_VERSION = 2;

interface UnspunDb extends DBSchema {
  articles: { key: string; value: StoredArticle; indexes: { byUrl: string; bySource: string } };
  /**
   * The retrieval index as last saved (key `retrieval`), so a restarted worker does not rebuild it,
   * and the articles' generation (key `generation`): a count of writes, raised in the same transaction
   * as each, so a snapshot saved at generation g is known to hold every write up to g.
   */
  indexes: { key: string; value: StoredRetrieval | number };
}

/** The retrieval index as stored, with the ids of stored articles it leaves out on purpose. */
export interface StoredRetrieval {
  snapshot: RetrievalSnapshot;
  /** The articles' generation the snapshot holds every write of (see `IdbArticleStore.generation`). */
  generation?: number;
  /** Articles found to derive from another: stored, never candidates. */
  skipped: string[];
}

/** The library's persistent store in IndexedDB (background, popup and options pages). */
export class IdbArticleStore {
  private db: Promise<IDBPDatabase<UnspunDb>> | null = null;

  private open(): Promise<IDBPDatabase<UnspunDb>> {
    this.db ??= openDB<UnspunDb>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const store = db.createObjectStore('articles', { keyPath: 'id' });
          store.createIndex('byUrl', 'url');
          store.createIndex('bySource', 'source');
        }
        if (oldVersion < 2) db.createObjectStore('indexes');
      },
    });
    return this.db;
  }

  /** Stores an article; returns the articles' generation after this write. */
  async put(article: LibraryArticle): Promise<number> {
    return this.write((store) => [store.put(toStored(article))]);
  }

  /** Stores several articles in one transaction: all of them, or none. */
  async putMany(articles: LibraryArticle[]): Promise<number> {
    return this.write((store) => articles.map((a) => store.put(toStored(a))));
  }

  /** A write of the articles, with the generation raised in the same transaction (all or nothing). */
  private async write(requests: (store: IDBPObjectStore<UnspunDb, ['articles', 'indexes'], 'articles', 'readwrite'>) => Promise<unknown>[]): Promise<number> {
    const tx = (await this.open()).transaction(['articles', 'indexes'], 'readwrite');
    const meta = tx.objectStore('indexes');
    let next = 0;
    const raise = meta.get('generation').then((g) => meta.put((next = (typeof g === 'number' ? g : 0) + 1), 'generation'));
    await Promise.all([...requests(tx.objectStore('articles')), raise, tx.done]);
    return next;
  }

  /** How many writes the articles have had (0 for none); see `StoredRetrieval.generation`. */
  async generation(): Promise<number> {
    const g = await (await this.open()).get('indexes', 'generation');
    return typeof g === 'number' ? g : 0;
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    return fromMaybe(await (await this.open()).get('articles', id));
  }

  async countBySource(source: LibraryArticle['source']): Promise<number> {
    return (await this.open()).countFromIndex('articles', 'bySource', source);
  }

  async count(): Promise<number> {
    return (await this.open()).count('articles');
  }

  /** Every stored article, as stored (see `LibraryService` for fingerprints of older versions). */
  async all(): Promise<LibraryArticle[]> {
    return (await (await this.open()).getAll('articles')).map(fromStored);
  }

  /** Several articles in one read transaction (undefined for an id not stored). */
  async getMany(ids: readonly string[]): Promise<(LibraryArticle | undefined)[]> {
    const tx = (await this.open()).transaction('articles');
    const out = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return out.map(fromMaybe);
  }

  /** The ids of every stored article (no article is read). */
  async ids(): Promise<string[]> {
    return (await this.open()).getAllKeys('articles');
  }

  /**
   * Calls `visit` with every stored article, one at a time (a large library is never read whole), and
   * whether its record is in the current stored shape (else it is worth storing again).
   */
  async each(visit: (a: LibraryArticle, current: boolean) => void): Promise<void> {
    await this.records(500, (r) => visit(fromStored(r), isPacked(r.fingerprint)));
  }

  /**
   * Calls `visit` with every stored article's record without its text and fingerprint (nothing is
   * unpacked), a batch at a time: what housekeeping needs to choose what goes.
   */
  async scan(visit: (a: ArticleMeta) => void): Promise<void> {
    await this.records(1000, ({ sentences: _s, fingerprint: _f, ...meta }) => visit(meta));
  }

  /** Every stored record in id order, read `batch` at a time. */
  private async records(batch: number, visit: (r: StoredArticle) => void): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const db = await this.open();
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const got = await db.getAll('articles', range, batch);
      for (const r of got) visit(r);
      if (got.length < batch) return;
      after = got[got.length - 1]!.id;
    }
  }

  async getRetrieval(): Promise<StoredRetrieval | undefined> {
    const r = await (await this.open()).get('indexes', 'retrieval');
    return typeof r === 'object' ? r : undefined;
  }

  async putRetrieval(value: StoredRetrieval): Promise<void> {
    await (await this.open()).put('indexes', value, 'retrieval');
  }

  async delete(id: string): Promise<number> {
    return this.write((store) => [store.delete(id)]);
  }

  async clear(): Promise<number> {
    const db = await this.open();
    await db.delete('indexes', 'retrieval');
    return this.write((store) => [store.clear()]);
  }
}
