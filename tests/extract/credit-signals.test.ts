import { describe, expect, it } from 'vitest';
import { findCredit } from '../../src/core/credit.ts';
import { extract, page, PROSE } from './page.ts';

const original = { url: 'https://www.cnbc.com/2025/03/04/bike-lanes.html', siteName: 'CNBC' };
const creditOf = (html: string) => {
  const a = extract(html, 'https://www.farm.example/bike-lanes/');
  return findCredit({ canonicalUrl: a.canonicalUrl, declaredSources: a.declaredSources, links: a.links, paragraphs: a.paragraphs }, original);
};

describe('credit signals come from the article a reader sees', () => {
  it('finds the credit line and link under the story', () => {
    const html = page(`${PROSE}<p class="credit"><em><a href="${original.url}">Originally published by CNBC.</a></em></p>`);
    expect(creditOf(html)?.kind).toBe('link');
  });

  it('finds an attribution line in the story footer, which Readability alone drops', () => {
    const html = page(`${PROSE}<footer><p>This story first appeared on CNBC.</p></footer>`);
    expect(creditOf(html)?.kind).toBe('attribution');
  });

  it('gives no credit for a mention of the outlet in a related-posts box inside the article', () => {
    const html = page(`${PROSE}<div class="related-posts"><h3>Related</h3><ul>
      <li><a href="/a/">Stocks rally, according to CNBC</a></li><li><a href="/b/">Source: CNBC survey on pay</a></li>
      <li><a href="https://www.cnbc.com/2025/03/01/other.html">CNBC: markets week ahead</a></li></ul></div>`);
    expect(creditOf(html)).toBeUndefined();
  });

  it('gives no credit for a mention in the sidebar, the comments or the site footer', () => {
    const html = page(PROSE, {
      around: `<aside class="sidebar"><a href="https://www.cnbc.com/">Source: CNBC</a></aside>
        <section class="comments"><p>Source: CNBC had this first!</p></section>
        <footer><p>© 2025 Farm. Some content via CNBC.</p></footer>`,
    });
    expect(creditOf(html)).toBeUndefined();
  });

  it('gives no credit for a hidden link or hidden attribution line', () => {
    expect(creditOf(page(`${PROSE}<p style="display:none"><a href="${original.url}">Originally published by CNBC.</a></p>`))).toBeUndefined();
    expect(creditOf(page(`${PROSE}<p hidden>Source: CNBC</p>`))).toBeUndefined();
    expect(creditOf(page(`${PROSE}<p class="visually-hidden">Source: CNBC</p>`))).toBeUndefined();
  });
});
