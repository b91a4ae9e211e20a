import { MIN_COPIED_PHRASES } from '../core/align.ts';
import { FINGERPRINT_VERSION, type Fingerprint, type SentenceFingerprint } from '../core/fingerprint.ts';
import { normalizeUrl } from '../core/site.ts';
import { priorShare } from '../core/term-prior.ts';
import type { LibraryArticle } from './article.ts';
import { fmix32 } from '../core/minhash.ts';
import { PairPostings, RecentPostings } from './pair-postings.ts';

/**
 * What retrieval keeps of an article: who it is and which site it is on (to leave out the page
 * itself and its own site), no text and no fingerprint. Those stay in the store and are read for the
 * few candidates retrieval returns.
 */
export interface ArticleKey {
  id: string;
  site: string;
  /** `normalizeUrl` of its URL. */
  url: string;
  /** `normalizeUrl` of its canonical URL, when it has one. */
  canonicalUrl?: string;
  /** A site that publishes originals: others were found to copy this article, or it came from a feed. */
  publishesOriginals: boolean;
  /** A feed item known only by headline and summary. */
  stub: boolean;
}

/** Terms of an article posted for retrieval, at most: its rarest and most repeated names and words. */
export const POSTED_TERMS = 64;
/** Rarest page terms used for retrieval: enough to find a rewrite, bounded work on a huge library. */
const QUERY_TERMS = 40;
/** Longest posting list walked per term, whatever the library size. */
const MAX_POSTING = 1000;
/** Weight of the general-English prior, in documents. */
const PRIOR_DOCS = 5000;
/**
 * Postings added since the last merge, at most, before they are merged into the compact arrays: a
 * quarter of those merged already (so merging costs a constant amortised time per posting), at least 20,000.
 */
const mergeAfter = (merged: number) => Math.max(20_000, merged >> 2);

/** The index as stored (IndexedDB keeps typed arrays as they are: loading it is one read). */
/**
 * The keys as columns: each text column is its values joined by newlines (one string is read back
 * from IndexedDB far faster than 100,000 small objects), or, should a value hold a newline, a JSON
 * array after a NUL. Flags: bit 0 publishes originals, bit 1 stub, bit 2 has a canonical URL.
 */
export interface KeyColumns {
  ids: string;
  sites: string;
  urls: string;
  canonicalUrls: string;
  flags: Uint8Array;
}

export interface RetrievalSnapshot {
  /** 4: keys as columns, sentence anchors, unmerged changes. Older formats are rebuilt from the articles. */
  format: number;
  fingerprintVersion: number;
  keys: ArticleKey[] | KeyColumns;
  /** Sorted terms, document frequencies. */
  dfTerms: Uint32Array;
  dfCounts: Uint32Array;
  /** Sorted posted terms; documents of term i are postDocs[postStart[i] .. postStart[i + 1]). */
  postTerms: Uint32Array;
  postStart: Uint32Array;
  postDocs: Int32Array;
  /** Sentence anchors (`sentenceAnchors`) and their documents, sorted by anchor. */
  anchorKeys: Uint32Array;
  anchorDocs: Int32Array;
  /**
   * Changes since the last merge, as (key, document) or (term, change) pairs: saved as they are, so
   * a save after one new article does not rebuild every posting (merging waits until they are many).
   */
  recentTerms: Uint32Array;
  recentDocs: Int32Array;
  recentAnchorKeys: Uint32Array;
  recentAnchorDocs: Int32Array;
  dfDeltaTerms: Uint32Array;
  dfDeltaCounts: Int32Array;
}

/**
 * The library's retrieval index, compact enough for 100,000 articles in a service worker: for each
 * article its key and its `POSTED_TERMS` rarest terms in an inverted index, and the document frequency
 * of every term (for IDF weights). Postings and frequencies live in sorted typed arrays (a few bytes
 * a posting) with a small map of recent changes merged in from time to time; the whole can be stored
 * and read back as one snapshot, so a restarted worker does not rebuild it.
 */
