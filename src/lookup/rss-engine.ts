import { parseFeed } from '../feeds/parse-feed.ts';
import { checkStatus, SearchError, type SearchEngine } from './engine.ts';
import { queryText } from './query.ts';

/**
 * A news search that answers with an RSS feed, such as Google News's
 * (`https://news.google.com/rss/search?q=…`): read with the feed parser Unspun already has. The date
 * range goes into the query as `after:`/`before:` (Google News's operators). An engine whose item
 * links are redirects (Google's are) leads to the article only if the redirect can be followed.
 */
export const rssSearchEngine: SearchEngine = {
  id: 'rss',
  name: 'RSS news search',
  defaultEndpoint: 'https://news.google.com/rss/search',
  minIntervalMs: 5_000,
  requestUrl(query, range, endpoint) {
    const u = new URL(endpoint);
    u.searchParams.set('q', `${queryText(query)} after:${day(range.from)} before:${day(new Date(range.to.getTime() + 86_400_000))}`);
    if (!u.searchParams.has('hl')) u.searchParams.set('hl', 'en-US');
    return u.href;
  },
  parse(answer, requestUrl) {
    const text = checkStatus(answer, 'The RSS search');
    const parsed = parseFeed(text, requestUrl, { maxItems: 100 });
    if (!parsed.ok) throw new SearchError('malformed', `The RSS search's answer could not be read: ${parsed.error}`);
    return parsed.feed.items.map((item) => ({
      url: item.link,
      title: item.title,
      domain: new URL(item.link).hostname,
      seen: item.published,
    }));
  },
};

const day = (d: Date) => d.toISOString().slice(0, 10);
