// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Verdict } from '../../src/core/verdict.ts';
import { alertIcon, ICON_SIZES, setBadge } from '../../src/ext/badge.ts';
import { SETTINGS_KEY } from '../../src/ext/content-settings.ts';
import { NOTICE_TAG, watchNotice } from '../../src/ext/notice.ts';
import { openEvidence, pushNotices, type NoticeApi } from '../../src/ext/notice-background.ts';
import { NOTICE_NAME_CHARS, noticeMessage, parseNoticeMessage, type NoticeMessage } from '../../src/ext/notice-message.ts';
import { acceptMessage } from '../../src/ext/protocol.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/ext/settings-schema.ts';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { evidence, ORIGINAL, PAGE, rewrite } from './notice-fixtures.ts';

const record = (verdict: Verdict, checkedAt = '2026-12-02T10:00:00.000Z'): TabVerdict => ({ url: PAGE, checkedAt, verdict, librarySize: 2 });

describe('the notice message', () => {
  it('names the original of an uncredited rewrite, and nothing for any other verdict (a disputed pair included)', () => {
    const m = noticeMessage(record(rewrite));
    expect(m.url).toBe(PAGE);
    expect(m.notice?.text).toContain("CNBC's article “Russia was smug”");
    expect(m.notice?.link).toBe("Read CNBC's article");
    expect(m.notice?.href).toBe(ORIGINAL.url);
    const others: Verdict[] = [
      { kind: 'credited', score: 0.9, original: ORIGINAL, evidence, credit: { kind: 'link', detail: ORIGINAL.url } },
      { kind: 'disputed', score: 0.9, original: ORIGINAL, evidence, dispute: { why: 'same day', page: {}, other: {} } as never },
      { kind: 'original', derivatives: [ORIGINAL] },
      { kind: 'none', reason: 'nothing shares its sentences' },
      { kind: 'not-article', reason: 'no article' },
    ];
    for (const v of others) expect(noticeMessage(record(v)).notice, v.kind).toBeNull();
  });

  it('cuts a long outlet name or headline, and names no original whose address is not http(s)', () => {
    const long = noticeMessage(record({ ...rewrite, original: { ...ORIGINAL, title: 'x'.repeat(5000) } }));
    expect(long.notice!.text.length).toBeLessThan(NOTICE_NAME_CHARS + 100);
    expect(noticeMessage(record({ ...rewrite, original: { ...ORIGINAL, url: 'javascript:alert(1)' } })).notice).toBeNull();
  });

  it('is parsed to exactly its shape, as a fresh object; anything else is refused', () => {
    const m = noticeMessage(record(rewrite));
    const parsed = parseNoticeMessage({ ...m, extra: 1, notice: { ...m.notice, onclick: 'x' } });
    expect(parsed).toEqual(m);
    expect(parsed).not.toBe(m);
    expect(parseNoticeMessage({ type: 'unspun/notice', url: PAGE, notice: null })).toEqual({ type: 'unspun/notice', url: PAGE, notice: null });
    const bad: unknown[] = [
      null,
      'unspun/notice',
      { ...m, type: 'unspun/other' },
      { ...m, url: 'javascript:alert(1)' },
      { ...m, notice: undefined },
      { ...m, notice: { ...m.notice, href: 'javascript:alert(1)' } },
      { ...m, notice: { ...m.notice, text: 42 } },
      { ...m, notice: { ...m.notice, heading: '' } },
      { ...m, notice: { ...m.notice, css: 'x'.repeat(5000) } },
    ];
    for (const b of bad) expect(parseNoticeMessage(b), JSON.stringify(b)?.slice(0, 80)).toBeNull();
  });
});