export class RetrievalIndex {
  private keys: (ArticleKey | undefined)[] = [];
  /** Document number by id; built on first use after a snapshot is read (a check does not need it). */
  private numbers: Map<string, number> | undefined = new Map<string, number>();
  private live = 0;
  private dead = 0;
  private dfTerms: Uint32Array = new Uint32Array(0);
  private dfCounts: Uint32Array = new Uint32Array(0);
  private readonly dfDelta = new Map<number, number>();
  private postTerms: Uint32Array = new Uint32Array(0);
  private postStart: Uint32Array = new Uint32Array(1);
  private postDocs: Int32Array = new Int32Array(0);
  private recentPosts = new RecentPostings();
  /** Each article's sentence anchors: how a page that pastes its sentences finds it, whatever its topic terms. */
  private anchors = new PairPostings();
  /** Terms each document contributed to document frequencies (needed to take them back). */
  private termsOf: (Uint32Array | undefined)[] = [];
  private scans = 0;
  /** Articles by site that publish originals; built on first use after a snapshot is read. */
  private sites: Map<string, number> | undefined = new Map<string, number>();
  /** Scores of one query, by document number (reused: zero between queries). */
  private scores = new Float64Array(0);

  constructor(private readonly maxPostingShare = 0.05) {}

  /**
   * The document number of `id`. Right after a snapshot is read, the first few are found by scanning
   * the keys (about a millisecond at 100,000) rather than building the whole map first: the check
   * that woke the worker, and the page it stores, need one or two.
   */
  private numberFor(id: string): number | undefined {
    if (this.numbers || ++this.scans > SCANS_BEFORE_MAP) return this.numberOf.get(id);
    for (let n = this.keys.length - 1; n >= 0; n--) if (this.keys[n]?.id === id) return n;
    return undefined;
  }

  private get numberOf(): Map<string, number> {
    if (!this.numbers) {
      this.numbers = new Map();
      for (let n = 0; n < this.keys.length; n++) {
        const k = this.keys[n];
        if (k) this.numbers.set(k.id, n);
      }
    }
    return this.numbers;
  }

  private get originalSites(): Map<string, number> {
    if (!this.sites) {
      this.sites = new Map();
      for (const k of this.keys) if (k?.publishesOriginals) this.sites.set(k.site, (this.sites.get(k.site) ?? 0) + 1);
    }
    return this.sites;
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.numberFor(id) !== undefined;
  }

  get(id: string): ArticleKey | undefined {
    const n = this.numberFor(id);
    return n === undefined ? undefined : this.keys[n];
  }

  /** True when a library article on this site was copied by others, or came from a feed. */
  publishesOriginals(site: string): boolean {
    return (this.originalSites.get(site) ?? 0) > 0;
  }

  add(article: Pick<LibraryArticle, 'id' | 'site' | 'url' | 'canonicalUrl' | 'derivatives' | 'source' | 'stub' | 'fingerprint'>): void {
    if (this.numberFor(article.id) !== undefined) this.remove(article.id);
    const key = keyOf(article);
    const n = this.keys.push(key) - 1;
    this.numbers?.set(article.id, n);
    this.live++;
    const terms = Uint32Array.from(article.fingerprint.terms);
    this.termsOf[n] = terms;
    for (const t of terms) this.dfDelta.set(t, (this.dfDelta.get(t) ?? 0) + 1);
    for (const t of postedTerms(article.fingerprint)) {
      this.recentPosts.add(t, n);
    }
    for (const a of sentenceAnchors(article.fingerprint.sentences)) this.anchors.add(a, n);
    if (key.publishesOriginals) this.originalSites.set(key.site, (this.originalSites.get(key.site) ?? 0) + 1);
    if (this.recentPosts.size > mergeAfter(this.postDocs.length) || this.anchors.pending > mergeAfter(this.anchors.keys.length)) this.merge();
  }

