import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LibraryArticle } from './article.ts';

const DB_NAME = 'unspun';
/** Schema version of the IndexedDB database (not of fingerprints: those carry their own). */
export const DB_VERSION = 1;

interface UnspunDb extends DBSchema {
  articles: { key: string; value: LibraryArticle; indexes: { byUrl: string; bySource: string } };
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
      },
    });
    return this.db;
  }

  async put(article: LibraryArticle): Promise<void> {
    await (await this.open()).put('articles', article);
  }

  /** Stores several articles in one transaction: all of them, or none. */
  async putMany(articles: LibraryArticle[]): Promise<void> {
    const tx = (await this.open()).transaction('articles', 'readwrite');
    await Promise.all([...articles.map((a) => tx.store.put(a)), tx.done]);
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    return (await this.open()).get('articles', id);
  }

  async countBySource(source: LibraryArticle['source']): Promise<number> {
    return (await this.open()).countFromIndex('articles', 'bySource', source);
  }

  async count(): Promise<number> {
    return (await this.open()).count('articles');
  }

  /** Every stored article, as stored (see `LibraryService` for fingerprints of older versions). */
  async all(): Promise<LibraryArticle[]> {
    return (await this.open()).getAll('articles');
  }

  async delete(id: string): Promise<void> {
    await (await this.open()).delete('articles', id);
  }

  async clear(): Promise<void> {
    await (await this.open()).clear('articles');
  }
}
