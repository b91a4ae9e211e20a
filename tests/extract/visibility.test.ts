import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { removeHidden } from '../../src/extract/visibility.ts';
import { markupStyles } from '../../src/extract/visibility-markup.ts';
import { extract, page, PROSE } from './page.ts';

const hiddenLinks = [
  '<p hidden><a href="https://www.cnbc.com/2025/03/04/story.html">Source: CNBC</a></p>',
  '<p aria-hidden="true"><a href="https://www.cnbc.com/a">CNBC</a></p>',
  '<p style="display: none"><a href="https://www.cnbc.com/b">CNBC</a></p>',
  '<p style="visibility:hidden"><a href="https://www.cnbc.com/c">CNBC</a></p>',
  '<p class="sr-only"><a href="https://www.cnbc.com/d">CNBC</a></p>',
  '<p>Seen on <span style="display:none"><a href="https://www.cnbc.com/e">CNBC</a></span> the wire.</p>',
];

describe('only what a reader sees counts', () => {
  it.each(hiddenLinks)('drops a hidden link and its text: %s', (html) => {
    const a = extract(page(PROSE + html));
    expect(a.links.filter((l) => l.href.includes('cnbc.com'))).toEqual([]);
    expect(a.paragraphs.join(' ')).not.toMatch(/CNBC/);
  });

  it('keeps a visible link', () => {
    const a = extract(page(`${PROSE}<p><a href="https://www.cnbc.com/2025/03/04/story.html">Originally published by CNBC.</a></p>`));
    expect(a.links.map((l) => l.href)).toContain('https://www.cnbc.com/2025/03/04/story.html');
  });

  it('never touches the live document, and uses layout only where the DOM has it', () => {
    const doc = parseHtmlDocument(page(`${PROSE}<p hidden>secret</p><p class="shown">visible</p>`));
    const before = doc.documentElement.outerHTML;
    const clone = doc.cloneNode(true) as Document;
    removeHidden(doc, clone, true, markupStyles);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(clone.body.textContent).not.toContain('secret');
    expect(clone.body.textContent).toContain('visible');
  });

  it('with layout, drops what the style sheets hide (checkVisibility, as browsers have it)', () => {
    const doc = parseHtmlDocument(page(`${PROSE}<p class="x">styled away</p><div class="contents"><p>inside contents</p></div>`));
    // A fake layout on the live document: class "x" is display:none, "contents" is display:contents.
    for (const el of [doc.body, ...doc.body.querySelectorAll('*')]) {
      Object.assign(el, { checkVisibility: () => !el.classList.contains('x') && !el.classList.contains('contents') });
    }
    const view = { getComputedStyle: (el: Element) => ({ display: el.classList.contains('contents') ? 'contents' : 'block' }) };
    Object.defineProperty(doc, 'defaultView', { value: view, configurable: true });
    const withLayout = doc.cloneNode(true) as Document;
    removeHidden(doc, withLayout, true, markupStyles);
    expect(withLayout.body.textContent).not.toContain('styled away');
    expect(withLayout.body.textContent).toContain('inside contents');
    const markupOnly = doc.cloneNode(true) as Document;
    removeHidden(doc, markupOnly, false, markupStyles);
    expect(markupOnly.body.textContent).toContain('styled away');
  });
});
