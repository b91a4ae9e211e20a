import type { Fingerprint } from '../core/fingerprint.ts';
import { bandKeys, optimalLshParams, type LshParams } from '../core/lsh.ts';
import { DEFAULT_MINHASH, estimateJaccard } from '../core/minhash.ts';
import type { LibraryArticle } from './article.ts';
import { priorShare } from '../core/term-prior.ts';

export interface Candidate {
  article: LibraryArticle;
  /** Which channel found it first. */
  channel: 'rare-terms' | 'lsh';
  /** Channel score: shared rare-term weight, or estimated Jaccard. */
  score: number;
}

/**
 * LSH banding for MinHash over article terms. Rewrites share ≥ 0.3–0.5 of their terms with the
 * original (corpus medians 0.43–0.96) and unrelated news ≈ 0.1, so 0.4 is the target: unrelated
 * pairs collide with probability 0.003, pairs at 0.5 with 0.87 (see bench/README.md).
 */
/** Rarest page terms used for retrieval: enough to find a rewrite, bounded work on a huge library. */
const QUERY_TERMS = 80;
/** Longest posting list walked per term, whatever the library size. */
const MAX_POSTING = 2000;

/** Weight of the general-English prior, in documents. */
const PRIOR_DOCS = 5000;

export const LSH: LshParams = optimalLshParams(0.4, DEFAULT_MINHASH.numPerm);

/**
 * In-memory index of the library, with two candidate channels: an inverted index over rare terms
 * (IDF-weighted) and MinHash LSH buckets. Terms carried by more than `maxPostingShare` of the
 * library are too common to retrieve by and are not posted.
 *
 * Fuzzy title search (Fuse.js) was measured as a third channel and left out: it scans every title
 * per query (p50 page check 15 → 119 ms at 2,180 articles) and found no original the other two
 * missed, since a rewrite rewords its headline too. Fuse.js serves the library page's search.
 */
export class LibraryIndex {
  private readonly articles = new Map<string, LibraryArticle>();
  /** Internal document numbers: postings hold numbers, not ids (a 100,000-article library is ~10× leaner). */
  private readonly docs: (LibraryArticle | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly df = new Map<number, number>();
  /** term → document numbers; removed documents stay until `compact` (their number maps to undefined). */
  private readonly postings = new Map<number, number[]>();
  private readonly buckets = new Map<string, number[]>();
  private stale = 0;

  constructor(private readonly maxPostingShare = 0.05) {}

  get size(): number {
    return this.articles.size;
  }

  get(id: string): LibraryArticle | undefined {
    return this.articles.get(id);
  }

  all(): IterableIterator<LibraryArticle> {
    return this.articles.values();
  }

  add(article: LibraryArticle): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.articles.set(article.id, article);
    const n = this.docs.push(article) - 1;
    this.numberOf.set(article.id, n);
    for (const t of article.fingerprint.terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      pushTo(this.postings, t, n);
    }
    for (const key of bandKeys(article.fingerprint.minhash, LSH)) pushTo(this.buckets, key, n);
  }

  remove(id: string): void {
    const a = this.articles.get(id);
    if (!a) return;
    this.articles.delete(id);
    this.docs[this.numberOf.get(id)!] = undefined;
    this.numberOf.delete(id);
    for (const t of a.fingerprint.terms) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
    if (++this.stale > Math.max(1000, this.articles.size)) this.compact();
  }

  /** Rebuilds postings and buckets without removed documents. */
  private compact(): void {
    const live = [...this.articles.values()];
    this.docs.length = 0;
    this.numberOf.clear();
    this.df.clear();
    this.postings.clear();
    this.buckets.clear();
    this.articles.clear();
    this.stale = 0;
    for (const a of live) this.add(a);
  }

  /**
   * Inverse document frequency with a prior: PRIOR_DOCS documents of general English (term shares from
   * `term-prior.ts`) stand beside the library's own. A small library (a fresh install, one looked-up
   * article) still tells "said" from "Denicola"; a large one is weighed by its own counts.
   */
  readonly idf = (term: number): number => Math.log((this.articles.size + PRIOR_DOCS) / ((this.df.get(term) ?? 0) + PRIOR_DOCS * priorShare(term) + 1));

  /**
   * Candidates for a page, best first: the `limit` articles sharing the most rare-term weight,
   * then up to `limit / 2` more from LSH buckets, by estimated Jaccard.
   */
  candidates(fingerprint: Pick<Fingerprint, 'terms' | 'minhash'>, limit: number, exclude: (a: LibraryArticle) => boolean): Candidate[] {
    const out = new Map<string, Candidate>();
    for (const c of this.byRareTerms(fingerprint.terms, limit, exclude)) out.set(c.article.id, c);
    for (const c of this.byLsh(fingerprint.minhash, exclude, Math.max(1, limit >> 1))) {
      if (!out.has(c.article.id)) out.set(c.article.id, c);
    }
    return [...out.values()];
  }

  private byRareTerms(terms: readonly number[], limit: number, exclude: (a: LibraryArticle) => boolean): Candidate[] {
    const maxDf = Math.min(MAX_POSTING, Math.max(20, this.articles.size * this.maxPostingShare));
    const rarest = terms
      .filter((t) => (this.df.get(t) ?? 0) > 0 && this.df.get(t)! <= maxDf)
      .sort((a, b) => this.df.get(a)! - this.df.get(b)! || a - b)
      .slice(0, QUERY_TERMS);
    const scores = new Map<number, number>();
    for (const t of rarest) {
      const w = this.idf(t);
      for (const n of this.postings.get(t)!) if (this.docs[n]) scores.set(n, (scores.get(n) ?? 0) + w);
    }
    return this.top(scores, limit, exclude, 'rare-terms');
  }

  private byLsh(signature: readonly number[], exclude: (a: LibraryArticle) => boolean, limit: number): Candidate[] {
    const scores = new Map<number, number>();
    for (const key of bandKeys(signature, LSH)) {
      for (const n of this.buckets.get(key) ?? []) {
        const doc = this.docs[n];
        if (doc && !scores.has(n)) scores.set(n, estimateJaccard(signature, doc.fingerprint.minhash));
      }
    }
    return this.top(scores, limit, exclude, 'lsh');
  }

  private top(scores: Map<number, number>, limit: number, exclude: (a: LibraryArticle) => boolean, channel: Candidate['channel']) {
    const ranked = [...scores].map(([n, score]) => ({ article: this.docs[n]!, score }));
    ranked.sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
    const out: Candidate[] = [];
    for (const { article, score } of ranked) {
      if (exclude(article)) continue;
      out.push({ article, channel, score });
      if (out.length >= limit) break;
    }
    return out;
  }
}

function pushTo<K>(map: Map<K, number[]>, key: K, n: number): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}
