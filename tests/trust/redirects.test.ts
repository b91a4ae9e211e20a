import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { pollFeeds } from '../../src/ext/feed-poller.ts';
import { addSubscription, getSubscriptions, updateSubscription } from '../../src/ext/feed-subscriptions.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { fetchOriginal, type OriginalsDeps } from '../../src/ext/originals.ts';
import type { LibraryArticle } from '../../src/library/article.ts';
import { fetchText, type Fetcher } from '../../src/net/fetch-text.ts';
import { freshExtension } from '../setup-extension.ts';

/**
 * Defect 11: redirects were followed after the host permission was checked for the first URL only,
 * so a permitted feed or article redirecting elsewhere was read. Now the final URL must be
 * permitted (and http or https). Redirects here are real (a local server) or faked by the response URL.
 */

const LIMITS = { timeoutMs: 5_000, maxBytes: 1_000_000 };
const FEED = 'https://feeds.permitted.example/rss';
const permitted = async (url: string) => new URL(url).hostname.endsWith('permitted.example');

/** A fetcher whose response came from `finalUrl` (as `fetch` reports after following redirects). */
function redirectingTo(finalUrl: string, body: string, contentType = 'text/html'): Fetcher & ReturnType<typeof vi.fn> {
  return vi.fn(async () => {
    const res = new Response(body, { status: 200, headers: { 'content-type': contentType } });
    Object.defineProperty(res, 'url', { value: finalUrl });
    return res;
  }) as never;
}

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Permitted</title><link>https://www.permitted.example/</link>
<item><title>Harbor bridge closed to freight</title><link>https://www.permitted.example/bridge</link><description>Port officials closed the bridge.</description></item></channel></rss>`;

describe('fetchText checks where a redirect ends', () => {
  it('refuses a redirect to a host it may not read, without reading the body', async () => {
    const fetcher = redirectingTo('https://evil.example/steal', 'secret');
    await expect(fetchText(FEED, LIMITS, fetcher, permitted)).rejects.toThrow(
      /feeds\.permitted\.example redirected to https:\/\/evil\.example, which Unspun has no permission to read/,
    );
  });

  it('follows a redirect to a permitted host', async () => {
    const res = await fetchText(FEED, LIMITS, redirectingTo('https://www.permitted.example/rss.xml', rss, 'application/rss+xml'), permitted);
    expect(res.text).toContain('Harbor bridge');
  });

  it('refuses a final URL that is not http(s), even when the predicate would let it through', async () => {
    await expect(fetchText(FEED, LIMITS, redirectingTo('file:///etc/passwd', 'x'), async () => true)).rejects.toThrow(/redirected to file:/);
  });

  it('takes a response without a URL (not from fetch itself) as coming from the URL asked for', async () => {
    const fetcher: Fetcher = async () => new Response('ok', { status: 200 });
    expect((await fetchText(FEED, LIMITS, fetcher, permitted)).text).toBe('ok');
    await expect(fetchText('https://evil.example/x', LIMITS, fetcher, permitted)).rejects.toThrow(/no permission/);
  });

  it('without a predicate (the CLI) follows redirects as before', async () => {
    expect((await fetchText(FEED, LIMITS, redirectingTo('https://evil.example/x', 'body'))).text).toBe('body');
  });
});

describe('real HTTP redirects (a local server)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const port = (server.address() as AddressInfo).port;
      if (req.url === '/to-other-host') res.writeHead(302, { location: `http://localhost:${port}/page` }).end();
      else if (req.url === '/to-same-host') res.writeHead(301, { location: `http://127.0.0.1:${port}/page` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('the page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const only127 = (url: string) => new URL(url).hostname === '127.0.0.1';

  it('refuses a redirect to another host', async () => {
    await expect(fetchText(`${base}/to-other-host`, LIMITS, fetch, only127)).rejects.toThrow(
      /redirected to http:\/\/localhost:\d+, which Unspun has no permission to read/,
    );
  });

  it('follows a redirect to a permitted host', async () => {
    expect((await fetchText(`${base}/to-same-host`, LIMITS, fetch, only127)).text).toBe('the page');
  });
});

describe('the feed poller and the original fetcher pass the permission check on', () => {
  beforeEach(freshExtension);

  it('a permitted feed redirecting elsewhere is an error of that feed, and nothing is stored', async () => {
    const library = new LibraryService();
    const sub = await addSubscription(FEED, 'Permitted');
    await updateSubscription(sub.id, (s) => ({ ...s, enabled: true }));
    const report = await pollFeeds(library, new Date('2025-03-01T00:00:00Z'), {
      canFetch: permitted,
      fetcher: redirectingTo('https://evil.example/rss', rss, 'application/rss+xml'),
    });
    expect(report.newItems).toBe(0);
    expect((await getSubscriptions()).find((s) => s.id === sub.id)?.state.lastError).toMatch(/redirected to https:\/\/evil\.example/);
    expect(await library.store.count()).toBe(0);
  });

  it('a permitted feed redirecting to a permitted host is read', async () => {
    const library = new LibraryService();
    const sub = await addSubscription(FEED, 'Permitted');
    await updateSubscription(sub.id, (s) => ({ ...s, enabled: true }));
    const report = await pollFeeds(library, new Date('2025-03-01T00:00:00Z'), {
      canFetch: permitted,
      fetcher: redirectingTo('https://www.permitted.example/rss.xml', rss, 'application/rss+xml'),
    });
    expect(report.newItems).toBe(1);
  });

  it("a feed item's article redirecting elsewhere is not read", async () => {
    const extract = vi.fn<OriginalsDeps['extract']>(async (html, url) => extractArticle(parseHtmlDocument(html), url, { force: true, useLayout: false }));
    const stub: LibraryArticle = {
      id: 'https://www.permitted.example/bridge',
      url: 'https://www.permitted.example/bridge',
      site: 'permitted.example',
      title: 'Harbor bridge',
      firstSeen: '2025-03-01T00:00:00Z',
      source: 'feed',
      sentences: [],
      fingerprint: { version: 0, sentences: [], terms: [], minhash: [] },
      stub: true,
    };
    const page = `<html><body><article>${'<p>Port officials closed the Harbor Street bridge to freight traffic after inspectors found cracks in two girders.</p>'.repeat(6)}</article></body></html>`;
    await expect(fetchOriginal(stub, { canFetch: permitted, extract, fetcher: redirectingTo('https://evil.example/bridge', page) })).rejects.toThrow(
      /no permission/,
    );
    expect(extract).not.toHaveBeenCalled();
    const full = await fetchOriginal(stub, { canFetch: permitted, extract, fetcher: redirectingTo('https://permitted.example/bridge/', page) });
    expect(full?.sentences.length).toBeGreaterThan(0);
  });
});