  remove(id: string): void {
    const n = this.numberFor(id);
    if (n === undefined) return;
    const key = this.keys[n]!;
    this.numbers?.delete(id);
    this.keys[n] = undefined;
    this.live--;
    this.dead++;
    for (const t of this.termsOf[n] ?? []) this.dfDelta.set(t, (this.dfDelta.get(t) ?? 0) - 1);
    this.termsOf[n] = undefined;
    if (key.publishesOriginals) this.originalSites.set(key.site, (this.originalSites.get(key.site) ?? 1) - 1);
    if (this.dead > Math.max(1000, this.live)) this.compact();
  }

  /** Document frequency of a term in the library. */
  df(term: number): number {
    return lookup(this.dfTerms, this.dfCounts, term) + (this.dfDelta.get(term) ?? 0);
  }

  /**
   * Inverse document frequency with a prior: PRIOR_DOCS documents of general English (term shares from
   * `term-prior.ts`) stand beside the library's own. A small library (a fresh install, one looked-up
   * article) still tells "said" from "Denicola"; a large one is weighed by its own counts.
   */
  readonly idf = (term: number): number => Math.log((this.live + PRIOR_DOCS) / (this.df(term) + PRIOR_DOCS * priorShare(term) + 1));

  /**
   * The `limit` articles sharing the most rare-term weight with a page, best first, then up to
   * `COPY_CANDIDATES` more whose sentences the page holds word for word (`copiedFrom`), leaving out
   * those `exclude` refuses (the page itself, its own site).
   */
  candidates(
    fingerprint: Pick<Fingerprint, 'terms' | 'sentences'>,
    limit: number,
    exclude: (key: ArticleKey) => boolean,
    /** The page's own library id, when the page may be in the library itself (a page read again). */
    self?: string,
  ): { key: ArticleKey; score: number }[] {
    const maxDf = Math.min(MAX_POSTING, Math.max(20, this.live * this.maxPostingShare));
    // A page already in the library counts in its own terms' frequencies: without its share, the
    // words only it has would seem the rarest and fill the query, and nothing else would be found.
    const own = this.ownTerms(self, fingerprint);
    const rarest = fingerprint.terms
      .map((t) => [t, this.df(t) - (own?.has(t) ? 1 : 0)] as const)
      .filter(([, df]) => df > 0 && df <= maxDf)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    if (this.scores.length < this.keys.length) this.scores = new Float64Array(Math.max(1024, this.keys.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    // The rarest QUERY_TERMS terms, and more while they reach fewer than `limit` articles: in a small
    // library (a fresh install, a lookup's few finds) the rarest terms are all one close copy's, and
    // another article the page shares commoner terms with must still be a candidate.
    for (const [k, [t]] of rarest.entries()) {
      if (k >= QUERY_TERMS && touched.length >= limit) break;
      const w = this.idf(t);
      const add = (n: number) => {
        if (!this.keys[n]) return;
        if (scores[n] === 0) touched.push(n);
        scores[n] = scores[n]! + w;
      };
      const i = indexOf(this.postTerms, t);
      if (i >= 0) for (let p = this.postStart[i]!; p < this.postStart[i + 1]!; p++) add(this.postDocs[p]!);
      for (const n of this.recentPosts.get(t) ?? []) add(n);
    }
    // The best `limit` not excluded, without sorting every touched document: the excluded (the
    // page's own site) are few, so the best `limit + EXCLUDED_ROOM` are kept while scanning.
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && this.keys[a]!.id < this.keys[b]!.id);
    const out: { key: ArticleKey; score: number }[] = [];
    for (let room = limit + EXCLUDED_ROOM; ; room *= 4) {
      const best = topBy(touched, room, better);
      out.length = 0;
      for (const n of best) {
        const key = this.keys[n]!;
        if (exclude(key)) continue;
        out.push({ key, score: scores[n]! });
        if (out.length >= limit) break;
      }
      if (out.length >= limit || best.length === touched.length) break;
    }
    const found = new Set(out.map((c) => c.key.id));
    for (const n of this.copiedFrom(fingerprint.sentences)) {
      const key = this.keys[n]!;
      if (found.has(key.id) || exclude(key)) continue;
      out.push({ key, score: scores[n]! });
      if (out.length >= limit + COPY_CANDIDATES) break;
    }
    for (const n of touched) scores[n] = 0;
    return out;
  }

  /**
   * Articles whose sentences a page holds word for word, most sentences first: each article's sentence
   * anchors looked up among the page's phrases. A paste of another article's sentences into a page on
   * another subject shares few of that article's rare terms, so the term query alone would miss it.
   */
  private copiedFrom(sentences: readonly Pick<SentenceFingerprint, 'phrases'>[]): number[] {
    const copied = new Map<number, number>();
    for (const s of sentences) {
      const seen = new Set<number>();
      for (const h of s.phrases) {
        const anchor = fmix32(h);
        if (this.anchors.count(anchor, MAX_ANCHOR_DOCS) > MAX_ANCHOR_DOCS) continue; // a stock phrase
        this.anchors.forEach(anchor, (n) => {
          if (!this.keys[n] || seen.has(n)) return;
          seen.add(n);
          copied.set(n, (copied.get(n) ?? 0) + 1);
        });
      }
    }
    return [...copied]
      .filter(([, sentences]) => sentences >= MIN_ANCHOR_HITS)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([n]) => n);
  }

