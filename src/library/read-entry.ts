import { siteOf } from '../core/site.ts';
import { originalVerdict, type Verdict } from '../core/verdict.ts';
import type { LibraryArticle } from './article.ts';
import { toRef } from './match.ts';
import type { PageWithId, ReadArticle } from './page.ts';

/**
 * The library's bookkeeping when the reader opens an article: the page joins the library (as a
 * candidate original unless it derives from another), and the original it derives from learns of
 * its new derivative. Pure: the caller reads and writes the store.
 */

/** What a read page changes in the library: its own entry, and the original it derives from, if any. */
export interface ReadEntries {
  entry: LibraryArticle;
  /** The original the page derives from, with the page added to its derivatives. */
  original?: LibraryArticle;
}

/**
 * The library entries a read page leads to. `known` is the page's entry from an earlier read (it
 * keeps its source and derivatives); `matched` the library article the verdict is about.
 */
export function readEntries(
  read: ReadArticle,
  page: PageWithId,
  known: LibraryArticle | undefined,
  verdict: Verdict,
  matched: LibraryArticle | undefined,
): ReadEntries {
  const { article, sentences, fingerprint } = read;
  const derivedFrom = verdict.kind === 'uncredited-rewrite' || verdict.kind === 'credited' ? matched : undefined;
  const entry: LibraryArticle = {
    id: page.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    site: siteOf(article.url),
    siteName: article.siteName,
    title: article.title,
    byline: article.byline,
    published: article.published,
    firstSeen: page.firstSeen,
    source: known?.source ?? 'read',
    sentences,
    fingerprint,
    derivatives: known?.derivatives,
    derivedFrom: derivedFrom?.id,
    observations: page.observations,
  };
  if (!derivedFrom) return { entry };
  return { entry, original: { ...derivedFrom, derivatives: [...new Set([...(derivedFrom.derivatives ?? []), page.id])] } };
}

/**
 * The verdict the reader is told: a page that nothing explains but that later copies were found to
 * derive from is their original. `derivatives` are the entry's derivatives the library still holds.
 */
export function verdictForRead(verdict: Verdict, entry: LibraryArticle, derivatives: LibraryArticle[]): Verdict {
  // Only copies still in the library are named: with none left, there is nothing to show the reader.
  if (verdict.kind === 'none' && entry.derivatives?.length && derivatives.length) return originalVerdict(derivatives.map(toRef));
  return verdict;
}
