// @vitest-environment happy-dom
// Issue 13: a feed's error on the library page in the reader's language: the fixed part a message,
// the technical detail (a status, a parser's or the browser's words) its argument; English as the
// poller stored it where the browser has no messages or the text has no known shape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localizedRef, type MessageRef } from '../../src/core/messages.ts';
import { saveSubscriptions, type FeedSubscription } from '../../src/ext/feed-subscriptions.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { applyOutcome, NEW_FEED_STATE, type FetchOutcome } from '../../src/feeds/schedule.ts';
import { fetchText } from '../../src/net/fetch-text.ts';
import { feedErrorMessage, feedErrorText } from '../../src/ui/feed-error-text.ts';
import { useMessages } from '../../src/ui/i18n.ts';
import { sourcesSection } from '../../src/ui/sources-view.ts';
import { de, expectGerman, getMessageFrom } from '../locales.ts';
import { serveBackground } from './background-fixture.ts';

const FEED = 'https://feeds.example.org/rss.xml';
const german = getMessageFrom(de);

/** What a fetch that fails says, from fetchText itself (a redirect it may not follow, a body too large). */
async function fetchErrors(): Promise<string[]> {
  const response = (init: { url?: string; length?: string }) =>
    ({ url: init.url ?? '', status: 200, headers: new Headers(init.length ? { 'content-length': init.length } : {}), body: null }) as unknown as Response;
  const errors: string[] = [];
  const attempt = async (res: Response, canFetch?: (u: string) => boolean) => {
    await fetchText(FEED, { timeoutMs: 1000, maxBytes: 100 }, async () => res, canFetch).then(
      () => expect.unreachable(),
      (e: Error) => void errors.push(e.message),
    );
  };
  await attempt(response({ url: 'https://elsewhere.example.com/feed' }), (u) => u === FEED);
  await attempt(response({ length: '5000' }));
  return errors;
}

/** Every feed error the poller stores, each as src/feeds and src/net word it. */
async function storedErrors(): Promise<string[]> {
  const outcomes: FetchOutcome[] = [
    ...(await fetchErrors()).map((error): FetchOutcome => ({ kind: 'network-error', error })),
    { kind: 'network-error', error: 'no complete response within 20000 ms' },
    { kind: 'network-error', error: 'Failed to fetch' },
    { kind: 'response', status: 404, headers: {} },
    { kind: 'response', status: 503, headers: {} },
    { kind: 'response', status: 410, headers: {} },
  ];
  const bodies = [
    '',
    'x'.repeat(2_000_001),
    '<!doctype html><html><body>Not a feed</body></html>',
    'hello there',
    '<?xml version="1.0"?><catalog><book/></catalog>',
    '<?xml version="1.0"?><rss><channel><title>x</title></rss>',
    '<!DOCTYPE rss [<!ENTITY a "b">]><rss/>',
    '{"items": []}',
    '{"version": "https://jsonfeed.org/version/1.1", "items": 3}',
    '{"version": ',
  ];
  for (const body of bodies) {
    const parsed = parseFeed(body, FEED, { maxChars: 1_000_000 });
    expect(parsed.ok, body.slice(0, 40)).toBe(false);
    if (!parsed.ok) outcomes.push({ kind: 'response', status: 200, headers: {}, parseError: parsed.error });
  }
  const relative = parseFeed('<rss/>', 'feeds/rss.xml');
  if (!relative.ok) outcomes.push({ kind: 'response', status: 200, headers: {}, parseError: relative.error });
  return outcomes.map((o) => applyOutcome(NEW_FEED_STATE, o, Date.now()).lastError!);
}

describe('feed errors as messages', () => {
  afterEach(() => useMessages(undefined));

  it('has a message for every error the poller stores, whose English is the stored text word for word', async () => {
    const errors = await storedErrors();
    expect(errors).toHaveLength(18);
    // Those hard to bring about for real (a parser that throws, a body that is no string), as the code words them.
    const rare = [
      'the feed is not text',
      'the feed could not be read: Maximum call stack size exceeded',
      'a JSON Feed must be a JSON object',
      'no XML root element',
      'XML parser refused the feed: out of memory',
    ];
    for (const error of [...errors, ...rare]) {
      const message = feedErrorMessage(error);
      expect(message, error).toBeDefined();
      expect(localizedRef(message!), error).toBe(error);
      expect(feedErrorText(error)).toBe(error);
    }
    const keys = (m: MessageRef): string[] => [m.key, ...m.args.flatMap((a) => (typeof a === 'string' ? [] : keys(a)))];
    expect(new Set([...errors, ...rare].flatMap((e) => keys(feedErrorMessage(e)!))).size).toBe(22);
    expect(feedErrorText('something a newer Unspun says')).toBe('something a newer Unspun says');
  });

  it('says the fixed part in German, the detail as it came', async () => {
    useMessages(german);
    expect(feedErrorText('HTTP 404')).toBe('HTTP-Fehler 404');
    expect(feedErrorText('network error: Failed to fetch')).toBe('Netzwerkfehler: Failed to fetch');
    expect(feedErrorText('network error: feeds.example.org redirected to https://elsewhere.example.com, which Unspun has no permission to read')).toBe(
      'Netzwerkfehler: feeds.example.org leitete auf https://elsewhere.example.com um, das Unspun ohne Ihre Erlaubnis nicht lesen darf',
    );
    expect(feedErrorText('not well-formed XML: Unexpected close tag (line 1, column 52)')).toBe(
      'kein wohlgeformtes XML: Unexpected close tag (Zeile 1, Spalte 52)',
    );
    const ours = (await storedErrors()).filter((e) => !/Failed to fetch|Unexpected|Unterminated|JSON at position/.test(e));
    expectGerman(ours.map(feedErrorText).join('\n'));
  });
});

describe('the library page in German', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.request = vi.fn(async () => true) as never;
    serveBackground({ poll: async (ids) => ({ polled: ids, newItems: 0 }) });
  });
  afterEach(() => useMessages(undefined));

  it("shows each feed's error in German", async () => {
    const feed = (id: string, lastError: string): FeedSubscription => ({
      id,
      outlet: `Outlet ${id}`,
      url: `https://${id}.example.org/rss.xml`,
      enabled: true,
      custom: true,
      state: { ...NEW_FEED_STATE, lastFetch: Date.UTC(2025, 9, 22), errorCount: 1, lastError },
    });
    await saveSubscriptions([
      feed('a', 'HTTP 404'),
      feed('b', 'network error: response larger than 5242880 bytes'),
      feed('c', 'this is an HTML page, not a feed'),
    ]);
    useMessages(german);
    const root = await sourcesSection(browserUiHost(), () => {});
    const status = [...root.querySelectorAll('[data-role=feed-status]')].map((e) => e.textContent!);
    expect(status[0]).toMatch(/HTTP-Fehler 404$/);
    expect(status[1]).toMatch(/Netzwerkfehler: Antwort größer als 5242880 Byte$/);
    expect(status[2]).toMatch(/das ist eine HTML-Seite, kein Feed$/);
    expectGerman(status.join('\n'));
  });
});