  /** The terms the library holds of article `id` (those of `fingerprint` when they were not kept). */
  private ownTerms(id: string | undefined, fingerprint: Pick<Fingerprint, 'terms'>): ReadonlySet<number> | undefined {
    const n = id === undefined ? undefined : this.numberFor(id);
    if (n === undefined) return undefined;
    return new Set(this.termsOf[n] ?? fingerprint.terms);
  }

  /** The index as one storable value (recent changes merged first only when they are many, see `SAVED_UNMERGED`). */
  snapshot(): RetrievalSnapshot {
    if (this.dead) this.compact();
    else if (this.recentPosts.size > SAVED_UNMERGED || this.anchors.pending > SAVED_UNMERGED || this.dfDelta.size > SAVED_UNMERGED) this.merge();
    const [recentTerms, recentDocs] = this.recentPosts.pairs();
    const [recentAnchorKeys, recentAnchorDocs] = this.anchors.recentPairs();
    return {
      format: SNAPSHOT_FORMAT,
      fingerprintVersion: FINGERPRINT_VERSION,
      keys: toColumns(this.keys as ArticleKey[]),
      dfTerms: this.dfTerms,
      dfCounts: this.dfCounts,
      postTerms: this.postTerms,
      postStart: this.postStart,
      postDocs: this.postDocs,
      anchorKeys: this.anchors.keys,
      anchorDocs: this.anchors.docs,
      recentTerms,
      recentDocs,
      recentAnchorKeys,
      recentAnchorDocs,
      dfDeltaTerms: Uint32Array.from(this.dfDelta.keys()),
      dfDeltaCounts: Int32Array.from(this.dfDelta.values()),
    };
  }

