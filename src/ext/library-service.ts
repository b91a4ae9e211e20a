import { fingerprintSentences, FINGERPRINT_VERSION } from '../core/fingerprint.ts';
import { appearedAt, type LibraryArticle } from '../library/article.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import type { LibraryEntry } from './protocol.ts';
import { storageEvents } from './storage-events.ts';
import { IdbArticleStore, type ArticleMeta } from '../library/idb-store.ts';
import { PreparedCandidates, type Candidate, type CandidateSource } from '../library/library-index.ts';
import { DEFAULT_MATCH, selfOrSameSite, type PageToCheck } from '../library/match.ts';
import { articleIdFor } from '../library/page.ts';
import { RetrievalIndex } from '../library/retrieval-index.ts';
import { memoizeWeight } from '../core/similarity.ts';
import { exportPack, importPack, type ImportResult } from '../library/pack.ts';

/**
 * The library as the background uses it: the articles in IndexedDB, and in memory only a compact
 * retrieval index (`RetrievalIndex`: keys and rare-term postings, about 400 bytes an article). The
 * index is saved as one snapshot a moment after each change and read back when a stopped service
 * worker starts again, checked against the stored ids; it is rebuilt from the articles only when
 * there is no usable snapshot (first run, a new fingerprint version). A check reads its few
 * candidates' fingerprints from IndexedDB (`candidatesFor`).
 */
export class LibraryService {
  private loaded: Promise<RetrievalIndex> | null = null;
  /** Stored articles deliberately not indexed: found to derive from another. */
  private skipped = new Set<string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Every write of the articles up to this generation is in the in-memory index (writes made through
   * this service; see `IdbArticleStore.generation`); `reflected` holds later ones already in it.
   */
  private reflectedUpTo = 0;
  private readonly reflected = new Set<number>();

  constructor(
    readonly store = new IdbArticleStore(),
    /** How long after a change the index snapshot is saved (changes come in bursts: a feed poll, an import). */
    private readonly saveDelayMs = 2000,
  ) {}

  /** The retrieval index of candidate originals (keys and postings: no text, no fingerprints). */
  index(): Promise<RetrievalIndex> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<RetrievalIndex> {
    // Every write up to this generation is read below (from the snapshot or the store).
    const generation = await this.store.generation();
    this.reflectedUpTo = Math.max(this.reflectedUpTo, generation);
    const stored = await this.store.getRetrieval().catch(() => undefined);
    const index = RetrievalIndex.fromSnapshot(stored?.snapshot);
    if (!index || !stored) return this.rebuild();
    this.skipped = new Set(stored.skipped);
    // Saved with every write so far: nothing to reconcile (reading 100,000 ids takes over a second).
    if (stored.generation === generation) return index;
    // Changes saved to the store after the snapshot (the worker was stopped before saving it).
    const ids = await this.store.ids();
    const inStore = new Set(ids);
    let changed = false;
    for (const id of [...index.ids()]) {
      if (!inStore.has(id)) {
        index.remove(id);
        changed = true;
      }
    }
    const unknown = ids.filter((id) => !index.has(id) && !this.skipped.has(id));
    for (const a of await this.store.getMany(unknown)) {
      if (!a) continue;
      this.place(index, await this.upToDate(a));
      changed = true;
    }
    if (changed) this.scheduleSave(index);
    return index;
  }

  /** Builds the index from every stored article, read a batch at a time, and saves it. */
  private async rebuild(): Promise<RetrievalIndex> {
    const index = new RetrievalIndex();
    this.skipped.clear();
    const outdated: LibraryArticle[] = [];
    await this.store.each((a, current) => {
      if (!current || a.fingerprint?.version !== FINGERPRINT_VERSION || a.site !== siteOf(a.url)) outdated.push(a);
      else this.place(index, a);
    });
    for (const a of outdated) {
      this.place(index, await this.upToDate(a, true)); // stored again in the current shape
    }
    await this.saveNow(index);
    return index;
  }

