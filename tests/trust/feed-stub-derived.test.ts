import { beforeEach, describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/core/site.ts';
import { checkReadArticle } from '../../src/ext/check-article.ts';
import { pollFeeds } from '../../src/ext/feed-poller.ts';
import { addSubscription, updateSubscription } from '../../src/ext/feed-subscriptions.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { feedItemToStub } from '../../src/library/feed-stub.ts';
import { readArticle, type ReadArticle } from '../../src/library/page.ts';
import { freshExtension } from '../setup-extension.ts';

/**
 * Defect 7: a feed item whose link is an article already read and found to derive from another
 * was stored over it as a stub: `derivedFrom` was lost and the copy became a candidate original.
 * Built in code: an original, its verbatim copy read and flagged, then a feed listing the copy.
 */

const ORIGINAL = 'https://www.cnbc.com/2025/03/04/harbor-bridge.html';
const COPY = 'https://www.dailytrendwire.net/harbor-bridge/';
const FEED = 'https://www.dailytrendwire.net/feed/';
const STORY = [
  'Port officials closed the Harbor Street bridge to freight traffic on Tuesday after inspectors found cracks in two of its steel girders.',
  'The 61-year-old bridge carries about 14,000 vehicles on a typical weekday, roughly a fifth of them heavy trucks bound for the container terminals.',
  'Inspectors from the state transportation department discovered the damage during a routine review last week and recommended an immediate weight limit.',
  'Terminal operators said the detour adds between 40 and 70 minutes to each round trip, and warned that holiday shipping schedules could slip.',
  'Mayor Teresa Okafor called the closure a painful but necessary step and promised that repair crews would begin work within a month.',
  'Engineers estimate that replacing the damaged girders will cost about $18 million and take at least nine months to complete.',
].join('\n');

/** The article a content script sends, as the background reads it. */
function message(url: string, published: string): ReadArticle {
  return readArticle({
    url,
    title: 'Harbor bridge closed',
    paragraphs: STORY.split('\n'),
    links: [],
    declaredSources: [],
    siteName: url === ORIGINAL ? 'CNBC' : 'Trendwire',
    published,
  });
}

const rss = (link: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Trendwire</title><link>https://www.dailytrendwire.net/</link>` +
  `<item><title>Harbor bridge closed to freight</title><link>${link}</link><pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate>` +
  `<description>Port officials closed the Harbor Street bridge to freight traffic after inspectors found cracks.</description></item></channel></rss>`;

describe('a feed item never replaces an article found to be derived', () => {
  let library: LibraryService;
  beforeEach(async () => {
    freshExtension();
    library = new LibraryService();
    await checkReadArticle(message(ORIGINAL, '2025-03-04T08:00:00Z'), library, new Date('2025-03-04T09:00:00Z'));
    const verdict = await checkReadArticle(message(COPY, '2025-03-05T08:00:00Z'), library, new Date('2025-03-05T09:00:00Z'));
    expect(verdict.kind).toBe('uncredited-rewrite');
  });

  const copyId = normalizeUrl(COPY);

  async function expectCopyStillDerived() {
    const stored = await library.get(copyId);
    expect(stored?.derivedFrom).toBe(normalizeUrl(ORIGINAL));
    expect(stored?.stub).toBeUndefined();
    expect(stored?.source).toBe('read');
    expect(stored?.sentences.length).toBeGreaterThan(3);
    // Not a candidate original: a fresh service (a restarted worker) and the live index both leave it out.
    expect((await library.index()).get(copyId)).toBeUndefined();
    library.reload();
    expect((await library.index()).get(copyId)).toBeUndefined();
  }

  it('addFeedStubs skips the stored derived article', async () => {
    const stub = feedItemToStub(
      { title: 'Harbor bridge closed', link: COPY, outlet: 'Trendwire', summary: 'Port officials closed the bridge.' },
      'trendwire',
      new Date('2025-03-06T00:00:00Z'),
    );
    expect(await library.addFeedStubs([stub])).toBe(0);
    await expectCopyStillDerived();
  });

  it('polling a feed that lists the copy keeps it derived, and a page re-reading the original still gets the copy as a derivative', async () => {
    const sub = await addSubscription(FEED, 'Trendwire');
    await updateSubscription(sub.id, (s) => ({ ...s, enabled: true }));
    const report = await pollFeeds(library, new Date('2025-03-06T00:00:00Z'), {
      canFetch: async () => true,
      fetcher: async () => new Response(rss(COPY), { status: 200 }),
    });
    expect(report.newItems).toBe(0);
    await expectCopyStillDerived();
    // A third site copying the same story is matched to the original, never to the copy.
    const third = await checkReadArticle(message('https://www.newsloop.example/bridge', '2025-03-06T08:00:00Z'), library, new Date('2025-03-06T09:00:00Z'));
    expect(third.original?.url).toBe(ORIGINAL);
  });

  it('still stores a new item, once even when the feed lists it twice', async () => {
    const make = (link: string) =>
      feedItemToStub({ title: 'Other story', link, outlet: 'Trendwire', summary: 'Something else happened.' }, 'trendwire', new Date('2025-03-06T00:00:00Z'));
    expect(await library.addFeedStubs([make('https://www.dailytrendwire.net/other/'), make('https://www.dailytrendwire.net/other/')])).toBe(1);
  });
});
