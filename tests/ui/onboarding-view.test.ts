// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSubscriptions, updateSubscription } from '../../src/ext/feed-subscriptions.ts';
import { onboardingItem } from '../../src/ext/onboarding-state.ts';
import { getSettings, saveSettings } from '../../src/ext/settings.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { FEED_BUNDLE } from '../../src/feeds/default-feeds.ts';
import { mountOnboarding } from '../../src/ui/onboarding-view.ts';
import { serveBackground } from './background-fixture.ts';

const mount = async () => {
  const root = document.createElement('main');
  root.id = 'onboarding';
  document.body.replaceChildren(root);
  await mountOnboarding(root, browserUiHost());
  return root;
};
const input = (root: HTMLElement, role: string) => root.querySelector<HTMLInputElement>(`input[data-role=${role}]`)!;
const status = (root: HTMLElement) => root.querySelector('[role=status]')!.textContent;
const enabledIds = async () =>
  (await getSubscriptions())
    .filter((s) => s.enabled)
    .map((s) => s.id)
    .sort();

describe('first-run setup', () => {
  let request: ReturnType<typeof vi.fn>;
  let polled: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    request = vi.fn(async () => true);
    browser.permissions.request = request as never;
    polled = [];
    // The real background answers; its feed poll is faked (5 new items) and recorded.
    const sent: unknown[] = [];
    serveBackground({ poll: async (ids) => (polled.push(sent.at(-1)), { polled: ids, newItems: 5 }) }, sent);
  });

  it('says what Unspun does and turns nothing on by itself', async () => {
    const root = await mount();
    expect(root.dataset.ready).toBe('1');
    expect(root.textContent).toContain('uncredited rewrite');
    for (const role of ['onboarding-feeds', 'onboarding-lookup']) {
      const sw = input(root, role);
      expect(sw.checked).toBe(false);
      expect(sw.closest('label')!.textContent!.trim()).not.toBe(''); // its accessible name
    }
    expect(root.textContent).toContain('api.gdeltproject.org');
    expect(root.querySelector('.pin img')!.getAttribute('alt')).toMatch(/puzzle-piece/);
    expect(request).not.toHaveBeenCalled();
    expect(await enabledIds()).toEqual([]);
    expect((await getSettings()).lookupEnabled).toBe(false);
  });

  it('lookup switch: asks for every http and https host first, then turns lookups on; unchecking turns them off', async () => {
    const root = await mount();
    const sw = input(root, 'onboarding-lookup');
    sw.click();
    expect(request).toHaveBeenCalledTimes(1); // synchronously, inside the click
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    await vi.waitFor(async () => expect((await getSettings()).lookupEnabled).toBe(true));
    expect(sw.checked).toBe(true);
    sw.click();
    await vi.waitFor(async () => expect((await getSettings()).lookupEnabled).toBe(false));
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('a refused permission leaves the switch off and says why', async () => {
    request.mockResolvedValue(false);
    const root = await mount();
    const sw = input(root, 'onboarding-lookup');
    sw.click();
    await vi.waitFor(() => expect(status(root)).toMatch(/stays off: it needs your permission/));
    expect(sw.checked).toBe(false);
    expect((await getSettings()).lookupEnabled).toBe(false);

    const feeds = input(root, 'onboarding-feeds');
    feeds.click();
    await vi.waitFor(() => expect(status(root)).toMatch(/feeds stay off/));
    expect(feeds.checked).toBe(false);
    expect(await enabledIds()).toEqual([]);
  });

  it("feeds switch: one request covering the bundle's feed hosts and article sites, then exactly the bundle on and polled", async () => {
    const root = await mount();
    const sw = input(root, 'onboarding-feeds');
    sw.click();
    expect(request).toHaveBeenCalledTimes(1);
    const { origins } = request.mock.calls[0]![0] as { origins: string[] };
    expect(origins).toEqual(
      expect.arrayContaining([
        'https://feeds.bbci.co.uk/*',
        'http://*.bbc.co.uk/*',
        'https://*.bbc.co.uk/*',
        'https://*.bbc.com/*',
        'https://rss.nytimes.com/*',
        'https://*.nytimes.com/*',
        'https://*.cnbc.com/*',
        'https://*.sky.com/*',
      ]),
    );
    expect(origins.some((o) => o.startsWith('*://'))).toBe(false);
    await vi.waitFor(() => expect(polled).toHaveLength(1));
    expect(await enabledIds()).toEqual([...FEED_BUNDLE].sort());
    const poll = polled[0] as { type: string; ids: string[] };
    expect(poll.type).toBe('unspun/feeds-poll');
    expect([...poll.ids].sort()).toEqual([...FEED_BUNDLE].sort());
    await vi.waitFor(() => expect(status(root)).toMatch(/feeds are on/));

    sw.click();
    await vi.waitFor(async () => expect(await enabledIds()).toEqual([]));
  });

  it('shows what is on when opened again, and the done button records it and closes the tab', async () => {
    await saveSettings({ lookupEnabled: true });
    for (const id of FEED_BUNDLE) await updateSubscription(id, (s) => ({ ...s, enabled: true }));
    const root = await mount();
    expect(input(root, 'onboarding-lookup').checked).toBe(true);
    expect(input(root, 'onboarding-feeds').checked).toBe(true);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    root.querySelector<HTMLButtonElement>('[data-role=onboarding-done]')!.click();
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(await onboardingItem.getValue()).toMatchObject({ done: true, at: expect.any(String) });
  });
});
