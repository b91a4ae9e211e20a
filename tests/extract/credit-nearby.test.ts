import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { siteOf } from '../../src/core/site.ts';
import { creditNearArticle, isCreditLine, MAX_NODES } from '../../src/extract/credit-nearby.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { removeHidden } from '../../src/extract/visibility.ts';
import { markupStyles } from '../../src/extract/visibility-markup.ts';
import { extract, page, PROSE } from './page.ts';

const CNBC = 'https://www.cnbc.com/2025/03/04/bike-lanes.html';
const A = (text = 'CNBC') => `<a href="${CNBC}">${text}</a>`;
/** Ten paragraphs, as in the report. */
const TEN = Array.from(
  { length: 10 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the council voted on Tuesday to approve a network of protected bike lanes across the downtown core, after a debate that ran late into the evening.</p>`,
).join('\n');

describe('credit lines around the story are read from the page', () => {
  it('the reported page: a linked "Source:" line in a <div> after ten paragraphs', () => {
    const html = `<!doctype html><html><head><title>Bike lanes</title></head><body><main><article><h1>Bike lanes</h1>${TEN}<div><p>Source: ${A()}</p></div></article></main></body></html>`;
    const r = extractArticle(parseHtmlDocument(html), 'https://www.farm.net/a/', { force: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.links).toEqual([{ href: CNBC, text: 'CNBC' }]);
    expect(r.article.paragraphs.at(-1)).toBe('Source: CNBC');
    expect(r.article.paragraphs).toHaveLength(11);
  });

  it('keeps the order of the page: a line before the story comes first, one after it last', () => {
    const a = extract(page(`<div><p>Via ${A()}</p></div>${PROSE}<div><div><p>Originally published by ${A()}.</p></div></div>`));
    expect(a.paragraphs[0]).toBe('Via CNBC');
    expect(a.paragraphs.at(-1)).toBe('Originally published by CNBC.');
    // The same link twice is one link.
    expect(a.links).toEqual([{ href: CNBC, text: 'CNBC' }]);
  });

  it('does not repeat what Readability kept', () => {
    const a = extract(page(`${PROSE}<p>Source: ${A()}</p>`));
    expect(a.links).toEqual([{ href: CNBC, text: 'CNBC' }]);
    expect(a.paragraphs.filter((p) => p === 'Source: CNBC')).toHaveLength(1);
  });

  it("takes a logo link by its image's name, and no link nobody can see", () => {
    const logo = `<div><p>Source: <a href="${CNBC}"><img src="https://www.cnbc.com/logo.png" width="120" height="40" alt="CNBC"></a></p></div>`;
    expect(extract(page(PROSE + logo)).links).toEqual([{ href: CNBC, text: 'CNBC' }]);
    const pixel = `<div><p>Source: <a href="${CNBC}"><img src="https://www.cnbc.com/px.gif" width="1" height="1" alt="CNBC"></a></p></div>`;
    expect(extract(page(PROSE + pixel)).links).toEqual([]);
    expect(extract(page(`${PROSE}<div><p>Source: <a href="${CNBC}">\u200b</a></p></div>`)).links).toEqual([]);
  });

  it('leaves out text a reader cannot see inside a shown line', () => {
    const a = extract(page(`${PROSE}<div><p>Source: <span style="font-size:0">${A()}</span></p></div>`));
    expect(a.links).toEqual([]);
  });

  it('reads nothing of a closed <details>, a <dialog> or a hidden attribute', () => {
    for (const hidden of [
      `<details><summary>Notes</summary><div><p>Source: ${A()}</p></div></details>`,
      `<dialog><div><p>Source: ${A()}</p></div></dialog>`,
      `<div hidden><p>Source: ${A()}</p></div>`,
      `<div aria-hidden="true"><p>Source: ${A()}</p></div>`,
    ]) {
      expect(extract(page(PROSE + hidden)).links, hidden).toEqual([]);
    }
  });

  it('skips share bars and picture credits', () => {
    const a = extract(
      page(`${PROSE}<div class="share-tools"><p>Share via <a href="https://twitter.com/intent/tweet">Twitter</a></p></div>
        <div class="image-credit"><p>Photo via <a href="https://www.cnbc.com/photos/">CNBC</a></p></div>`),
    );
    expect(a.links).toEqual([]);
  });
});

describe('isCreditLine', () => {
  it.each([
    'Source: CNBC',
    'Via CNBC',
    'Originally published by CNBC.',
    'Originally published at CNBC.',
    'Read the original at CNBC.',
    'Read the full story on CNBC',
    'This article first appeared on CNBC.',
    'The post Harbor bridge closed appeared first on CNBC.',
    'Reporting by Jane Doe for CNBC.',
    'Credit: CNBC',
    '(c) CNBC',
    '© 2025 CNBC LLC. All rights reserved.',
    'Quelle: dpa',
    'Fuente: EFE',
  ])('%s', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it.each([
    'Read on to find out what the council decided.',
    'Stocks fell on Tuesday, according to CNBC.',
    'CNBC',
    'Share this story',
    `The council voted via a show of hands on Tuesday to approve the new network of protected bike lanes across the downtown core after a debate that ran late into the evening.`,
  ])('not: %s', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });
});

/**
 * The page around a story, as `extractArticle` reads it: the shown page, and the clone's <article>
 * standing for what Readability kept (its text nodes are the clone's).
 */
function around(html: string) {
  const live = parseHtmlDocument(html);
  const clone = live.cloneNode(true) as Document;
  const shown = removeHidden(live, clone, false, markupStyles);
  const content = clone.querySelector('article')!;
  const url = 'https://news.example.com/2025/03/04/bike-lanes';
  const start = performance.now();
  const found = creditNearArticle(
    shown,
    content,
    { title: 'Council approves downtown bike lanes', urls: [url], ownSites: new Set(['example.com']), resolve: (h) => new URL(h, url).toString(), siteOf },
    { paragraphs: [], links: [] },
  );
  return { found, ms: performance.now() - start };
}

// Building the hostile pages (linkedom, the visibility walk) is slow on a busy machine; `ms` times the reading itself.
describe('bounded work on a hostile page', { timeout: 30_000 }, () => {
  it('20,000 credit lines after the story: a few are taken, quickly', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `<div><p>Source: <a href="https://outlet${i}.example/">Outlet ${i}</a></p></div>`).join('');
    const { found, ms } = around(page(PROSE, { around: `<div>${lines}</div>` }));
    expect(found.links).toHaveLength(16);
    expect(found.before.length + found.after.length).toBe(8);
    expect(ms).toBeLessThan(1_000);
  });

  it('a story of more than MAX_NODES nodes is read up to the cap', () => {
    const filler = Array.from({ length: MAX_NODES }, (_, i) => `<p>Source ${i}: a line of its own that credits nobody.</p>`).join('');
    const { found, ms } = around(page(`${PROSE}${filler}<div><p>Source: ${A()}</p></div>`));
    expect(found.links).toEqual([]);
    expect(ms).toBeLessThan(1_000);
  });

  it('a line of 200,000 "©" after the story is not read as a credit line', () => {
    const html = page(PROSE, { around: `<div><div>${'© '.repeat(200_000)} <a href="${CNBC}">CNBC</a></div></div>` });
    const { found, ms } = around(html);
    expect(found).toEqual({ before: [], after: [], links: [] });
    expect(ms).toBeLessThan(1_000);
    const r = extractArticle(parseHtmlDocument(html), 'https://news.example.com/2025/03/04/bike-lanes', { force: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.links).toEqual([]);
  });
});
