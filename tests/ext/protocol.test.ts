import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fingerprintSentences, fingerprintText } from '../../src/core/fingerprint.ts';
import { backgroundHandlers } from '../../src/ext/background-messages.ts';
import { offscreenHandlers } from '../../src/ext/html-extract.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { acceptMessage, dispatch, LIMITS, MESSAGE_TYPES, ROUTES, senderChannel, type CheckArticleMessage, type Sender } from '../../src/ext/protocol.ts';
import { articleIdFor } from '../../src/library/page.ts';
import { getSubscriptions } from '../../src/ext/feed-subscriptions.ts';
import { getSettings } from '../../src/ext/settings.ts';
import { libraryArticle, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';

const page = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const contentScript = (url = CNBC, tabId = 1): Sender => ({ id: browser.runtime.id, tab: { id: tabId }, url });

function checkMessage(url = CNBC): CheckArticleMessage {
  const paragraphs = seedText('original-cnbc').split(/\n+/).filter(Boolean);
  return { type: 'unspun/check-article', article: { url, title: 'title', paragraphs, links: [], declaredSources: [] } };
}

/** Every `'unspun/…'` string literal in the extension's code (src/ and entrypoints/) but the map itself: every message type sent anywhere. */
function typesInCode(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path === join(ROOT, 'src', 'ext', 'protocol.ts')) continue;
      else if (/\.(ts|mts|js|mjs)$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/'(unspun\/[a-z-]+)'/g)) found.add(m[1]!);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'entrypoints'));
  return found;
}

