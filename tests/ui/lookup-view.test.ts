// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, LOOKUP_ENGINE_IDS } from '../../src/ext/settings.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { engineById } from '../../src/lookup/engines.ts';
import { ENGINES } from '../../src/ui/engines.ts';
import { lookupSection } from '../../src/ui/lookup-view.ts';
import { serveBackground } from './background-fixture.ts';

const mount = async () => {
  const section = lookupSection(await getSettings(), browserUiHost());
  document.body.replaceChildren(section);
  return section;
};
const q = <T extends Element>(root: HTMLElement, role: string) => root.querySelector<T>(`[data-role=${role}]`)!;
const status = (root: HTMLElement) => root.querySelector('[role=status]')!;

describe('options: look up originals', () => {
  let request: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    request = vi.fn(async () => true);
    browser.permissions.request = request as never;
    serveBackground();
  });

  it('shows the engine default as the endpoint placeholder, and what is sent where', async () => {
    const root = await mount();
    const endpoint = q<HTMLInputElement>(root, 'lookup-endpoint');
    expect(endpoint.placeholder).toBe('https://api.gdeltproject.org/api/v2/doc/doc');
    expect(root.textContent).toContain('GDELT (api.gdeltproject.org)');
    const engine = q<HTMLSelectElement>(root, 'lookup-engine');
    engine.value = 'rss';
    engine.dispatchEvent(new Event('change'));
    await vi.waitFor(async () => expect((await getSettings()).lookupEngine).toBe('rss'));
    expect(endpoint.placeholder).toBe('https://news.google.com/rss/search');
    expect(root.textContent).toContain('RSS news search (news.google.com)');
  });

  it('shows the error of an endpoint that is not a URL, and stores a good one', async () => {
    const root = await mount();
    const endpoint = q<HTMLInputElement>(root, 'lookup-endpoint');
    const save = q<HTMLButtonElement>(root, 'lookup-endpoint-save');
    endpoint.value = 'not a url';
    save.click();
    await vi.waitFor(() => expect(status(root).textContent).toMatch(/^Could not save the endpoint: /));
    expect(status(root).className).toContain('error');
    endpoint.value = 'ftp://news.example/search';
    save.click();
    await vi.waitFor(() => expect(status(root).textContent).toContain('must start with http:// or https://'));
    expect((await getSettings()).lookupEndpoint).toBe('');
    endpoint.value = 'https://search.example/api';
    save.click();
    await vi.waitFor(() => expect(status(root).textContent).toBe('Lookups now go to search.example.'));
    expect((await getSettings()).lookupEndpoint).toBe('https://search.example/api');
  });

  it('the switch asks for every host first; refused, it stays off', async () => {
    const root = await mount();
    const sw = q<HTMLInputElement>(root, 'lookup-enabled');
    request.mockResolvedValueOnce(false);
    sw.click();
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    await vi.waitFor(() => expect(status(root).textContent).toMatch(/stays off/));
    expect(sw.checked).toBe(false);
    sw.click();
    await vi.waitFor(async () => expect((await getSettings()).lookupEnabled).toBe(true));
    expect(sw.checked).toBe(true);
  });

  it('opens the first-run setup again', async () => {
    const root = await mount();
    const create = vi.spyOn(browser.tabs, 'create');
    q<HTMLButtonElement>(root, 'open-onboarding').click();
    expect(create).toHaveBeenCalledWith({ url: browser.runtime.getURL('/onboarding.html') });
  });

  it('names each engine and its default endpoint as the lookup engine does', () => {
    for (const id of LOOKUP_ENGINE_IDS) {
      expect(ENGINES[id].name).toBe(engineById(id).name);
      expect(ENGINES[id].defaultEndpoint).toBe(engineById(id).defaultEndpoint);
    }
  });
});
