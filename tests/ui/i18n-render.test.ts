// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { useMessages, type MessageSource } from '../../src/ui/i18n.ts';
import { mountOnboarding } from '../../src/ui/onboarding-view.ts';
import { serveBackground } from './background-fixture.ts';

type Messages = Record<string, { message: string }>;
const LOCALES = join(import.meta.dirname, '..', '..', 'public', '_locales');
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const de = read('de');

/** `browser.i18n.getMessage` over a locale's messages.json: `$1`… filled, '' for an unknown key. */
const getMessageFrom =
  (messages: Messages): MessageSource =>
  (key, subs) =>
    messages[key]?.message.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? ''))) ?? '';

/** Texts of the English messages long enough to be recognised (short ones like "Done" or "Firefox:" could be anything). */
const englishTexts = Object.entries(en)
  .filter(([key, { message }]) => de[key]?.message !== message && message.length >= 20)
  .map(([, { message }]) => message.split('$')[0]!.trim())
  .filter((m) => m.length >= 15);

/** Every text a reader sees or hears: text content, alt texts, labels, placeholders. */
const visible = (root: HTMLElement) =>
  [
    root.textContent ?? '',
    ...[...root.querySelectorAll('[alt],[aria-label],[placeholder],[title]')].flatMap((e) =>
      ['alt', 'aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
    ),
  ].join('\n');

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
    for (const key of Object.keys(en)) expect(text, `key ${key} shown as text`).not.toMatch(new RegExp(`\\b${key}\\b`));
    for (const m of englishTexts) expect(text, 'English text on the German page').not.toContain(m);
    expect(text).not.toMatch(/\$\d/);

    // A status line with a number filled in.
    root.querySelector<HTMLInputElement>('[data-role=onboarding-feeds]')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status]')!.textContent).toBe('Die Feeds sind an: bisher 5 Artikel bekannt. Unspun liest sie ab jetzt im Hintergrund.'),
    );
  });

  it('the same page without a message source is the English one', async () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountOnboarding(root, browserUiHost());
    expect(root.querySelector('h1')!.textContent).toBe('Welcome to Unspun');
    expect(visible(root)).not.toContain('Willkommen');
  });
});