  /**
   * The index a snapshot holds, or null when it is of another format or fingerprint version, or
   * inconsistent (then the caller rebuilds it from the articles).
   */
  static fromSnapshot(s: RetrievalSnapshot | undefined, maxPostingShare?: number): RetrievalIndex | null {
    if (!s || s.fingerprintVersion !== FINGERPRINT_VERSION || s.format !== SNAPSHOT_FORMAT || Array.isArray(s.keys)) return null;
    const keys = fromColumns(s.keys);
    if (!keys || keys.some((k) => !k)) return null;
    const anchors = PairPostings.from(s.anchorKeys, s.anchorDocs, s.recentAnchorKeys, s.recentAnchorDocs);
    const recentPosts = RecentPostings.fromPairs(s.recentTerms, s.recentDocs);
    const ok =
      s.dfDeltaTerms instanceof Uint32Array &&
      s.dfDeltaCounts instanceof Int32Array &&
      s.dfDeltaTerms.length === s.dfDeltaCounts.length &&
      s.dfTerms instanceof Uint32Array &&
      s.dfCounts instanceof Uint32Array &&
      s.dfTerms.length === s.dfCounts.length &&
      s.postTerms instanceof Uint32Array &&
      s.postStart instanceof Uint32Array &&
      s.postDocs instanceof Int32Array &&
      s.postStart.length === s.postTerms.length + 1 &&
      s.postStart[s.postTerms.length] === s.postDocs.length;
    // Postings are not checked one by one (6 million at 100,000 articles): one out of range names no
    // article, and every reader of postings skips those (`keys[n]` undefined).
    if (!ok || !anchors || !recentPosts) return null;
    const index = new RetrievalIndex(maxPostingShare);
    index.anchors = anchors;
    index.recentPosts = recentPosts;
    for (let i = 0; i < s.dfDeltaTerms.length; i++) index.dfDelta.set(s.dfDeltaTerms[i]!, s.dfDeltaCounts[i]!);
    index.keys = keys;
    index.numbers = undefined;
    index.sites = undefined;
    index.live = keys.length;
    index.dfTerms = s.dfTerms;
    index.dfCounts = s.dfCounts;
    index.postTerms = s.postTerms;
    index.postStart = s.postStart;
    index.postDocs = s.postDocs;
    return index;
  }

  /** Indexed articles that are feed stubs (known by headline and summary only). */
  stubCount(): number {
    let n = 0;
    for (const k of this.keys) if (k?.stub) n++;
    return n;
  }

  /** Ids of the indexed articles. */
  ids(): IterableIterator<string> {
    return this.numberOf.keys();
  }

  /**
   * A document a snapshot brought cannot be taken back out of the frequencies without its terms; the
   * caller gives them when it removes one (see `LibraryService`), or they are recounted at compaction.
   */
  forget(id: string, fingerprint: Pick<Fingerprint, 'terms'>): void {
    const n = this.numberFor(id);
    if (n === undefined) return;
    this.termsOf[n] ??= Uint32Array.from(fingerprint.terms);
    this.remove(id);
  }

  /** Merges recent postings and frequency changes into the compact arrays. */
  private merge(): void {
    if (!this.recentPosts.size && !this.dfDelta.size && !this.anchors.pending) return;
    const counts = mergeCounts(this.dfTerms, this.dfCounts, this.dfDelta);
    const posts = new Map<number, number[]>();
    for (let i = 0; i < this.postTerms.length; i++) {
      const docs: number[] = [];
      for (let p = this.postStart[i]!; p < this.postStart[i + 1]!; p++) if (this.keys[this.postDocs[p]!]) docs.push(this.postDocs[p]!);
      if (docs.length) posts.set(this.postTerms[i]!, docs);
    }
    for (const [t, docs] of this.recentPosts.entries()) {
      const live = docs.filter((n) => this.keys[n]);
      if (!live.length) continue;
      const list = posts.get(t);
      if (list)
        for (const n of live) list.push(n); // a list may be longer than the stack allows arguments
      else posts.set(t, live);
    }
    const packed = packPostings(posts);
    this.anchors.pack((n) => (this.keys[n] ? n : -1));
    // Built first, swapped in at once (see `compact`).
    [this.dfTerms, this.dfCounts] = counts;
    this.dfDelta.clear();
    [this.postTerms, this.postStart, this.postDocs] = packed;
    this.recentPosts.clear();
  }

