import { isHttpUrl } from '../core/url.ts';
import type { ExtractedArticle } from './types.ts';

/**
 * The bounds of an article that leaves the page: the content script caps what it extracted
 * (`capArticle`) before sending it, and the background refuses a message beyond them. Its own module,
 * apart from src/library/page.ts (which fingerprints): the content script loads this and extraction,
 * never the fingerprint, the stemmer or the synonym table.
 */

/** Bounds on an article a page may send: a hostile or huge page cannot make the check do unbounded work. */
export const ARTICLE_LIMITS = {
  paragraphs: 800,
  paragraphChars: 8_000,
  totalChars: 300_000,
  links: 400,
  shortString: 2_000,
  declaredSources: 20,
} as const;

/**
 * Trims an extracted article to `ARTICLE_LIMITS`, so a huge page is still checked on its first part
 * instead of being refused.
 */
export function capArticle(article: ExtractedArticle): ExtractedArticle {
  const paragraphs: string[] = [];
  let total = 0;
  for (const p of article.paragraphs.slice(0, ARTICLE_LIMITS.paragraphs)) {
    const text = p.slice(0, ARTICLE_LIMITS.paragraphChars);
    if (total + text.length > ARTICLE_LIMITS.totalChars) break;
    paragraphs.push(text);
    total += text.length;
  }
  const short = (s: string | undefined) => (s === undefined ? undefined : s.slice(0, ARTICLE_LIMITS.shortString));
  return {
    ...article,
    title: short(article.title) ?? '',
    byline: short(article.byline),
    siteName: short(article.siteName),
    lang: short(article.lang),
    excerpt: short(article.excerpt),
    paragraphs,
    links: article.links
      .filter((l) => isHttpUrl(l.href))
      .slice(0, ARTICLE_LIMITS.links)
      .map((l) => ({ href: l.href, text: short(l.text) ?? '' })),
    declaredSources: article.declaredSources.filter((u) => isHttpUrl(u)).slice(0, ARTICLE_LIMITS.declaredSources),
    canonicalUrl: article.canonicalUrl && isHttpUrl(article.canonicalUrl) ? article.canonicalUrl : undefined,
    published: short(article.published),
  };
}
