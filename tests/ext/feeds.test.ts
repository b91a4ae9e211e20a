import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { pollFeeds } from '../../src/ext/feed-poller.ts';
import { addSubscription, getSubscriptions, updateSubscription } from '../../src/ext/feed-subscriptions.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import type { OriginalsDeps } from '../../src/ext/originals.ts';
import { storageEvents } from '../../src/ext/storage-events.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { feedItemToStub } from '../../src/library/feed-stub.ts';
import { IdbArticleStore } from '../../src/library/idb-store.ts';
import { SHARED } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';
const FEED = 'https://search.cnbc.com/rs/search/combinedcms/view.xml?partnerId=wrss01&id=100727362';

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>CNBC World</title><link>https://www.cnbc.com/world/</link>${items}</channel></rss>`;
const seedItem = `<item><title><![CDATA[Russia was smug about Trump-Putin talks. Now, Moscow's anxious]]></title><link>${CNBC}</link><pubDate>Wed, 22 Oct 2025 06:47:32 GMT</pubDate><description><![CDATA[<p>Russia scrambled on Wednesday to salvage the prospect of in-person talks between U.S. President Donald Trump and Russia's Vladimir Putin after they were unceremoniously put on hold.</p>]]></description></item>`;

const page = (id: string) => readFileSync(join(SHARED, 'corpus', 'pages', `${id}.html`), 'utf8');
const response = (status: number, body = '', headers: Record<string, string> = {}) => new Response(status === 304 ? null : body, { status, headers });

async function enabledFeed() {
  const sub = await addSubscription(FEED, 'CNBC');
  await updateSubscription(sub.id, (s) => ({ ...s, enabled: true }));
  return sub.id;
}

function rewriteMessage() {
  const r = extractArticle(parseHtmlDocument(page('seed-rewrite')), FARM);
  if (!r.ok) throw new Error(r.reason);
  return { type: 'unspun/check-article', article: r.article };
}

/** Node's stand-in for the browser's DOM extraction (linkedom instead of DOMParser). */
const nodeExtract: OriginalsDeps['extract'] = async (html, url) => extractArticle(parseHtmlDocument(html), url, { force: true, useLayout: false });