  /** Renumbers the live documents without the removed ones. */
  private compact(): void {
    this.merge();
    const renumber = new Int32Array(this.keys.length).fill(-1);
    const keys: ArticleKey[] = [];
    const termsOf: (Uint32Array | undefined)[] = [];
    this.keys.forEach((k, n) => {
      if (!k) return;
      renumber[n] = keys.length;
      termsOf.push(this.termsOf[n]);
      keys.push(k);
    });
    const posts = new Map<number, number[]>();
    for (let i = 0; i < this.postTerms.length; i++) {
      const docs: number[] = [];
      for (let p = this.postStart[i]!; p < this.postStart[i + 1]!; p++) {
        const m = renumber[this.postDocs[p]!]!;
        if (m >= 0) docs.push(m);
      }
      if (docs.length) posts.set(this.postTerms[i]!, docs);
    }
    const numberOf = new Map<string, number>();
    keys.forEach((k, n) => numberOf.set(k.id, n));
    const packed = packPostings(posts);
    const anchors = new PairPostings();
    [anchors.keys, anchors.docs] = [this.anchors.keys, this.anchors.docs];
    anchors.pack((n) => renumber[n] ?? -1);
    // Everything built first, then swapped in at once: an error above leaves the index as it was.
    [this.postTerms, this.postStart, this.postDocs] = packed;
    this.anchors = anchors;
    this.keys = keys;
    this.termsOf = termsOf;
    this.numbers = numberOf;
    this.dead = 0;
  }
}

const NEWLINE = '\n';
const AS_JSON = '\u0000';

function toColumn(values: string[]): string {
  return values.some((v) => v.includes(NEWLINE)) ? AS_JSON + JSON.stringify(values) : values.join(NEWLINE);
}

/** A column's values, or null when it does not hold `n` strings. */
function fromColumn(column: unknown, n: number): string[] | null {
  if (typeof column !== 'string') return null;
  let values: unknown;
  if (column.startsWith(AS_JSON)) {
    try {
      values = JSON.parse(column.slice(AS_JSON.length));
    } catch {
      return null;
    }
  } else values = n === 0 ? [] : column.split(NEWLINE);
  return Array.isArray(values) && values.length === n && values.every((v) => typeof v === 'string') ? values : null;
}

function toColumns(keys: ArticleKey[]): KeyColumns {
  const flags = new Uint8Array(keys.length);
  keys.forEach((k, n) => (flags[n] = (k.publishesOriginals ? 1 : 0) | (k.stub ? 2 : 0) | (k.canonicalUrl ? 4 : 0)));
  return {
    ids: toColumn(keys.map((k) => k.id)),
    sites: toColumn(keys.map((k) => k.site)),
    urls: toColumn(keys.map((k) => k.url)),
    canonicalUrls: toColumn(keys.map((k) => k.canonicalUrl ?? '')),
    flags,
  };
}

/** The keys the columns hold, or null when they are inconsistent. */
function fromColumns(c: KeyColumns | undefined): ArticleKey[] | null {
  if (!c || !(c.flags instanceof Uint8Array)) return null;
  const n = c.flags.length;
  const ids = fromColumn(c.ids, n);
  const sites = fromColumn(c.sites, n);
  const urls = fromColumn(c.urls, n);
  const canonicalUrls = fromColumn(c.canonicalUrls, n);
  if (!ids || !sites || !urls || !canonicalUrls) return null;
  const keys: ArticleKey[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = c.flags[i]!;
    const key: ArticleKey = { id: ids[i]!, site: sites[i]!, url: urls[i]!, publishesOriginals: (f & 1) !== 0, stub: (f & 2) !== 0 };
    if (f & 4) key.canonicalUrl = canonicalUrls[i]!;
    keys[i] = key;
  }
  return keys;
}

/** What retrieval keeps of an article (see `ArticleKey`). */
export function keyOf(a: Pick<LibraryArticle, 'id' | 'site' | 'url' | 'canonicalUrl' | 'derivatives' | 'source' | 'stub'>): ArticleKey {
  return {
    id: a.id,
    site: a.site,
    url: normalizeUrl(a.url),
    ...(a.canonicalUrl ? { canonicalUrl: normalizeUrl(a.canonicalUrl) } : {}),
    publishesOriginals: !!a.derivatives?.length || a.source === 'feed',
    stub: !!a.stub,
  };
}

/**
 * The terms an article is found by: its rarest in general English (names and numbers first), the
 * ones it repeats first among equals (a story's subject survives a condensed rewrite), at most
 * POSTED_TERMS.
 */
