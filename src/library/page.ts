import { fingerprintText, type Fingerprint } from '../core/fingerprint.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import { isHttpUrl } from '../core/url.ts';
import type { ExtractedArticle } from '../extract/types.ts';
import type { PageToCheck } from './match.ts';
import type { Observation } from './provenance.ts';

/**
 * The one path from an extracted article to the page that is checked, the same for the extension
 * (its content script calls `readArticle`, its background `pageToCheck` on the message), the CLI
 * and the benchmarks (`toPageToCheck`, both in one step). Pure: no extension API.
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

/** An article as it is checked: capped (`capArticle`), split into sentences and fingerprinted. */
export interface ReadArticle {
  article: ExtractedArticle;
  sentences: string[];
  fingerprint: Fingerprint;
}

/** A page to check with its library id (`articleIdFor`). */
export interface PageWithId extends PageToCheck {
  id: string;
}

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

/** A read page's library id: its canonical URL when that is on its own site, else its URL. */
export function articleIdFor(url: string, canonicalUrl?: string): string {
  return normalizeUrl(canonicalUrl && siteOf(canonicalUrl) === siteOf(url) ? canonicalUrl : url);
}

/** An extracted article, capped, split into sentences and fingerprinted (what the content script sends). */
export function readArticle(extracted: ExtractedArticle): ReadArticle {
  const article = capArticle(extracted);
  const { sentences, fingerprint } = fingerprintText(article.paragraphs.join('\n'));
  return { article, sentences, fingerprint };
}

/** A read article as the page to check, with its library id. */
export function pageToCheck(read: ReadArticle, firstSeen: string, observations?: Observation[]): PageWithId {
  const { article, sentences, fingerprint } = read;
  return {
    id: articleIdFor(article.url, article.canonicalUrl),
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
    ...(observations ? { observations } : {}),
  };
}

/** An extracted article as the page to check, exactly as the extension checks it (`readArticle`, then `pageToCheck`). */
export function toPageToCheck(extracted: ExtractedArticle, firstSeen: string): PageWithId {
  return pageToCheck(readArticle(extracted), firstSeen);
}