describe('feeds in the background', () => {
  let library: LibraryService;
  beforeEach(() => {
    freshExtension();
    library = new LibraryService();
  });

  it('polls an enabled feed, stores its items as stubs, and asks only for changes next time', async () => {
    const id = await enabledFeed();
    const fetcher = vi
      .fn()
      .mockResolvedValueOnce(response(200, rss(seedItem), { etag: '"v1"' }))
      .mockResolvedValueOnce(response(304));
    const first = await pollFeeds(library, new Date('2025-10-22T08:00:00Z'), { canFetch: async () => true, fetcher });
    expect(first).toEqual({ polled: [id], newItems: 1 });
    const stubId = 'https://cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
    expect((await library.index()).get(stubId)).toMatchObject({ stub: true, publishesOriginals: true });
    expect(await library.get(stubId)).toMatchObject({ stub: true, source: 'feed', siteName: 'CNBC', feedId: id });
    // Not due again before the interval; polled on request, conditionally.
    expect((await pollFeeds(library, new Date('2025-10-22T08:05:00Z'), { canFetch: async () => true, fetcher })).polled).toEqual([]);
    await pollFeeds(library, new Date('2025-10-22T08:05:00Z'), { canFetch: async () => true, fetcher }, [id]);
    expect(fetcher.mock.calls[1]![1].headers).toEqual({ 'If-None-Match': '"v1"' });
    expect(fetcher.mock.calls[1]![1].credentials).toBe('omit');
    expect((await getSubscriptions()).find((s) => s.id === id)?.state).toMatchObject({ lastStatus: 304, errorCount: 0 });
  });

  it('keeps a malformed or failing feed to itself: a clear error, nothing else changed', async () => {
    const id = await enabledFeed();
    const fetcher = vi.fn().mockResolvedValueOnce(response(200, '<rss><channel><item><title>broken'));
    await pollFeeds(library, new Date(), { canFetch: async () => true, fetcher });
    const state = (await getSubscriptions()).find((s) => s.id === id)!.state;
    expect(state.errorCount).toBe(1);
    expect(state.lastError).toBeTruthy();
    expect((await library.index()).size).toBe(0);
    // Without the host permission the feed is not fetched at all.
    const never = vi.fn();
    await pollFeeds(library, new Date(Date.now() + 86_400_000), { canFetch: async () => false, fetcher: never }, [id]);
    expect(never).not.toHaveBeenCalled();
  });

  it('fetches the original behind a matching feed item, then catches the rewrite (the seed, never read)', async () => {
    await enabledFeed();
    await pollFeeds(library, new Date('2025-10-22T08:00:00Z'), { canFetch: async () => true, fetcher: async () => response(200, rss(seedItem)) });
    const articleFetch = vi.fn(async () => response(200, page('seed-original')));
    const originals: OriginalsDeps = { canFetch: async () => true, extract: nodeExtract, fetcher: articleFetch };
    const verdict = await handleMessage(rewriteMessage(), { id: browser.runtime.id, tab: { id: 5 } as never, url: FARM }, library, undefined, originals);
    expect(verdict?.kind).toBe('uncredited-rewrite');
    expect(verdict?.original?.url).toBe(CNBC);
    expect(articleFetch).toHaveBeenCalledTimes(1);
    const stored = await new IdbArticleStore().get('https://cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html');
    expect(stored?.stub).toBeUndefined();
    expect(stored?.sentences.length).toBeGreaterThan(30);
  });

  it('does not fetch when the host was not granted, and says nothing it cannot show', async () => {
    await enabledFeed();
    await pollFeeds(library, new Date(), { canFetch: async () => true, fetcher: async () => response(200, rss(seedItem)) });
    const articleFetch = vi.fn();
    const verdict = await handleMessage(rewriteMessage(), { id: browser.runtime.id, tab: { id: 6 } as never, url: FARM }, library, undefined, {
      canFetch: async () => false,
      extract: nodeExtract,
      fetcher: articleFetch,
    });
    expect(articleFetch).not.toHaveBeenCalled();
    expect(verdict?.kind).toBe('none');
  });

  it('makes room by evicting the oldest feed items when storage is full, and tells the options page', async () => {
    await enabledFeed();
    const older = rss(seedItem.replace('Wed, 22 Oct 2025', 'Mon, 20 Oct 2025').replace(CNBC, 'https://www.cnbc.com/old.html'));
    await pollFeeds(library, new Date('2025-10-22T08:00:00Z'), { canFetch: async () => true, fetcher: async () => response(200, older) });
    const store = library.store;
    const putMany = store.putMany.bind(store);
    let failed = false;
    vi.spyOn(store, 'putMany').mockImplementation(async (articles) => {
      if (!failed) {
        failed = true;
        throw new DOMException('full', 'QuotaExceededError');
      }
      return putMany(articles);
    });
    const parsed = parseFeed(rss(seedItem), FEED, { outlet: 'CNBC' });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await library.addFeedStubs(parsed.feed.items.map((i) => feedItemToStub(i, 'x', new Date())))).toBe(1);
    expect((await new IdbArticleStore().all()).map((a) => a.url)).toEqual([CNBC]);
    expect(await storageEvents.getValue()).toMatchObject({ evicted: 1 });
  });
});

describe('a full storage while reading', () => {
  it('evicts feed items to keep the article being read', async () => {
    freshExtension();
    const library = new LibraryService();
    await enabledFeed();
    await pollFeeds(library, new Date(), { canFetch: async () => true, fetcher: async () => response(200, rss(seedItem)) });
    const put = library.store.put.bind(library.store);
    vi.spyOn(library.store, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError')).mockImplementation(put);
    const verdict = await handleMessage(rewriteMessage(), { id: browser.runtime.id, tab: { id: 8 } as never, url: FARM }, library);
    expect(verdict?.kind).toBe('none');
    expect(await storageEvents.getValue()).toMatchObject({ evicted: 1 });
    expect((await new IdbArticleStore().all()).map((a) => a.url)).toEqual([FARM]);
  });
});

describe('a feed item whose article cannot be fetched', () => {
  it('is not fetched again on every matching page', async () => {
    freshExtension();
    const library = new LibraryService();
    await enabledFeed();
    await pollFeeds(library, new Date(), { canFetch: async () => true, fetcher: async () => response(200, rss(seedItem)) });
    const articleFetch = vi.fn(async () => response(503));
    const originals: OriginalsDeps = { canFetch: async () => true, extract: nodeExtract, fetcher: articleFetch };
    for (const tabId of [11, 12]) {
      const verdict = await handleMessage(rewriteMessage(), { id: browser.runtime.id, tab: { id: tabId } as never, url: FARM }, library, undefined, originals);
      expect(verdict?.kind).toBe('none');
    }
    expect(articleFetch).toHaveBeenCalledTimes(1);
    // The item keeps its headline and summary.
    const stub = await new IdbArticleStore().get('https://cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html');
    expect(stub).toMatchObject({ stub: true });
    expect(stub?.fetchFailedAt).toBeTruthy();
    expect(stub?.sentences.length).toBeGreaterThan(0);
  });
});