/** A fake of the extension API the background's notice side uses, recording what it does. */
function fakeApi(opts: { popup?: 'ok' | 'fails' | 'absent' } = {}) {
  const listeners: ((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void)[] = [];
  const sent: [number, unknown, unknown][] = [];
  const created: unknown[] = [];
  const popups: unknown[] = [];
  const api: NoticeApi = {
    storage: { onChanged: { addListener: (cb) => listeners.push(cb) } },
    tabs: {
      sendMessage: async (tabId, message, options) => void sent.push([tabId, message, options]),
      get: async () => ({ index: 3, windowId: 9 }),
      create: async (props) => void created.push(props),
    },
    runtime: { getURL: (p) => `chrome-extension://id${p}` },
    ...(opts.popup === 'absent'
      ? {}
      : {
          action: {
            openPopup: async (o) => {
              if (opts.popup === 'fails') throw new Error('openPopup requires a user action');
              popups.push(o);
            },
          },
        }),
  };
  const change = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => listeners.forEach((l) => l(changes, 'session'));
  return { api, sent, created, popups, change };
}

describe("the background's side", () => {
  it("tells a tab's content script its notice when the tab's verdict changes, not on a lookup's progress", () => {
    const { api, sent, change } = fakeApi();
    pushNotices(api);
    const none = record({ kind: 'none', reason: 'nothing' });
    change({ 'verdict:7': { newValue: none } });
    expect(sent).toEqual([[7, noticeMessage(none), { frameId: 0 }]]);
    // the lookup writes its progress into the same record: same check, same verdict, nothing sent
    change({ 'verdict:7': { oldValue: none, newValue: { ...none, lookup: { state: 'searching' } } } });
    expect(sent).toHaveLength(1);
    // the lookup found the original: the verdict changed
    const found = record(rewrite);
    change({ 'verdict:7': { oldValue: none, newValue: found } });
    expect(sent.at(-1)).toEqual([7, noticeMessage(found), { frameId: 0 }]);
    // the page was loaded again: a new check, told again even with the same verdict
    change({ 'verdict:7': { oldValue: found, newValue: record(rewrite, '2026-12-02T11:00:00.000Z') } });
    expect(sent).toHaveLength(3);
    // other keys, removed records and records of another shape are not verdicts to tell
    change({ settings: { newValue: { paused: true } }, 'reload:7': { newValue: { markedAt: 'x', reason: 'no-access' } } });
    change({ 'verdict:7': { oldValue: found } });
    change({ 'verdict:8': { newValue: { url: PAGE } } });
    expect(sent).toHaveLength(3);
  });

  it('opens the evidence in the popup where the browser allows it, else in a tab beside the article', async () => {
    const ok = fakeApi();
    expect(await openEvidence(5, ok.api)).toEqual({ ok: true, shown: 'popup' });
    expect(ok.popups).toEqual([{ windowId: 9 }]);
    expect(ok.created).toEqual([]);
    for (const popup of ['fails', 'absent'] as const) {
      const f = fakeApi({ popup });
      expect(await openEvidence(5, f.api)).toEqual({ ok: true, shown: 'tab' });
      expect(f.created).toEqual([{ url: 'chrome-extension://id/popup.html?tabId=5', openerTabId: 5, index: 4, windowId: 9 }]);
    }
  });

  it('hears the evidence request only from a content script about its own page', () => {
    fakeBrowser.reset();
    const self = ownExtension();
    const sender = { id: browser.runtime.id, tab: { id: 5 }, url: PAGE };
    expect(acceptMessage({ type: 'unspun/open-evidence', url: PAGE }, sender, self, 'background')).toEqual({ type: 'unspun/open-evidence', url: PAGE });
    expect(acceptMessage({ type: 'unspun/open-evidence', url: 'https://other.example/' }, sender, self, 'background')).toBeNull();
    expect(acceptMessage({ type: 'unspun/open-evidence', url: PAGE }, { id: 'another-extension', tab: { id: 5 }, url: PAGE }, self, 'background')).toBeNull();
    expect(acceptMessage({ type: 'unspun/open-evidence' }, sender, self, 'background')).toBeNull();
  });
});

describe('the notice setting', () => {
  it('is on by default, and takes only a boolean', () => {
    expect(DEFAULT_SETTINGS.showNotice).toBe(true);
    expect(mergeSettings(DEFAULT_SETTINGS, { showNotice: false }).showNotice).toBe(false);
    expect(mergeSettings({ ...DEFAULT_SETTINGS, showNotice: false }, { showNotice: 'yes' as never }).showNotice).toBe(false);
    expect(mergeSettings(DEFAULT_SETTINGS, {}).showNotice).toBe(true);
  });

  it('is saved through the one validator', () => {
    fakeBrowser.reset();
    const self = ownExtension();
    const page = { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') };
    expect(acceptMessage({ type: 'unspun/settings-save', settings: { showNotice: false } }, page, self, 'background')).toEqual({
      type: 'unspun/settings-save',
      settings: { showNotice: false },
    });
    expect(acceptMessage({ type: 'unspun/settings-save', settings: { showNotice: 'no' } }, page, self, 'background')).toBeNull();
  });
});

describe('the notice in the page', () => {
  let roots: ShadowRoot[];
  let invalidate: () => void;
  const background = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/background.js') });
  const tell = async (msg: unknown, sender: object = background()) => {
    await fakeBrowser.runtime.onMessage.trigger(msg, sender);
    await new Promise((r) => setTimeout(r, 10));
  };
  const hosts = () => document.querySelectorAll(NOTICE_TAG);
  const root = () => roots.at(-1)!;
  const message = (m: NoticeMessage = noticeMessage(record(rewrite))) => m;

  beforeEach(() => {
    fakeBrowser.reset();
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(PAGE);
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'the article' }));
    roots = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const r = attach.call(this, init);
      roots.push(r);
      return r;
    });
    watchNotice({ onInvalidated: (cb) => (invalidate = cb) });
  });
  afterEach(() => vi.restoreAllMocks());

  it("shows the background's notice first in the page, in a closed shadow root, its texts as text", async () => {
    const m = message();
    await tell({ ...m, notice: { ...m.notice, text: '<img src=x onerror=alert(1)> retold' } });
    expect(hosts()).toHaveLength(1);
    expect(document.body.firstElementChild?.localName).toBe(NOTICE_TAG);
    expect(hosts()[0]!.shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(root().querySelector('img')).toBeNull();
    expect(root().querySelector('p')!.textContent).toBe('<img src=x onerror=alert(1)> retold');
    expect(root().querySelector('section')!.getAttribute('aria-label')).toBe('Unspun');
    const [evidenceButton, closeButton] = root().querySelectorAll('button');
    expect(evidenceButton!.textContent).toBe('Show the evidence');
    expect(closeButton!.getAttribute('aria-label')).toBe('Close the Unspun notice');
    const link = root().querySelector('a')!;
    expect([link.href, link.target, link.rel]).toEqual([ORIGINAL.url, '_blank', 'noopener noreferrer']);
  });

  it('hears only this extension, from its background, about this page', async () => {
    await tell(message(), { ...background(), id: 'another-extension' });
    await tell(message(), { ...background(), tab: { id: 3 } }); // another content script
    await tell(message(), { id: browser.runtime.id, url: 'https://copy.example/' });
    await tell({ ...message(), url: 'https://copy.example/another-story' });
    await tell({ ...message(), notice: { ...message().notice, href: 'javascript:alert(1)' } });
    expect(hosts()).toHaveLength(0);
    await tell(message());
    expect(hosts()).toHaveLength(1);
    await tell(message()); // told again: still one
    expect(hosts()).toHaveLength(1);
    await tell({ ...message(), notice: null }); // the verdict changed
    expect(hosts()).toHaveLength(0);
  });

  it('follows the setting at once, and a page cannot press its buttons', async () => {
    await tell(message());
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, showNotice: false } });
    await new Promise((r) => setTimeout(r, 10));
    expect(hosts()).toHaveLength(0);
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, showNotice: true } });
    await new Promise((r) => setTimeout(r, 10));
    expect(hosts()).toHaveLength(1);
    // Synthetic (untrusted) clicks and keys, as a page script could make: nothing happens.
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    for (const b of root().querySelectorAll('button')) b.click();
    root()
      .querySelector('section')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(hosts()).toHaveLength(1);
    expect(send).not.toHaveBeenCalled();
    // The extension went away: so does its notice.
    invalidate();
    expect(hosts()).toHaveLength(0);
  });

  it('shows nothing while the setting is off', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { showNotice: false } });
    await tell(message());
    expect(hosts()).toHaveLength(0);
  });
});