export function postedTerms(fingerprint: Pick<Fingerprint, 'sentences' | 'terms'>): number[] {
  if (fingerprint.terms.length <= POSTED_TERMS) return [...fingerprint.terms];
  const repeats = new Map<number, number>();
  for (const s of fingerprint.sentences) for (const t of s.terms) repeats.set(t, (repeats.get(t) ?? 0) + 1);
  return fingerprint.terms
    .map((t) => ({ t, prior: priorShare(t), repeats: repeats.get(t) ?? 0 }))
    .sort((a, b) => a.prior - b.prior || b.repeats - a.repeats || a.t - b.t)
    .slice(0, POSTED_TERMS)
    .map((x) => x.t);
}

/**
 * Sentence anchors of an article: for each sentence long enough for a verbatim copy of it to count
 * (`MIN_COPIED_PHRASES`), one of its phrases, chosen by hash (the least `fmix32`), as that hash. A
 * page that pastes the sentence holds all its phrases, this one too; one changed word loses the
 * anchor only when it falls in it.
 */
export function sentenceAnchors(sentences: readonly Pick<SentenceFingerprint, 'phrases'>[]): number[] {
  const anchors: number[] = [];
  for (const s of sentences) {
    if (s.phrases.length < MIN_COPIED_PHRASES) continue;
    let least = Infinity;
    for (const h of s.phrases) least = Math.min(least, fmix32(h));
    anchors.push(least);
  }
  return anchors;
}

/**
 * Unmerged postings a snapshot carries as they are, at most (about 800 articles' worth): more are
 * merged first, so that reading a snapshot back stays one quick step.
 */
const SAVED_UNMERGED = 50_000;

/** Format of `RetrievalSnapshot` written now. */
const SNAPSHOT_FORMAT = 4;

/** Candidates found by their pasted sentences alone, at most, beyond the term query's `limit`. */
const COPY_CANDIDATES = 4;

/** Page sentences that must hold an article's anchors: a verbatim copy counts from two sentences (`ruleMargins`). */
const MIN_ANCHOR_HITS = 2;

/** Articles an anchor may have before it is taken for a stock phrase and not followed. */
const MAX_ANCHOR_DOCS = 16;

/** Ids looked up by scanning after a snapshot is read, before the id map is built. */
const SCANS_BEFORE_MAP = 8;

/** Room kept beyond `limit` for candidates the caller excludes (the page itself, its own site). */
const EXCLUDED_ROOM = 24;

/** The `k` best of `items` by `better`, best first (one pass; insertion into a short sorted list). */
function topBy(items: readonly number[], k: number, better: (a: number, b: number) => boolean): number[] {
  const top: number[] = [];
  for (const x of items) {
    if (top.length >= k && !better(x, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && better(x, top[i - 1]!)) i--;
    top.splice(i, 0, x);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Binary search in a sorted array; -1 when absent. */
function indexOf(sorted: Uint32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function lookup(terms: Uint32Array, counts: Uint32Array, t: number): number {
  const i = indexOf(terms, t);
  return i < 0 ? 0 : counts[i]!;
}

function mergeCounts(terms: Uint32Array, counts: Uint32Array, delta: Map<number, number>): [Uint32Array, Uint32Array] {
  const all = new Map<number, number>();
  for (let i = 0; i < terms.length; i++) all.set(terms[i]!, counts[i]!);
  for (const [t, d] of delta) all.set(t, (all.get(t) ?? 0) + d);
  const kept = [...all].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  return [Uint32Array.from(kept, ([t]) => t), Uint32Array.from(kept, ([, c]) => c)];
}

function packPostings(posts: Map<number, number[]>): [Uint32Array, Uint32Array, Int32Array] {
  const terms = [...posts.keys()].sort((a, b) => a - b);
  const start = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    start[i] = total;
    total += posts.get(t)!.length;
  });
  start[terms.length] = total;
  const docs = new Int32Array(total);
  terms.forEach((t, i) => docs.set(posts.get(t)!, start[i]!));
  return [Uint32Array.from(terms), start, docs];
}
