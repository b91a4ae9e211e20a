import type { Fingerprint } from '../core/fingerprint.ts';
import type { TermWeight } from '../core/similarity.ts';
import type { LibraryArticle } from './article.ts';
import { keyOf, RetrievalIndex, type ArticleKey } from './retrieval-index.ts';

export interface Candidate {
  article: LibraryArticle;
  /** Shared rare-term weight with the page. */
  score: number;
}

/** What a page check needs of a library: term weights, and the candidate originals of a page. */
export interface CandidateSource {
  readonly idf: TermWeight;
  /** `self`: the page's own library id, when the page may be in the library (see `RetrievalIndex.candidates`). */
  candidates(fingerprint: Pick<Fingerprint, 'terms' | 'sentences'>, limit: number, exclude: (a: ArticleKey) => boolean, self?: string): Candidate[];
}

/**
 * The library with its articles in memory (CLI, tests): a `RetrievalIndex` for candidates, and
 * the articles it returns. The extension keeps only the retrieval index in memory and reads the
 * candidates' fingerprints from IndexedDB (`LibraryService.candidatesFor`).
 *
 * MinHash LSH was a second channel: it found no original the rare terms missed on the corpus (eval
 * identical without it) and its buckets cost most of the memory at 100,000 articles. Fuzzy title
 * search (Fuse.js) was measured too and left out: it scans every title per query and found nothing
 * more, since a rewrite rewords its headline too; Fuse.js serves the library page's search.
 */
export class LibraryIndex implements CandidateSource {
  private readonly articles = new Map<string, LibraryArticle>();
  readonly retrieval: RetrievalIndex;

  constructor(maxPostingShare = 0.05) {
    this.retrieval = new RetrievalIndex(maxPostingShare);
  }

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
    this.articles.set(article.id, article);
    this.retrieval.add(article);
  }

  remove(id: string): void {
    if (!this.articles.delete(id)) return;
    this.retrieval.remove(id);
  }

  readonly idf: TermWeight = (term) => this.retrieval.idf(term);

  /** Candidates for a page (`RetrievalIndex.candidates`): the `limit` sharing the most rare-term weight, then those it pastes from. */
  candidates(fingerprint: Pick<Fingerprint, 'terms' | 'sentences'>, limit: number, exclude: (a: ArticleKey) => boolean, self?: string): Candidate[] {
    return this.retrieval.candidates(fingerprint, limit, exclude, self).map(({ key, score }) => ({ article: this.articles.get(key.id)!, score }));
  }
}

/** A page's candidates read ahead (from IndexedDB), served to a page check as a `CandidateSource`. */
export class PreparedCandidates implements CandidateSource {
  constructor(
    readonly idf: TermWeight,
    private readonly found: Candidate[],
  ) {}

  /** All those read ahead that `exclude` allows: retrieval bounded them already (`limit` and the pasted-from ones beyond it). */
  candidates(_fingerprint: Pick<Fingerprint, 'terms' | 'sentences'>, _limit: number, exclude: (a: ArticleKey) => boolean): Candidate[] {
    return this.found.filter((c) => !exclude(keyOf(c.article)));
  }
}
