import { fingerprintText, type Fingerprint } from '../core/fingerprint.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import { capArticle } from '../extract/cap-article.ts';
import type { ExtractedArticle } from '../extract/types.ts';
import type { PageToCheck } from './match.ts';
import type { Observation } from './provenance.ts';

/**
 * The one path from an extracted article to the page that is checked, the same for the extension
 * (its content script caps the article it extracted and sends it; its background calls
 * `readArticle` on the message's article, then `pageToCheck`), the CLI and the benchmarks
 * (`toPageToCheck`, both in one step). Pure: no extension API.
 */

export { ARTICLE_LIMITS, capArticle } from '../extract/cap-article.ts';

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

/** A read page's library id: its canonical URL when that is on its own site, else its URL. */
export function articleIdFor(url: string, canonicalUrl?: string): string {
  return normalizeUrl(canonicalUrl && siteOf(canonicalUrl) === siteOf(url) ? canonicalUrl : url);
}

/**
 * An extracted article, capped, split into sentences and fingerprinted: what the background makes of
 * the article a content script sent (capping again is a no-op on it), and what the CLI checks.
 */
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
