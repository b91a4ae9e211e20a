import type { LibraryArticle } from './article.ts';

export interface Candidate {
  article: LibraryArticle;
  /** Summed weight of the rare terms it shares with the query. */
  score: number;
}

/**
 * In-memory index of the library: document frequencies for term weights and an
 * inverted index over terms for candidate retrieval. Terms carried by more than
 * `maxPostingShare` of the library are too common to retrieve by and are not posted.
 */
export class LibraryIndex {
  private readonly articles = new Map<string, LibraryArticle>();
  private readonly df = new Map<number, number>();
  private readonly postings = new Map<number, Set<string>>();

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
    for (const t of article.fingerprint.terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Set()));
      list.add(article.id);
    }
  }

  remove(id: string): void {
    const a = this.articles.get(id);
    if (!a) return;
    this.articles.delete(id);
    for (const t of a.fingerprint.terms) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
      this.postings.get(t)?.delete(id);
    }
  }

  /** Inverse document frequency, smoothed so a small library still weighs terms sensibly. */
  readonly idf = (term: number): number => Math.log((this.articles.size + 10) / ((this.df.get(term) ?? 0) + 1));

  /** The `limit` articles sharing the most rare-term weight with `terms`, best first. */
  candidates(terms: readonly number[], limit: number, exclude: (a: LibraryArticle) => boolean): Candidate[] {
    const maxDf = Math.max(20, this.articles.size * this.maxPostingShare);
    const scores = new Map<string, number>();
    for (const t of terms) {
      const list = this.postings.get(t);
      if (!list || list.size > maxDf) continue;
      const w = this.idf(t);
      for (const id of list) scores.set(id, (scores.get(id) ?? 0) + w);
    }
    const ranked: Candidate[] = [];
    for (const [id, score] of scores) {
      const article = this.articles.get(id)!;
      if (!exclude(article)) ranked.push({ article, score });
    }
    ranked.sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
    return ranked.slice(0, limit);
  }
}
