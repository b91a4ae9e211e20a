// E2E for issue 10 #5, the same for every browser: a verbatim copy of the seed's CNBC original
// whose only credit to it is hidden from the reader is still an uncredited rewrite; the same copy
// with the credit in plain sight is credited. The pages are made here from the original's text (as
// the Node extraction reads it) and served on a content farm's host beside the original.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED, nodeArticle, sameUrl, visit, waitForBadge } from './harness.mjs';
import { corpusDoc, startCorpusServer } from './server.mjs';

const FARM = 'www.dailytrendwire.net';
const TIMEOUT = 180_000;

/**
 * The farm's credit to the original: a "Source:" line linking to it, after the story, hidden one way
 * each (the tricks of tests/trust/hidden-credit*.test.ts, here laid out by the browser). `a(trick)`
 * links to the original with `#trick` on the URL, so a credit that counts names its trick.
 */
const HIDDEN = {
  'opacity-0': (a) => `<p style="opacity:0">Source: ${a('opacity-0', 'CNBC')}</p>`,
  'off-screen': (a) => `<p style="position:absolute;left:-9999px">Source: ${a('off-screen', 'CNBC')}</p>`,
  'clip-rect': (a) => `<p style="position:absolute;clip:rect(0 0 0 0)">Source: ${a('clip-rect', 'CNBC')}</p>`,
  'font-size-0': (a) => `<p style="font-size:0">Source: ${a('font-size-0', 'CNBC')}</p>`,
  'zero-height': (a) => `<div style="height:0;overflow:hidden"><p>Source: ${a('zero-height', 'CNBC')}</p></div>`,
  'empty-link': (a) => `<p>More from the wires. ${a('empty-link', '')}</p>`,
  'closed-details': (a) => `<details><summary>Notes</summary><p>Source: ${a('closed-details', 'CNBC')}</p></details>`,
  // The link inherits the colour: a browser gives a link its own colour otherwise.
  'color-transparent': (a) => `<p style="color:transparent">Source: ${a('color-transparent', 'CNBC', 'color:inherit')}</p>`,
};

/**
 * The pages: every trick at once (the page counts as credited if any one credit counts, so one
 * page shows that none does), and the same copy with the credit in plain sight, in a block of its
 * own after the story (Readability alone drops that block: the credit is read from the page).
 */
const PAGES = {
  hidden: (a) =>
    Object.values(HIDDEN)
      .map((hide) => hide(a))
      .join('\n'),
  visible: (a) => `<div><p>Source: ${a('visible', 'CNBC')}</p></div>`,
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The farm's copy: the original's paragraphs word for word, then `credit(a)`, a = link maker. */
function farmPage({ title, paragraphs }, credit) {
  return (port) => {
    const original = new URL(corpusDoc(SEED.original).url);
    const href = `http://${original.hostname}:${port}${original.pathname}`;
    const a = (trick, text, style) => `<a href="${esc(`${href}#${trick}`)}"${style ? ` style="${style}"` : ''}>${esc(text)}</a>`;
    return {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} - Daily Trendwire</title></head>
<body><header><nav><a href="/">Daily Trendwire</a> <a href="/world/">World</a></nav></header>
<main><article><h1>${esc(title)}</h1><p>By Staff Writer</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${credit(a)}
</article></main><footer><p>Daily Trendwire. All rights reserved.</p></footer></body></html>`,
    };
  };
}

const pathOf = (name) => `/world/moscow-anxious-after-summit-${name}/`;

export function defineHiddenCreditSuite(name, launch) {
  let site, drv;

  before(async () => {
    const { article } = await nodeArticle(SEED.original, corpusDoc(SEED.original).url);
    const extra = Object.fromEntries(Object.entries(PAGES).map(([page, credit]) => [`${FARM}${pathOf(page)}`, farmPage(article, credit)]));
    site = await startCorpusServer({ ids: [SEED.original], extra });
    drv = await launch(site);
  });

  after(async () => {
    await drv?.close();
    await site?.close();
  });

  const farmUrl = (page) => `http://${FARM}:${site.port}${pathOf(page)}`;

  test(`${name}: a verbatim copy whose only credit is hidden gets "!", with a visible credit it gets "✓"`, { timeout: TIMEOUT }, async () => {
    const originalUrl = site.urlFor(SEED.original);
    const orig = await visit(drv, originalUrl);
    assert.notEqual(orig.verdict, 'uncredited-rewrite', 'the original itself must not be flagged');

    const visible = await visit(drv, farmUrl('visible'));
    assert.equal(visible.verdict, 'credited', `visible credit: ${JSON.stringify({ ...visible, page: undefined })}`);
    assert.ok(sameUrl(visible.original?.url, originalUrl), `visible credit: original ${visible.original?.url} != ${originalUrl}`);
    assert.equal(visible.credit?.kind, 'link', `visible credit: the link should be the credit, got ${JSON.stringify(visible.credit)}`);
    await waitForBadge(drv, visible.tabId, '✓');

    const hidden = await visit(drv, farmUrl('hidden'));
    assert.equal(
      hidden.verdict,
      'uncredited-rewrite',
      `hidden credits (${Object.keys(HIDDEN).join(', ')}): ${hidden.verdict}, credit ${JSON.stringify(hidden.credit)}`,
    );
    assert.ok(sameUrl(hidden.original?.url, originalUrl), `hidden credits: original ${hidden.original?.url} != ${originalUrl}`);
    await waitForBadge(drv, hidden.tabId, '!');
  });
}