describe('one protocol: a map from every message type to its sender, receiver, request and reply', () => {
  it('each receiver handles exactly the types the map sends it, and together they handle every type', () => {
    const background = Object.keys(backgroundHandlers({ library: new LibraryService() })).sort();
    const offscreen = Object.keys(offscreenHandlers).sort();
    expect(background).toEqual(MESSAGE_TYPES.filter((t) => ROUTES[t].to === 'background').sort());
    expect(offscreen).toEqual(MESSAGE_TYPES.filter((t) => ROUTES[t].to === 'offscreen').sort());
    expect([...background, ...offscreen].sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  it('no message type is used in the code without being in the map (none inline), and every type in the map is sent somewhere', () => {
    const used = typesInCode();
    // The one message outside the map: the background's push of a tab's notice to its content script
    // (src/ext/notice-message.ts: no reply, no receiver to dispatch to; the content script checks it itself).
    expect(used.has('unspun/notice')).toBe(true);
    used.delete('unspun/notice');
    expect([...used].filter((t) => !MESSAGE_TYPES.includes(t as never))).toEqual([]);
    expect(MESSAGE_TYPES.filter((t) => !used.has(t))).toEqual([]);
    expect(used.has('unspun/library-reload')).toBe(false);
  });

  it('content scripts send to the background only their messages (the page read: as a snapshot, an article or no article, and that it is being read; its notice asking for the evidence); the rest come from the extension itself', () => {
    expect(MESSAGE_TYPES.filter((t) => ROUTES[t].from === 'content').sort()).toEqual([
      'unspun/check-article',
      'unspun/check-page',
      'unspun/not-article',
      'unspun/open-evidence',
      'unspun/reading-page',
    ]);
  });
});

describe('one sender check', () => {
  beforeEach(freshExtension);

  it("tells the extension's own pages from its content scripts, and hears no one else", () => {
    const self = ownExtension();
    expect(senderChannel(page(), self)).toBe('extension');
    expect(senderChannel({ ...page(), tab: { id: 4 } }, self)).toBe('extension'); // the options page in a tab
    expect(senderChannel(contentScript(), self)).toBe('content');
    expect(senderChannel({ id: 'another-extension', tab: { id: 1 }, url: CNBC }, self)).toBeNull();
    expect(senderChannel({ id: browser.runtime.id, url: CNBC }, self)).toBeNull(); // no tab, not an extension page
    expect(senderChannel({ id: browser.runtime.id, tab: { id: 1 } }, self)).toBeNull(); // a tab but no address
    expect(senderChannel({ url: browser.runtime.getURL('/options.html') }, self)).toBeNull(); // a web page has no extension id
  });

  it("a content script that sends a page's request (a spoofed sender type) is not heard: the library, settings and feeds stay as they were", async () => {
    const library = new LibraryService();
    await library.put(libraryArticle('a', CNBC, seedText('original-cnbc')));
    const handlers = backgroundHandlers({ library });
    const spoofed = [
      { type: 'unspun/library-clear' },
      { type: 'unspun/library-remove', id: 'a' },
      { type: 'unspun/library-list' },
      { type: 'unspun/settings-save', settings: { paused: true } },
      { type: 'unspun/feeds-enable', ids: ['bbc-top'], enabled: true },
      { type: 'unspun/pack-import', transfer: 't', part: 0, text: '', last: true },
      { type: 'unspun/lookup', tabId: 1 },
      { type: 'unspun/offscreen-extract', html: '<p>x</p>', url: CNBC },
    ];
    for (const msg of spoofed) {
      expect(acceptMessage(msg, contentScript(), ownExtension(), 'background'), msg.type).toBeNull();
      expect(dispatch('background', msg, contentScript(), ownExtension(), handlers), msg.type).toBeUndefined();
    }
    expect((await library.index()).size).toBe(1);
    expect((await getSettings()).paused).toBe(false);
    expect((await getSubscriptions()).some((s) => s.enabled)).toBe(false);
  });

  it("an extension page cannot send a content script's article, nor can the background be asked the offscreen document's work", () => {
    expect(acceptMessage(checkMessage(), page(), ownExtension(), 'background')).toBeNull();
    expect(acceptMessage({ type: 'unspun/offscreen-extract', html: '<p>x</p>', url: CNBC }, page(), ownExtension(), 'background')).toBeNull();
    expect(acceptMessage({ type: 'unspun/offscreen-extract', html: '<p>x</p>', url: CNBC }, page(), ownExtension(), 'offscreen')).not.toBeNull();
    expect(acceptMessage({ type: 'unspun/offscreen-extract', html: '<p>x</p>', url: CNBC }, contentScript(), ownExtension(), 'offscreen')).toBeNull();
  });

  it('a content script speaks only for the page it runs in', () => {
    expect(acceptMessage(checkMessage(), contentScript(), ownExtension(), 'background')).not.toBeNull();
    expect(acceptMessage(checkMessage(), contentScript(`${CNBC}#comments`), ownExtension(), 'background')).not.toBeNull();
    expect(acceptMessage(checkMessage(), contentScript('https://elsewhere.example/a'), ownExtension(), 'background')).toBeNull();
    expect(
      acceptMessage({ type: 'unspun/not-article', url: CNBC, reason: 'x' }, contentScript('https://elsewhere.example/a'), ownExtension(), 'background'),
    ).toBeNull();
  });
});

describe('one validator per shape', () => {
  beforeEach(freshExtension);

  it("a content script's message of the wrong shape is refused before any work, and nothing is stored", async () => {
    const library = new LibraryService();
    const handlers = backgroundHandlers({ library });
    const good = checkMessage();
    const article = good.article;
    const bad: unknown[] = [
      null,
      'unspun/check-article',
      [],
      { type: 'unspun/check-article' },
      { ...good, type: 'unspun/check-articles' },
      { ...good, article: [] },
      { ...good, article: 'the article' },
      { ...good, article: { ...article, url: 'javascript:alert(1)' } },
      { ...good, article: { ...article, url: 'https://user:secret@www.cnbc.com/a' } },
      { ...good, article: { ...article, title: undefined } },
      { ...good, article: { ...article, title: 't'.repeat(LIMITS.shortString + 1) } },
      { ...good, article: { ...article, paragraphs: 'one paragraph' } },
      { ...good, article: { ...article, paragraphs: [42] } },
      { ...good, article: { ...article, paragraphs: ['x'.repeat(LIMITS.paragraphChars + 1)] } },
      { ...good, article: { ...article, paragraphs: Array(LIMITS.paragraphs + 1).fill('A short paragraph.') } },
      { ...good, article: { ...article, paragraphs: Array(LIMITS.totalChars / 5_000 + 1).fill('x'.repeat(5_000)) } },
      { ...good, article: { ...article, links: [{ href: 'file:///etc/passwd', text: 'x' }] } },
      { ...good, article: { ...article, links: Array(LIMITS.links + 1).fill({ href: CNBC, text: 'x' }) } },
      { ...good, article: { ...article, links: [{ href: CNBC, text: 'x'.repeat(LIMITS.shortString + 1) }] } },
      { ...good, article: { ...article, declaredSources: ['ftp://wire.example/a'] } },
      { ...good, article: { ...article, declaredSources: Array(LIMITS.declaredSources + 1).fill(CNBC) } },
      { ...good, article: { ...article, canonicalUrl: 'javascript:alert(1)' } },
      { ...good, article: { ...article, byline: 42 } },
      { ...good, article: { ...article, published: 'p'.repeat(LIMITS.shortString + 1) } },
      { type: 'unspun/not-article', url: CNBC },
      { type: 'unspun/not-article', url: CNBC, reason: 'r'.repeat(3_000) },
    ];
    for (const msg of bad) expect(dispatch('background', msg, contentScript(), ownExtension(), handlers)).toBeUndefined();
    expect(await library.store.count()).toBe(0);
    // The same message, well-formed, is heard.
    await expect(dispatch('background', good, contentScript(), ownExtension(), handlers)).resolves.toMatchObject({ kind: 'none' });
    expect(await library.store.count()).toBe(1);
  });

  it('an article at its limits is heard', () => {
    const article = {
      ...checkMessage().article,
      paragraphs: Array(LIMITS.paragraphs).fill('x'.repeat(LIMITS.totalChars / LIMITS.paragraphs)),
      links: Array(LIMITS.links).fill({ href: CNBC, text: 'x'.repeat(LIMITS.shortString) }),
      declaredSources: Array(LIMITS.declaredSources).fill(CNBC),
      title: 't'.repeat(LIMITS.shortString),
    };
    expect(acceptMessage({ type: 'unspun/check-article', article }, contentScript(), ownExtension(), 'background')).not.toBeNull();
  });

  it('an article message is its article alone: sentences or a fingerprint sent with it are dropped, and the background fingerprints the article itself', async () => {
    const library = new LibraryService();
    const good = checkMessage();
    const madeUp = ['The mayor admitted in secret recordings that the bridge was never inspected.', 'Nobody was told.'];
    const forged = { ...good, sentences: madeUp, fingerprint: fingerprintSentences(madeUp), extra: 'dropped' };
    expect(acceptMessage(forged, contentScript(), ownExtension(), 'background')).toEqual(good);
    await expect(dispatch('background', forged, contentScript(), ownExtension(), backgroundHandlers({ library }))).resolves.toMatchObject({ kind: 'none' });
    const stored = await library.get(articleIdFor(CNBC));
    const own = fingerprintText(good.article.paragraphs.join('\n'));
    expect(stored?.sentences).toEqual(own.sentences);
    expect(stored?.fingerprint).toEqual(own.fingerprint);
  });

  it("an extension page's request of the wrong shape is refused", () => {
    const bad: unknown[] = [
      { type: 'unspun/library-remove' },
      { type: 'unspun/library-remove', id: 7 },
      { type: 'unspun/feeds-poll', ids: 'bbc-top' },
      { type: 'unspun/feeds-poll', ids: Array(501).fill('x') },
      { type: 'unspun/feeds-enable', ids: ['bbc-top'] },
      { type: 'unspun/lookup', tabId: -1 },
      { type: 'unspun/lookup', tabId: 1.5 },
      { type: 'unspun/settings-save', settings: { paused: 'yes' } },
      { type: 'unspun/settings-save', settings: { lookupEngine: 'bing' } },
      { type: 'unspun/settings-save', settings: { somethingElse: 1 } },
      { type: 'unspun/pack-import', transfer: 't', part: 0, text: 'x' },
      { type: 'unspun/pack-import', transfer: '', part: 0, text: 'x', last: true },
      { type: 'unspun/pack-import', transfer: 't', part: -1, text: 'x', last: true },
      { type: 'unspun/pack-export', part: 'first' },
      { type: 'unspun/library-reload' },
    ];
    for (const msg of bad) expect(acceptMessage(msg, page(), ownExtension(), 'background'), JSON.stringify(msg).slice(0, 80)).toBeNull();
  });

  it('a validated request is a fresh object of known fields only', () => {
    const req = acceptMessage({ type: 'unspun/library-remove', id: 'a', extra: 'dropped' }, page(), ownExtension(), 'background');
    expect(req).toEqual({ type: 'unspun/library-remove', id: 'a' });
    const settings = acceptMessage({ type: 'unspun/settings-save', settings: { paused: true } }, page(), ownExtension(), 'background');
    expect(settings).toEqual({ type: 'unspun/settings-save', settings: { paused: true } });
  });

  it('a handler that fails answers with the reason, not a broken promise', async () => {
    const library = new LibraryService();
    vi.spyOn(library, 'remove').mockRejectedValueOnce(new Error('the disk is on fire'));
    const reply = await dispatch('background', { type: 'unspun/library-remove', id: 'a' }, page(), ownExtension(), backgroundHandlers({ library }));
    expect(reply).toEqual({ ok: false, error: 'the disk is on fire' });
  });
});
