import type { LibraryArticle } from '../library/article.ts';
import { IdbArticleStore } from '../library/idb-store.ts';
import { LibraryIndex } from '../library/library-index.ts';

/**
 * The library as the background uses it: the IndexedDB store plus an in-memory index,
 * loaded lazily (the MV3 service worker may have been restarted since the last message).
 */
export class LibraryService {
  private loaded: Promise<LibraryIndex> | null = null;

  constructor(readonly store = new IdbArticleStore()) {}

  index(): Promise<LibraryIndex> {
    this.loaded ??= this.store.all().then((articles) => {
      const index = new LibraryIndex();
      for (const a of articles) if (!a.derivedFrom) index.add(a);
      return index;
    });
    return this.loaded;
  }

  /** Stores an article; only articles not derived from another become matching candidates. */
  async put(article: LibraryArticle): Promise<void> {
    await this.store.put(article);
    const index = await this.index();
    if (article.derivedFrom) index.remove(article.id);
    else index.add(article);
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    return this.store.get(id);
  }
}