describe('the toolbar icon', () => {
  it('an alert icon of another colour and shape than the usual red page, with a dark "!"', () => {
    for (const size of ICON_SIZES) {
      const px = alertIcon(size);
      expect(px).toHaveLength(size * size * 4);
      const at = (x: number, y: number) => [...px.slice((y * size + x) * 4, (y * size + x) * 4 + 4)];
      const opaque = [...Array(size * size).keys()].map((i) => [...px.slice(i * 4, i * 4 + 4)]).filter((p) => p[3] === 255);
      const amber = opaque.filter(([r, g, b]) => r! > 220 && g! > 160 && b! < 60);
      expect(amber.length / (size * size), `amber share at ${size}px`).toBeGreaterThan(0.1);
      // no pixel of the usual icon's red (197, 34, 31)
      expect(opaque.filter(([r, g, b]) => r! > 150 && g! < 80 && b! < 80)).toEqual([]);
      // the "!": dark in the middle column, amber beside it
      const mid = Math.floor(size / 2);
      expect(
        at(mid, Math.round(size * 0.5))
          .slice(0, 3)
          .every((c) => c < 80),
      ).toBe(true);
      expect(
        at(mid, Math.round(size * 0.78))
          .slice(0, 3)
          .every((c) => c < 80),
      ).toBe(true);
      // transparent corners: a triangle, not a square
      expect(at(0, 0)[3]).toBe(0);
      expect(at(size - 1, 0)[3]).toBe(0);
    }
  });

  it('is set for an uncredited rewrite, and the usual icon for every other verdict', async () => {
    fakeBrowser.reset();
    class FakeImageData {
      constructor(
        public data: Uint8ClampedArray,
        public width: number,
        public height: number,
      ) {}
    }
    vi.stubGlobal('ImageData', FakeImageData);
    const setIcon = vi.fn(async () => undefined);
    browser.action.setIcon = setIcon as never;
    try {
      await setBadge(4, 'uncredited-rewrite');
      const first = (setIcon.mock.calls[0] as unknown as [{ tabId: number; imageData: Record<number, FakeImageData> }])[0];
      expect(first.tabId).toBe(4);
      expect(Object.keys(first.imageData)).toEqual(['16', '32']);
      expect(first.imageData[16]!.data).toEqual(alertIcon(16));
      expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('!');
      await setBadge(4, 'none');
      expect(setIcon.mock.calls[1]).toEqual([{ tabId: 4, path: { 16: '/icon/16.png', 32: '/icon/32.png' } }]);
      // an icon the browser refuses leaves the badge
      setIcon.mockRejectedValueOnce(new Error('no'));
      await setBadge(5, 'uncredited-rewrite');
      expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('!');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
