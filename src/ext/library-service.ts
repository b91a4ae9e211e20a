import { fingerprintSentences, FINGERPRINT_VERSION } from '../core/fingerprint.ts';
import { appearedAt, type LibraryArticle } from '../library/article.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import type { LibraryEntry } from './protocol.ts';
import { storageEvents } from './storage-events.ts';
import { IdbArticleStore } from '../library/idb-store.ts';
import { LibraryIndex } from '../library/library-index.ts';
import { exportPack, importPack, type ImportResult } from '../library/pack.ts';

/**
 * The library as the background uses it: the IndexedDB store plus an in-memory index,
 * loaded lazily (the MV3 service worker may have been restarted since the last message).
 */
export class LibraryService {
  private loaded: Promise<LibraryIndex> | null = null;

  constructor(readonly store = new IdbArticleStore()) {}

  /** The index of candidate originals; its articles carry no sentence text (use `get` for that). */
  index(): Promise<LibraryIndex> {
    this.loaded ??= this.store.all().then(async (articles) => {
      const index = new LibraryIndex();
      for (const stored of articles) {
        const a = await this.upToDate(stored);
        if (!a.derivedFrom) index.add(lean(a));
      }
      return index;
    });
    return this.loaded;
  }

  /**
   * The article with a fingerprint of the current version, recomputed from its sentences, and its
   * site by the current rules (sites are registrable domains by the Public Suffix List: an article
   * stored before had `github.io` for `alice.github.io`), stored again if either changed.
   */
  private async upToDate(a: LibraryArticle): Promise<LibraryArticle> {
    const site = siteOf(a.url);
    const current = a.fingerprint?.version === FINGERPRINT_VERSION;
    if (current && a.site === site) return a;
    const fresh = { ...a, site, fingerprint: current ? a.fingerprint : fingerprintSentences(a.sentences) };
    await this.store.put(fresh);
    return fresh;
  }

  /** Stores an article; only articles not derived from another become matching candidates. */
  async put(article: LibraryArticle): Promise<void> {
    try {
      await this.store.put(article);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      await this.evictOldestFeedItems(EVICT_BATCH);
      await this.store.put(article);
    }
    const index = await this.index();
    if (article.derivedFrom) index.remove(article.id);
    else index.add(lean(article));
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    return this.store.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    (await this.index()).remove(id);
  }

  async clear(): Promise<void> {
    await this.store.clear();
    this.loaded = Promise.resolve(new LibraryIndex());
  }

  /**
   * Stores feed stubs not yet in the library (an article already read or fetched is kept as it
   * is); returns how many were new. When storage is full, the oldest feed items make room.
   *
   * "In the library" is asked of the store, not of the index: the index leaves out the articles
   * found to derive from another, and a stub stored over one would lose its `derivedFrom` and
   * make the copy a candidate original.
   */
  async addFeedStubs(stubs: LibraryArticle[]): Promise<number> {
    const index = await this.index();
    const unique = [...new Map(stubs.map((s) => [s.id, s])).values()];
    const candidates = unique.filter((s) => !index.get(s.id));
    const stored = await Promise.all(candidates.map((s) => this.store.get(s.id)));
    const fresh = candidates.filter((_, i) => !stored[i]);
    if (!fresh.length) return 0;
    await this.putManyMakingRoom(fresh);
    for (const a of fresh) index.add(lean(a));
    return fresh.length;
  }

  /**
   * Imports a library pack (see `importPack`: every line validated, duplicates of the library's
   * URLs and ids skipped). The pack's articles are added in one transaction, all or none, with the
   * library's own rules: when storage is full the oldest feed items make room, and they join the
   * index as candidate originals. A pack refused whole (`error`) changes nothing.
   */
  async importPack(text: string, now: Date): Promise<ImportResult> {
    const index = await this.index();
    const existing = await this.store.all();
    const result = importPack(text, {
      existingUrls: new Set(existing.flatMap((a) => [a.url, a.canonicalUrl].filter((u): u is string => !!u).map(normalizeUrl))),
      existingIds: new Set(existing.map((a) => a.id)),
      now,
    });
    if (result.error || !result.articles.length) return result;
    await this.putManyMakingRoom(result.articles);
    for (const a of result.articles) {
      if (a.derivedFrom) index.remove(a.id);
      else index.add(lean(a));
    }
    return result;
  }

  /** The library's originals as a pack (articles found to derive from another, and feed items not fetched, left out). */
  async exportPack(now: Date): Promise<{ text: string; articles: number }> {
    const originals = (await this.store.all()).filter((a) => !a.derivedFrom && !a.stub);
    return { text: exportPack(originals, now), articles: originals.length };
  }

  /** Every article as the library page lists it: no text, no fingerprint; feed items not fetched yet left out. */
  async entries(): Promise<LibraryEntry[]> {
    return (await this.store.all())
      .filter((a) => !a.stub)
      .map(({ id, url, title, site, siteName, published, firstSeen, source, derivatives, derivedFrom }) => ({
        id,
        url,
        title,
        site,
        siteName,
        published,
        firstSeen,
        source,
        derivatives,
        derivedFrom,
      }));
  }

  /** Stores articles in one transaction; when storage is full, the oldest feed items make room first. */
  private async putManyMakingRoom(articles: LibraryArticle[]): Promise<void> {
    try {
      await this.store.putMany(articles);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      await this.evictOldestFeedItems(Math.max(articles.length, EVICT_BATCH));
      await this.store.putMany(articles);
    }
  }

  /** Removes the `count` oldest feed items (by publication, else first seen); records it for the options page. */
  async evictOldestFeedItems(count: number): Promise<number> {
    const feedItems = (await this.store.all()).filter((a) => a.source === 'feed');
    feedItems.sort((a, b) => appearedAt(a) - appearedAt(b));
    const victims = feedItems.slice(0, count);
    for (const a of victims) await this.remove(a.id);
    await storageEvents.setValue({ at: new Date().toISOString(), evicted: victims.length });
    return victims.length;
  }

  /** Forgets feed items that appeared before `cutoff`. */
  async expireFeedItems(cutoff: Date): Promise<number> {
    const old = (await this.store.all()).filter((a) => a.source === 'feed' && appearedAt(a) < cutoff.getTime());
    for (const a of old) await this.remove(a.id);
    return old.length;
  }

  /** Drops the in-memory index, so the next use reloads it from the store (as a restarted worker does). */
  reload(): void {
    this.loaded = null;
  }

  /** Forgets articles the reader read (not feed or pack articles) first seen before `cutoff`. */
  async forgetReadBefore(cutoff: Date): Promise<number> {
    const old = (await this.store.all()).filter((a) => a.source === 'read' && Date.parse(a.firstSeen) < cutoff.getTime());
    for (const a of old) await this.remove(a.id);
    return old.length;
  }
}

/**
 * The in-memory index keeps fingerprints, not text: sentences stay in IndexedDB and are read for the
 * one article a verdict names (see `withOriginalText`), so a large library fits in memory.
 */
function lean(a: LibraryArticle): LibraryArticle {
  return a.sentences.length ? { ...a, sentences: [] } : a;
}

/** Feed items removed at once when storage is full. */
const EVICT_BATCH = 100;

function isQuotaError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
}
