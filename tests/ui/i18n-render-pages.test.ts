// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UncreditedVerdict } from '../../src/core/verdict.ts';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { useMessages } from '../../src/ui/i18n.ts';
import { de, expectGerman, getMessageFrom, visible } from '../locales.ts';
import { whatItIs, type LibraryEntry } from '../../src/ui/library-search.ts';
import { mountOptions } from '../../src/ui/options-view.ts';
import { renderPopup } from '../../src/ui/popup-view.ts';
import { libraryArticle } from '../helpers.ts';
import { serveBackground } from './background-fixture.ts';
import { evidence as oneProof, libraryEntry, original, rewriteRecord } from './popup-fixtures.ts';

// Two pairs of evidence: the German evidence list shows more than one.
const evidence: UncreditedVerdict['evidence'] = {
  ...oneProof,
  pairs: [...oneProof.pairs, { page: 1, original: 1, similarity: 0.7, pageText: 'Prices rose.', originalText: 'Prices went up.' }],
};
const rewrite: TabVerdict = rewriteRecord(original, evidence);
const actions = { openLibrary() {}, setPaused() {}, excludeSite() {}, recheck() {}, notDerived() {}, trustSite() {} };

describe('the German locale, rendered: popup', () => {
  afterEach(() => useMessages(undefined));

  it('an uncredited rewrite is shown in German: headings, buttons, evidence, no key name, no placeholder', () => {
    useMessages(getMessageFrom(de));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    renderPopup(root, rewrite, { settings: { paused: false, excludedSites: [] }, libraryArticles: 1234, trustedSites: [], actions });
    expect(root.querySelector('.verdict h1')!.textContent).toBe('Umschreibung ohne Quellenangabe');
    expect(root.querySelector('.verdict .alert p')!.textContent).toBe(
      'Dieser Artikel scheint ohne Quellenangabe aus der Berichterstattung von CNBC umgeschrieben zu sein.',
    );
    expect(root.querySelector('[data-role=lookup-start]')!.textContent).toBe('Nach dem Original suchen');
    expect(root.querySelector('[data-role=recheck]')!.textContent).toBe('Diese Seite erneut prüfen');
    expect(root.querySelector('[data-role=exclude-site]')!.textContent).toBe('farm.example nie prüfen');
    expect(root.querySelector('[data-role=not-derived]')!.textContent).toBe('Diese Seite stammt nicht aus dem Artikel von CNBC');
    expect(root.querySelector('.evidence summary')!.textContent).toBe('2 Sätze mit dem Original vergleichen');
    expect(root.querySelector('[data-role=library-count]')!.textContent).toBe('Ihre Bibliothek: 1.234 Artikel auf diesem Gerät.');
    expect(root.querySelector('.credit')!.textContent).toContain('keinen Hinweis auf CNBC');
    expectGerman(visible(root));
  });

  it('the same popup without a message source is the English one', () => {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    renderPopup(root, rewrite, { settings: { paused: false, excludedSites: [] }, libraryArticles: 1, trustedSites: [], actions });
    expect(root.querySelector('.verdict h1')!.textContent).toBe('Uncredited rewrite');
    expect(root.querySelector('.evidence summary')!.textContent).toBe('Compare 2 sentences with the original');
    expect(root.querySelector('[data-role=library-count]')!.textContent).toBe('Your library: 1 article on this device.');
  });
});

describe('the German locale, rendered: library page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.request = vi.fn(async () => true) as never;
  });
  afterEach(() => useMessages(undefined));

  const mount = async () => {
    const library = serveBackground();
    await library.put(
      libraryArticle('cnbc', 'https://www.cnbc.com/a', 'An original article about the summit.', { siteName: 'CNBC', title: 'Russia was smug' }),
    );
    await library.put(libraryArticle('copy', 'https://farm.example/x', 'A rewrite of it.', { derivedFrom: 'cnbc', title: 'Moscow worried' }));
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await mountOptions(root, browserUiHost());
    return root;
  };

  it('headings, views, rows, privacy and storage are in German: no key name, no English message, no placeholder', async () => {
    useMessages(getMessageFrom(de));
    const root = await mount();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Quellen',
      'Originale suchen',
      'Datenschutz',
      'Ihre Korrekturen',
      'Bibliothek',
      'Pakete',
      'Speicher',
    ]);
    expect([...root.querySelectorAll('[data-role=library-view] option')].map((o) => o.textContent)).toEqual([
      'Alle Artikel',
      'Gefundene Umschreibungen',
      'Von anderen kopierte Originale',
      'Aus Ihren Feeds',
      'Von Ihnen gelesene Artikel',
    ]);
    const kinds = [...root.querySelectorAll('[data-role=entry-kind]')].map((e) => e.textContent);
    expect(kinds).toContain('Umschreibung von „Russia was smug“ (CNBC)');
    expect(kinds).toContain('Artikel');
    const view = root.querySelector<HTMLSelectElement>('[data-role=library-view]')!;
    view.value = 'rewrites';
    view.dispatchEvent(new Event('change'));
    expect(root.querySelector('[data-role=library]')!.previousElementSibling!.previousElementSibling!.textContent).toBe(
      '2 Artikel in der Bibliothek, davon 1 gefundene Umschreibungen.',
    );
    expect(root.querySelector('[data-role=storage]')!.textContent).toMatch(/^2 Artikel und 0 Feed-Einträge/);
    expect(root.querySelector('[data-role=corrections-empty]')!.textContent).toMatch(/^Sie haben Unspun noch keinen Fehler gemeldet/);
    expectGerman(visible(root));
  });

  it('says what a row is in German, one rewrite or several', () => {
    useMessages(getMessageFrom(de));
    const entry = libraryEntry;
    const none = new Map<string, LibraryEntry>();
    expect(whatItIs(entry('a', { derivatives: ['x'] }), none)).toBe('Original: 1 Umschreibung davon gefunden');
    expect(whatItIs(entry('a', { derivatives: ['x', 'y'] }), none)).toBe('Original: 2 Umschreibungen davon gefunden');
    expect(whatItIs(entry('a', { derivedFrom: 'gone' }), none)).toBe('Umschreibung eines anderen Artikels');
    expect(whatItIs(entry('a', { source: 'feed' }), none)).toBe('Feed-Artikel');
  });

  it('the same page without a message source is the English one', async () => {
    const root = await mount();
    expect(root.querySelector('h2')!.textContent).toBe('Sources');
    expect([...root.querySelectorAll('[data-role=entry-kind]')].map((e) => e.textContent)).toContain("Rewrite of CNBC's “Russia was smug”");
    expect(root.querySelector('[data-role=library]')!.previousElementSibling!.previousElementSibling!.textContent).toBe('2 articles in the library.');
  });
});
