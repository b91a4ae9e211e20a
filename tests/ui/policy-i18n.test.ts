// @vitest-environment happy-dom
// Issue 13: the privacy page in the reader's language. It ships in English (docs/privacy.md's text,
// which tests/store/privacy-page.test.ts compares); its script puts each block in the browser's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useMessages } from '../../src/ui/i18n.ts';
import { localizeStaticPage, withMarks } from '../../src/ui/policy-view.ts';
import { de, en, expectGerman, getMessageFrom, visible } from '../locales.ts';

const HTML = readFileSync(join(import.meta.dirname, '..', '..', 'entrypoints', 'privacy', 'index.html'), 'utf8');
// Without its stylesheet link (happy-dom would try to load it).
const page = () => new DOMParser().parseFromString(HTML.replace(/<link\b[^>]*>/g, ''), 'text/html');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const blocks = (doc: Document) => [...doc.querySelectorAll('main h1, main h2, main p, main li')] as HTMLElement[];

describe('the privacy page', () => {
  afterEach(() => useMessages(undefined));

  it('marks every heading, paragraph and list item with its message', () => {
    const doc = page();
    expect(blocks(doc).length).toBeGreaterThan(20);
    for (const b of blocks(doc)) expect(b.dataset.i18n, squash(b.textContent!).slice(0, 60)).toMatch(/^policy\w+$/);
  });

  it('in English, its messages are the text it ships with, marks included', () => {
    const doc = page();
    const shipped = blocks(doc).map((b) => squash(b.innerHTML));
    useMessages(getMessageFrom(en));
    localizeStaticPage(doc, 'policyTitle');
    expect(blocks(doc).map((b) => squash(b.innerHTML))).toEqual(shipped);
    expect(doc.title).toBe('Unspun privacy policy');
    expect(doc.documentElement.lang).toBe('en');
  });

  it('is German in German: title, language, every block, with the file, header and permission names kept as code', () => {
    const doc = page();
    const codes = [...doc.querySelectorAll('main code')].map((c) => c.textContent);
    useMessages(getMessageFrom(de));
    localizeStaticPage(doc, 'policyTitle');
    expect(doc.title).toBe('Datenschutzerklärung von Unspun');
    expect(doc.documentElement.lang).toBe('de');
    expect(doc.querySelector('h1')!.textContent).toBe('Datenschutzerklärung von Unspun');
    expect(doc.querySelector('main li strong')!.textContent).toBe('Die Bibliothek');
    expect([...doc.querySelectorAll('main code')].map((c) => c.textContent)).toEqual(codes);
    const main = doc.querySelector('main')!;
    expect(main.textContent).toContain('api.gdeltproject.org');
    expect(main.textContent).toContain('„Nach dem Original suchen“');
    expectGerman(visible(main));
  });

  it('parses no HTML from a message: only its strong and code runs become elements', () => {
    const nodes = withMarks(document, 'a <img src=x onerror=alert(1)> b <strong>bold</strong> c <code>x</code><em>no</em>');
    const div = document.createElement('div');
    div.append(...nodes);
    expect(div.querySelector('img')).toBeNull();
    expect(div.querySelector('em')).toBeNull();
    expect(div.querySelector('strong')!.textContent).toBe('bold');
    expect(div.textContent).toBe('a <img src=x onerror=alert(1)> b bold c x<em>no</em>');
  });
});
