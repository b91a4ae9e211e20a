import { fingerprintText } from '../core/fingerprint.ts';
import { siteOf } from '../core/site.ts';
import type { ExtractedArticle } from '../extract/types.ts';
import type { ArticleSource, LibraryArticle } from './article.ts';

/** An extracted article as a library entry (fingerprinted, with its site). */
export function toLibraryArticle(ex: ExtractedArticle, meta: { id: string; source: ArticleSource; firstSeen: string; published?: string }): LibraryArticle {
  const { sentences, fingerprint } = fingerprintText(ex.paragraphs.join('\n'));
  return {
    id: meta.id,
    url: ex.url,
    canonicalUrl: ex.canonicalUrl,
    site: siteOf(ex.url),
    siteName: ex.siteName,
    title: ex.title,
    byline: ex.byline,
    published: ex.published ?? meta.published,
    firstSeen: meta.firstSeen,
    source: meta.source,
    sentences,
    fingerprint,
  };
}
