import { normalizeUrl, siteOf } from '../core/site.ts';
import type { Verdict } from '../core/verdict.ts';
import type { LibraryArticle } from '../library/article.ts';
import { checkPage, toRef, type PageToCheck } from '../library/match.ts';
import type { CheckArticleMessage } from './protocol.ts';
import type { LibraryService } from './library-service.ts';

/** A read page's library id: its canonical URL when that is on its own site, else its URL. */
export function articleIdFor(url: string, canonicalUrl?: string): string {
  return normalizeUrl(canonicalUrl && siteOf(canonicalUrl) === siteOf(url) ? canonicalUrl : url);
}

/**
 * Checks an article the reader opened against the library, then remembers it: the page joins
 * the library (as a candidate original unless it derives from another), and an original
 * learns of its new derivative.
 */
export async function checkReadArticle(msg: CheckArticleMessage, library: LibraryService, now: Date): Promise<Verdict> {
  const { article, sentences, fingerprint } = msg;
  const id = articleIdFor(article.url, article.canonicalUrl);
  const known = await library.get(id);
  const firstSeen = known?.firstSeen ?? now.toISOString();
  const page: PageToCheck = {
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    published: article.published,
    firstSeen,
    sentences,
    fingerprint,
    credit: {
      canonicalUrl: article.canonicalUrl,
      declaredSources: article.declaredSources,
      links: article.links,
      paragraphs: article.paragraphs,
    },
  };
  const index = await library.index();
  const { verdict, matched } = checkPage(page, index);
  const derived = verdict.kind === 'uncredited-rewrite' || verdict.kind === 'credited';
  const entry: LibraryArticle = {
    id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    site: siteOf(article.url),
    siteName: article.siteName,
    title: article.title,
    byline: article.byline,
    published: article.published,
    firstSeen,
    source: known?.source ?? 'read',
    sentences,
    fingerprint,
    derivatives: known?.derivatives,
    derivedFrom: derived ? matched?.id : undefined,
  };
  await library.put(entry);
  if (derived && matched) {
    await library.put({ ...matched, derivatives: [...new Set([...(matched.derivatives ?? []), id])] });
  }
  if (verdict.kind === 'none' && entry.derivatives?.length) return originalVerdict(entry, library);
  return verdict;
}

/** The page is an original that later pages were found to derive from. */
async function originalVerdict(entry: LibraryArticle, library: LibraryService): Promise<Verdict> {
  const derivatives = (await Promise.all((entry.derivatives ?? []).map((d) => library.get(d)))).filter(
    (a): a is LibraryArticle => !!a,
  );
  return { kind: 'original', score: 0, derivatives: derivatives.map(toRef) };
}
