import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkOpenTabs, CONTENT_SCRIPT_FILE, type OpenTabsApi } from '../../src/ext/open-tabs.ts';
import { clearTabVerdict, getTabReloadMark, saveTabVerdict, type TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { freshExtension } from '../setup-extension.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

/**
 * WXT's fake browser, with tabs as `tabs.query` returns them to an extension without the `tabs`
 * permission (a tab's url only where it has host access) and the two calls the fake lacks:
 * `permissions.contains` for the granted origins, and a recording `scripting.executeScript`.
 */
function fakeApi(tabs: { id: number; url?: string; discarded?: boolean }[], granted: string[], { refuse = [] as number[] } = {}) {
  const injected: { tabId: number; files: string[] }[] = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(
    tabs.map((t) => ({ index: 0, highlighted: false, active: false, pinned: false, incognito: false, ...t })),
  );
  const api: OpenTabsApi = {
    tabs: fakeBrowser.tabs,
    permissions: {
      contains: async ({ origins = [] }) => origins.every((o) => granted.includes(o)),
    },
    scripting: {
      async executeScript({ target, files }) {
        if (refuse.includes(target.tabId)) throw new Error('Cannot access contents of the page');
        injected.push({ tabId: target.tabId, files });
        return [];
      },
    },
  };
  return { api, injected };
}

const verdict = (url: string): TabVerdict => ({ url, checkedAt: NOW.toISOString(), librarySize: 1, verdict: { kind: 'none', reason: 'nothing' } });

describe('checkOpenTabs: tabs already open at install or update', () => {
  beforeEach(() => {
    freshExtension();
    vi.restoreAllMocks();
  });

  it('runs the built content script in http(s) tabs Unspun has host access to, one at a time', async () => {
    const { api, injected } = fakeApi(
      [
        { id: 1, url: 'https://www.cnbc.com/2025/10/22/a.html' },
        { id: 2, url: 'http://farm.example/b' },
      ],
      ['https://www.cnbc.com/*', 'http://farm.example/*'],
    );
    const result = await checkOpenTabs(api, { now: NOW });
    expect(result).toEqual({ injected: [1, 2], marked: [], skipped: [] });
    expect(injected).toEqual([
      { tabId: 1, files: [CONTENT_SCRIPT_FILE] },
      { tabId: 2, files: [CONTENT_SCRIPT_FILE] },
    ]);
    expect(await getTabReloadMark(1)).toBeUndefined();
  });

  it('marks "reload to check" the tabs it may not inject into, and leaves non-web pages and discarded tabs alone', async () => {
    const { api, injected } = fakeApi(
      [
        { id: 1, url: 'https://www.cnbc.com/a' }, // host access
        { id: 2, url: 'https://farm.example/b' }, // url shown (e.g. granted for another host pattern) but no access to this host
        { id: 3 }, // url hidden: no tabs permission, no host access
        { id: 4, url: 'chrome://extensions/' },
        { id: 5, url: 'about:blank' },
        { id: 6, url: 'https://www.bbc.com/news/x', discarded: true },
        { id: 7, url: 'https://www.cnbc.com/refused' },
      ],
      ['https://www.cnbc.com/*'],
      { refuse: [7] },
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await checkOpenTabs(api, { now: NOW });
    expect(result).toEqual({ injected: [1], marked: [2, 3, 7], skipped: [4, 5, 6] });
    expect(warn).toHaveBeenCalledOnce();
    expect(injected.map((i) => i.tabId)).toEqual([1]);
    expect(await getTabReloadMark(2)).toEqual({ markedAt: NOW.toISOString(), reason: 'no-access', url: 'https://farm.example/b' });
    expect(await getTabReloadMark(3)).toEqual({ markedAt: NOW.toISOString(), reason: 'no-access' });
    expect(await getTabReloadMark(7)).toEqual({ markedAt: NOW.toISOString(), reason: 'injection-failed', url: 'https://www.cnbc.com/refused' });
    for (const id of [1, 4, 5, 6]) expect(await getTabReloadMark(id)).toBeUndefined();
  });

  it('marks every web tab where the browser has no scripting API for the extension', async () => {
    const { api } = fakeApi([{ id: 1, url: 'https://www.cnbc.com/a' }], ['https://www.cnbc.com/*']);
    const result = await checkOpenTabs({ ...api, scripting: undefined }, { now: NOW });
    expect(result).toEqual({ injected: [], marked: [1], skipped: [] });
  });

  it('does nothing where the browser runs the manifest content script in open tabs itself (Firefox)', async () => {
    const { api, injected } = fakeApi([{ id: 1, url: 'https://www.cnbc.com/a' }, { id: 2 }], []);
    expect(await checkOpenTabs(api, { browserInjects: true, now: NOW })).toEqual({ injected: [], marked: [], skipped: [] });
    expect(injected).toEqual([]);
    expect(await getTabReloadMark(2)).toBeUndefined();
  });

  it('leaves a tab that already has a verdict; a verdict or closing the tab removes its mark', async () => {
    await saveTabVerdict(1, verdict('https://www.cnbc.com/a'));
    const { api } = fakeApi([{ id: 1 }, { id: 2 }, { id: 3 }], []);
    expect(await checkOpenTabs(api, { now: NOW })).toEqual({ injected: [], marked: [2, 3], skipped: [1] });
    // The reader reloads tab 2: the content script runs and its verdict is saved.
    await saveTabVerdict(2, verdict('https://farm.example/b'));
    expect(await getTabReloadMark(2)).toBeUndefined();
    // Tab 3 is closed.
    expect(await getTabReloadMark(3)).toBeDefined();
    await clearTabVerdict(3);
    expect(await getTabReloadMark(3)).toBeUndefined();
  });
});
