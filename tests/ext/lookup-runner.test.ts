import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import type { OriginalsDeps } from '../../src/ext/originals.ts';
import type { CheckArticleMessage } from '../../src/ext/protocol.ts';
import { saveSettings } from '../../src/ext/settings.ts';
import { getTabVerdict, type TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { startLookup } from '../../src/ext/lookup-runner.ts';
import { libraryArticle } from '../helpers.ts';
import { articleHtml, cnbcArticle, rewriteArticle } from '../lookup/seed-articles.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';
const ENDPOINT = 'http://search.test/api/v2/doc/doc';

function message(url: string, a: { title: string; paragraphs: string[] }, published: string): CheckArticleMessage {
  return { type: 'unspun/check-article', article: { url, title: a.title, paragraphs: a.paragraphs, links: [], declaredSources: [], published } };
}

const fromTab = (id: number, url: string) => ({ id: browser.runtime.id, tab: { id } as never, url });

/** A fake network: GDELT answers with CNBC's article for any query in range; CNBC serves it. */
function fakeNetwork() {
  const requests: string[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(url);
    expect(init?.credentials).toBe('omit');
    if (url.startsWith(ENDPOINT)) {
      const body = {
        articles: [{ url: CNBC, title: 'Russia was smug about Trump-Putin talks. Now, Moscow anxious', seendate: '20251022T064500Z', domain: 'cnbc.com' }],
      };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }
    if (url === CNBC) return new Response(articleHtml(cnbcArticle(), 'CNBC', '2025-10-22T06:47:32Z'), { headers: { 'content-type': 'text/html' } });
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { requests, fetcher };
}

function originals(fetcher: typeof fetch, canFetch = async () => true): OriginalsDeps {
  return { canFetch, fetcher, extract: async (html, url) => extractArticle(parseHtmlDocument(html), url, { force: true }) };
}

/** Runs the worker's timers (GDELT's 5 s between searches) until the tab's lookup is done. */
async function lookupDone(tabId: number): Promise<TabVerdict> {
  for (let i = 0; i < 100; i++) {
    const state = await getTabVerdict(tabId);
    if (state?.lookup?.phase === 'done') return state;
    await vi.advanceTimersByTimeAsync(1000);
  }
  throw new Error(`no finished lookup on tab ${tabId}: ${JSON.stringify((await getTabVerdict(tabId))?.lookup)}`);
}

describe('lookup in the background', () => {
  let library: LibraryService;
  beforeEach(() => {
    freshExtension();
    library = new LibraryService();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: new Date('2025-10-23T09:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('does nothing on its own while lookup is off', async () => {
    const net = fakeNetwork();
    const verdict = await handleMessage(message(FARM, rewriteArticle(), '2025-10-22T15:10:00Z'), fromTab(1, FARM), library, undefined, originals(net.fetcher));
    expect(verdict?.kind).toBe('none');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(net.requests).toEqual([]);
    expect((await getTabVerdict(1))?.lookup).toBeUndefined();
  });

  it('turned on, finds the original of a page no known article explains, flags it, and looks up a page once', async () => {
    await saveSettings({ lookupEnabled: true, lookupEndpoint: ENDPOINT });
    const net = fakeNetwork();
    const msg = message(FARM, rewriteArticle(), '2025-10-22T15:10:00Z');
    const first = await handleMessage(msg, fromTab(1, FARM), library, undefined, originals(net.fetcher));
    expect(first?.kind).toBe('none');
    const state = await lookupDone(1);
    expect(state.verdict.kind).toBe('uncredited-rewrite');
    expect(state.verdict.original?.url).toBe(CNBC);
    expect(state.lookup).toMatchObject({ outcome: 'found-uncredited', engine: 'gdelt', automatic: true });
    expect(state.lookup?.candidates).toEqual([expect.objectContaining({ url: CNBC, result: 'source' })]);
    const stored = (await library.store.all()).find((a) => a.url === CNBC);
    expect(stored).toMatchObject({ source: 'lookup', siteName: 'CNBC' });
    expect(stored?.observations).toContainEqual({ at: '2025-10-22T06:45:00.000Z', by: 'index', name: 'GDELT' });
    // Searches went to the chosen endpoint, at least 5 s apart, and carried only search terms.
    const searches = net.requests.filter((u) => u.startsWith(ENDPOINT));
    expect(searches.length).toBeGreaterThan(0);
    for (const s of searches) expect(s).not.toContain('buyersinsight');
    expect(net.requests.filter((u) => u === CNBC)).toHaveLength(1);

    // The same page read again is caught from the library; no second search.
    const before = net.requests.length;
    const again = await handleMessage(msg, fromTab(2, FARM), library, undefined, originals(net.fetcher));
    expect(again?.kind).toBe('uncredited-rewrite');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(net.requests.length).toBe(before);
  });

  it('does not look up on its own on a site whose articles were found to be copied', async () => {
    await saveSettings({ lookupEnabled: true, lookupEndpoint: ENDPOINT });
    const net = fakeNetwork();
    await library.put({ ...libraryArticle('cnbc-old', 'https://www.cnbc.com/old', 'An old story.'), derivatives: ['x'] });
    await handleMessage(
      message('https://www.cnbc.com/2025/10/23/other.html', cnbcArticle(), '2025-10-23T06:00:00Z'),
      fromTab(3, 'https://www.cnbc.com/2025/10/23/other.html'),
      library,
      undefined,
      originals(net.fetcher),
    );
    await vi.advanceTimersByTimeAsync(30_000);
    expect(net.requests).toEqual([]);
  });

  it("refuses the popup's request without the permission to reach the engine, and sends nothing", async () => {
    await saveSettings({ lookupEndpoint: ENDPOINT });
    const net = fakeNetwork();
    const deps = originals(net.fetcher, async () => false);
    await handleMessage(message(FARM, rewriteArticle(), '2025-10-22T15:10:00Z'), fromTab(4, FARM), library, undefined, deps);
    const reply = await startLookup(4, library, deps);
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/permission/);
    expect(net.requests).toEqual([]);
  });
});
