import { fingerprintText } from '../core/fingerprint.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import type { FeedItem } from '../feeds/types.ts';
import type { LibraryArticle } from './article.ts';

/**
 * A feed item as a library stub: headline and summary fingerprinted like any article, so the
 * usual candidate retrieval finds it; the full article is fetched only when a page matches it.
 */
export function feedItemToStub(item: FeedItem, feedId: string, now: Date): LibraryArticle {
  const { sentences, fingerprint } = fingerprintText([item.title, item.summary].filter(Boolean).join('\n'));
  return {
    id: normalizeUrl(item.link),
    url: item.link,
    site: siteOf(item.link),
    siteName: item.outlet,
    title: item.title,
    published: item.published,
    firstSeen: now.toISOString(),
    source: 'feed',
    sentences,
    fingerprint,
    stub: true,
    feedId,
  };
}
