// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { getSettings } from '../../src/ext/settings.ts';
import { useMessages } from '../../src/ui/i18n.ts';
import { de, expectGerman, getMessageFrom, visible } from '../locales.ts';
import { formatDay, lookupDetails, lookupHeadline } from '../../src/ui/lookup-status.ts';
import { lookupSection } from '../../src/ui/lookup-view.ts';
import { packsSection } from '../../src/ui/packs-view.ts';
import { sourcesSection } from '../../src/ui/sources-view.ts';
import { mountOnboarding } from '../../src/ui/onboarding-view.ts';
import { serveBackground } from './background-fixture.ts';

describe('the German locale, rendered', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.request = vi.fn(async () => true) as never;
    serveBackground({ poll: async (ids) => ({ polled: ids, newItems: 5 }) });
  });
  afterEach(() => useMessages(undefined));

  it('the first-run page is in German: German heading, no key name, no English message', async () => {
    useMessages(getMessageFrom(de));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountOnboarding(root, browserUiHost());
    expect(root.querySelector('h1')!.textContent).toBe('Willkommen bei Unspun');
    expect(root.querySelector('h2')!.textContent).toBe('Unspun an die Symbolleiste anheften');
    expect(root.querySelector('[data-role=onboarding-feeds]')!.closest('label')!.textContent).toMatch(/^Die Feeds von \d+ großen Medien lesen$/);
    expect(root.querySelector('[data-role=onboarding-lookup]')!.closest('label')!.textContent).toBe('Originale bei GDELT suchen');
    const text = visible(root);
    expectGerman(text);

    // A status line with a number filled in.
    root.querySelector<HTMLInputElement>('[data-role=onboarding-feeds]')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status]')!.textContent).toBe('Die Feeds sind an: bisher 5 Artikel bekannt. Unspun liest sie ab jetzt im Hintergrund.'),
    );
  });

  it("the options page's lookup section is in German", async () => {
    useMessages(getMessageFrom(de));
    const root = lookupSection(await getSettings(), browserUiHost());
    document.body.replaceChildren(root);
    const text = visible(root);
    expect(text).toContain('Originale suchen');
    expect(text).toContain(
      'Nur Suchbegriffe (Namen, Zahlen und seltene Wörter aus der Überschrift und den ersten Zeilen) gehen an GDELT (api.gdeltproject.org)',
    );
    expect(root.querySelector('[data-role=lookup-engine-about]')!.textContent).toMatch(/^Die GDELT-DOC-2.0-API/);
    expect([...root.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['GDELT', 'RSS-Nachrichtensuche']);
    expectGerman(text);
  });

  it("the options page's feeds and packs sections are in German, names of controls included", async () => {
    useMessages(getMessageFrom(de));
    const said: string[] = [];
    const root = document.createElement('div');
    root.append(
      await sourcesSection(browserUiHost(), (text) => void said.push(text)),
      packsSection(browserUiHost(), (text) => void said.push(text)),
    );
    document.body.replaceChildren(root);
    const text = visible(root);
    expect(root.querySelector('[data-role=feed-add]')!.textContent).toBe('Feed hinzufügen');
    expect(root.querySelector('[data-role=pack-export]')!.textContent).toBe('Bibliothek als Paket exportieren');
    expect(root.querySelector('summary')!.textContent).toMatch(/^Feeds von \d+ großen Medien \(\d+\), aus, bis Sie sie einschalten$/);
    const switches = [...root.querySelectorAll('[data-role=feed-enabled]')].map((e) => e.getAttribute('aria-label')!);
    expect(switches.length).toBeGreaterThan(0);
    for (const name of switches) expect(name).toMatch(/^Den Feed von .+ lesen, https?:\/\//);
    expect([...root.querySelectorAll('[data-role=feed-status]')].map((e) => e.textContent)).toContain('aus');
    expectGerman(text);
    expect(said).toEqual([]);
  });

  it('lookup status lines and dates are in German', () => {
    useMessages(getMessageFrom(de));
    expect(formatDay('2025-10-01T00:00:00Z')).toBe('1. Okt. 2025');
    expect(formatDay('nonsense')).toBe('einem unbekannten Datum');
    const base = {
      engine: 'gdelt',
      engineName: 'GDELT',
      from: '2025-09-01T00:00:00Z',
      to: '2025-10-01T00:00:00Z',
      queries: 1,
      startedAt: new Date().toISOString(),
      automatic: true,
    };
    const fetching = {
      ...base,
      phase: 'fetching' as const,
      candidates: [
        { url: 'https://a.example/x', title: 'X', site: 'a.example' },
        { url: 'https://b.example/y', title: 'Y', site: 'b.example' },
      ],
    };
    expect(lookupHeadline(fetching, {}, Date.now())).toBe('2 Kandidaten werden abgerufen …');
    const notFound = {
      ...base,
      phase: 'done' as const,
      outcome: 'not-found' as const,
      candidates: [{ url: 'https://a.example/x', title: 'X', site: 'a.example', result: 'not-source' as const }],
    };
    expect(lookupHeadline(notFound, {}, Date.now())).toBe('Keine frühere Fassung bei GDELT zwischen 1. Sept. 2025 und 1. Okt. 2025 gefunden.');
    const details = lookupDetails(notFound, {})
      .map((n) => n.textContent)
      .join('\n');
    expect(details).toContain('Unspun hat selbst danach gesucht');
    expect(details).toContain('Geprüfte Kandidaten');
    expect(details).toContain('a.example · nicht die Quelle');
    useMessages(undefined);
    expect(formatDay('2025-10-01T00:00:00Z')).toBe('1 Oct 2025');
    expect(lookupHeadline(notFound, {}, Date.now())).toBe('No earlier version found in GDELT between 1 Sep 2025 and 1 Oct 2025.');
  });

  it('the same page without a message source is the English one', async () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountOnboarding(root, browserUiHost());
    expect(root.querySelector('h1')!.textContent).toBe('Welcome to Unspun');
    expect(visible(root)).not.toContain('Willkommen');
  });
});