  /** Saves the index snapshot now (also what a pending save does). */
  async saveNow(index?: RetrievalIndex): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const current = index ?? (await this.index());
    const generation = this.reflectedUpTo;
    await this.store.putRetrieval({ snapshot: current.snapshot(), skipped: [...this.skipped], generation }).catch((e: unknown) => {
      // Not fatal: the next start reconciles the older snapshot with the store, or rebuilds.
      console.warn('Unspun: could not save the library index', e);
    });
  }

  private scheduleSave(index: RetrievalIndex): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(index), this.saveDelayMs);
  }

  /** Applies a write of generation `generation` to the index (and saves the index a moment later). */
  private async indexed(generation: number, update: (index: RetrievalIndex) => void): Promise<void> {
    const index = await this.index();
    update(index);
    this.reflect(generation);
    this.scheduleSave(index);
  }

  private reflect(generation: number): void {
    if (generation <= this.reflectedUpTo) return;
    this.reflected.add(generation);
    while (this.reflected.delete(this.reflectedUpTo + 1)) this.reflectedUpTo++;
  }

  /** Adds an article to the index, or keeps it out when it derives from another. */
  private place(index: RetrievalIndex, a: LibraryArticle): void {
    if (a.derivedFrom) {
      index.forget(a.id, a.fingerprint);
      this.skipped.add(a.id);
    } else {
      this.skipped.delete(a.id);
      index.add(a);
    }
  }

  /**
   * A page's candidate originals, read ahead from IndexedDB with fingerprints of the current
   * version: what `checkPage` and `stubsToFetch` verify.
   */
  async candidatesFor(page: Pick<PageToCheck, 'url' | 'canonicalUrl' | 'fingerprint'>, limit = DEFAULT_MATCH.candidates): Promise<CandidateSource> {
    const index = await this.index();
    const found = index.candidates(page.fingerprint, limit, selfOrSameSite(page), articleIdFor(page.url, page.canonicalUrl));
    const stored = await this.store.getMany(found.map((c) => c.key.id));
    const candidates: Candidate[] = [];
    for (const [i, a] of stored.entries()) {
      if (a && !a.derivedFrom) candidates.push({ article: lean(await this.upToDate(a)), score: found[i]!.score });
    }
    return new PreparedCandidates(memoizeWeight(index.idf), candidates);
  }

  /** Whether a site publishes originals: others were found to copy one of its articles, or the reader follows its feed. */
  async publishesOriginals(site: string): Promise<boolean> {
    return (await this.index()).publishesOriginals(site);
  }

  /**
   * The article with a fingerprint of the current version, recomputed from its sentences, and its
   * site by the current rules (sites are registrable domains by the Public Suffix List: an article
   * stored before had `github.io` for `alice.github.io`), stored again if either changed.
   */
  private async upToDate(a: LibraryArticle, restore = false): Promise<LibraryArticle> {
    const site = siteOf(a.url);
    const current = a.fingerprint?.version === FINGERPRINT_VERSION;
    if (current && a.site === site && !restore) return a;
    const fresh = { ...a, site, fingerprint: current ? a.fingerprint : fingerprintSentences(a.sentences) };
    // The same article, indexed by the caller right after (no other task runs in between).
    this.reflect(await this.store.put(fresh));
    return fresh;
  }

  /** Stores an article; only articles not derived from another become matching candidates. */
  async put(article: LibraryArticle): Promise<void> {
    let generation: number;
    try {
      generation = await this.store.put(article);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      await this.evictOldestFeedItems(EVICT_BATCH);
      generation = await this.store.put(article);
    }
    await this.indexed(generation, (index) => this.place(index, article));
  }

  async get(id: string): Promise<LibraryArticle | undefined> {
    return this.store.get(id);
  }

  async remove(id: string): Promise<void> {
    const a = await this.store.get(id);
    const generation = await this.store.delete(id);
    this.skipped.delete(id);
    await this.indexed(generation, (index) => (a ? index.forget(id, a.fingerprint) : index.remove(id)));
  }

  async clear(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.reflectedUpTo = await this.store.clear();
    this.reflected.clear();
    this.skipped.clear();
    this.loaded = Promise.resolve(new RetrievalIndex());
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
    const candidates = unique.filter((s) => !index.has(s.id));
    const stored = await this.store.getMany(candidates.map((s) => s.id));
    const fresh = candidates.filter((_, i) => !stored[i]);
    if (!fresh.length) return 0;
    const generation = await this.putManyMakingRoom(fresh);
    await this.indexed(generation, (i) => fresh.forEach((a) => this.place(i, a)));
    return fresh.length;
  }

  /**
   * Imports a library pack (see `importPack`: every line validated, duplicates of the library's
   * URLs and ids skipped). The pack's articles are added in one transaction, all or none, with the
   * library's own rules: when storage is full the oldest feed items make room, and they join the
   * index as candidate originals. A pack refused whole (`error`) changes nothing.
   */
  async importPack(text: string, now: Date): Promise<ImportResult> {
    const existing = await this.store.all();
    const result = importPack(text, {
      existingUrls: new Set(existing.flatMap((a) => [a.url, a.canonicalUrl].filter((u): u is string => !!u).map(normalizeUrl))),
      existingIds: new Set(existing.map((a) => a.id)),
      now,
    });
    if (result.error || !result.articles.length) return result;
    const generation = await this.putManyMakingRoom(result.articles);
    await this.indexed(generation, (i) => result.articles.forEach((a) => this.place(i, a)));
    return result;
  }

  /** The library's originals as a pack (articles found to derive from another, and feed items not fetched, left out). */
  async exportPack(now: Date): Promise<{ text: string; articles: number }> {
    const originals = (await this.store.all()).filter((a) => !a.derivedFrom && !a.stub);
    return { text: exportPack(originals, now), articles: originals.length };
  }

  /** Every article as the library page lists it: no text, no fingerprint; feed items not fetched yet left out. */
  /**
   * Articles in the library as the library page lists them (`entries`: all but feed stubs), counted
   * from the index in memory instead of reading every stored article: the indexed ones that are no
   * stub, and those kept out of the index as derived from another.
   */
  async articleCount(): Promise<number> {
    const index = await this.index();
    return index.size - index.stubCount() + this.skipped.size;
  }

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
  private async putManyMakingRoom(articles: LibraryArticle[]): Promise<number> {
    try {
      return await this.store.putMany(articles);
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      await this.evictOldestFeedItems(Math.max(articles.length, EVICT_BATCH));
      return this.store.putMany(articles);
    }
  }

  /** Removes the `count` oldest feed items (by publication, else first seen); records it for the options page. */
  async evictOldestFeedItems(count: number): Promise<number> {
    const feedItems = await this.metas((a) => a.source === 'feed');
    feedItems.sort((a, b) => appearedAt(a) - appearedAt(b));
    const victims = feedItems.slice(0, count);
    for (const a of victims) await this.remove(a.id);
    await storageEvents.setValue({ at: new Date().toISOString(), evicted: victims.length, reason: 'full' });
    return victims.length;
  }

  /**
   * Keeps the library within `max` articles: past it, the oldest go, feed items not fetched first,
   * then fetched feed items, then looked-up, read and imported articles (oldest first within each).
   * Returns how many went; recorded for the options page.
   */
  async keepWithin(max: number): Promise<number> {
    const over = (await this.store.count()) - max;
    if (over <= 0) return 0;
    const rank = (a: ArticleMeta) => (a.stub ? 0 : EVICTION_ORDER.indexOf(a.source) + 1);
    const all: { id: string; rank: number; at: number }[] = [];
    await this.store.scan((a) => all.push({ id: a.id, rank: rank(a), at: appearedAt(a) }));
    all.sort((a, b) => a.rank - b.rank || a.at - b.at);
    const victims = all.slice(0, over);
    for (const v of victims) await this.remove(v.id);
    await storageEvents.setValue({ at: new Date().toISOString(), evicted: victims.length, reason: 'limit' });
    return victims.length;
  }

  /** The records (no text, no fingerprint) that `keep` accepts, read a batch at a time. */
  private async metas(keep: (a: ArticleMeta) => boolean): Promise<ArticleMeta[]> {
    const out: ArticleMeta[] = [];
    await this.store.scan((a) => {
      if (keep(a)) out.push(a);
    });
    return out;
  }

  /**
   * Forgets feed items first seen (delivered by their feed) before `cutoff`. Not by the date they
   * claim: an item a feed delivers today with an old date (a backdated copy, an old story re-run) is
   * kept as long as any other, and with it the feed's sighting that settles which came first.
   */
  async expireFeedItems(cutoff: Date): Promise<number> {
    const old = await this.metas((a) => a.source === 'feed' && Date.parse(a.firstSeen) < cutoff.getTime());
    for (const a of old) await this.remove(a.id);
    return old.length;
  }

  /** Drops the in-memory index, so the next use reads it back from the store (as a restarted worker does). */
  async reload(): Promise<void> {
    if (this.saveTimer !== undefined && this.loaded) await this.saveNow(await this.loaded);
    this.loaded = null;
  }

  /** Forgets articles the reader read (not feed or pack articles) first seen before `cutoff`. */
  async forgetReadBefore(cutoff: Date): Promise<number> {
    const old = await this.metas((a) => a.source === 'read' && Date.parse(a.firstSeen) < cutoff.getTime());
    for (const a of old) await this.remove(a.id);
    return old.length;
  }
}

/**
 * A candidate carries its fingerprint, not its text: sentences are read for the one article a verdict
 * names (see `withOriginalText`).
 */
function lean(a: LibraryArticle): LibraryArticle {
  return a.sentences.length ? { ...a, sentences: [] } : a;
}

/** After feed items not yet fetched, the order in which sources make room for newer articles. */
const EVICTION_ORDER: LibraryArticle['source'][] = ['feed', 'lookup', 'read', 'corpus', 'pack'];

/** Feed items removed at once when storage is full. */
const EVICT_BATCH = 100;

function isQuotaError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
}
