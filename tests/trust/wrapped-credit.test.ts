import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle, type ExtractedArticle } from '../../src/extract/extract-article.ts';
import { toPageToCheck } from '../../src/library/page.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { libraryArticle } from '../helpers.ts';
import { HARBOR_PARAGRAPHS, ORIGINAL_URL } from './harbor-story.ts';

/**
 * A copy that credits its original in plain sight, with the credit line in a block of its own
 * around the story, was flagged as an uncredited rewrite: Readability drops a short block that is
 * mostly a link (`<div><p>Source: <a>CNBC</a></p></div>`), so the credit never reached the signals.
 * The credit around the story is now read from the page (only what shows). Here: each wrapper
 * credits when it shows and does not when it is hidden; the site's menus, related lists, sidebars
 * and footer never credit.
 */

const FARM_URL = 'https://www.farm.net/a/';

/** Ten paragraphs of the original, copied word for word by the farm. */
const PARAGRAPHS = HARBOR_PARAGRAPHS;

const STORY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
const A = (text = 'CNBC') => `<a href="${ORIGINAL_URL}">${text}</a>`;

interface Layout {
  /** Inside <article>, after the story. */
  after?: string;
  /** Inside <article>, between the headline and the story. */
  before?: string;
  /** Inside <main>, after </article>. */
  outside?: string;
  /** Around <main>: the site's header and footer. */
  site?: { header?: string; footer?: string };
  head?: string;
}

function farmPage({ after = '', before = '', outside = '', site = {}, head = '' }: Layout): string {
  return `<!doctype html><html lang="en"><head><title>Harbor bridge closed to freight</title>${head}</head>
<body><header>${site.header ?? '<nav><a href="/">Farm Daily</a> <a href="/world/">World</a></nav>'}</header>
<main><article><h1>Harbor bridge closed to freight after cracks found</h1>
${before}
${STORY}
${after}
</article>${outside}</main>
<footer>${site.footer ?? '<p>© 2024 Farm Daily. All rights reserved.</p>'}</footer></body></html>`;
}

function extractCli(html: string): ExtractedArticle {
  const r = extractArticle(parseHtmlDocument(html), FARM_URL, { force: true });
  if (!r.ok) throw new Error(`extraction failed: ${r.reason}`);
  return r.article;
}

function verdictOf(html: string) {
  const index = new LibraryIndex();
  index.add(libraryArticle('cnbc', ORIGINAL_URL, PARAGRAPHS.join('\n'), { siteName: 'CNBC', published: '2025-03-04T08:00:00Z' }));
  return checkPage(toPageToCheck(extractCli(html), '2025-03-05T09:00:00Z'), index).verdict;
}

/** The credit line, in each wrapper, and where it goes on the page. */
const WRAPPED: [string, (hide: string) => Layout][] = [
  ['a <div> after the story', (hide) => ({ after: `<div${hide}><p>Source: ${A()}</p></div>` })],
  ['a <section> after the story', (hide) => ({ after: `<section${hide}><p>Source: ${A()}</p></section>` })],
  ['a <div> two deep after the story', (hide) => ({ after: `<div><div${hide}><p>Source: ${A()}</p></div></div>` })],
  ['a <footer> inside the <article>', (hide) => ({ after: `<footer${hide}><p>Source: ${A()}</p></footer>` })],
  ['a <div> right after the <article>', (hide) => ({ outside: `<div${hide}><p>Source: ${A()}</p></div>` })],
  ['a <div> between the headline and the story', (hide) => ({ before: `<div${hide}><p>Via ${A()}</p></div>` })],
];

const HIDES: [string, string][] = [
  ['display:none', ' style="display:none"'],
  ['opacity:0', ' style="opacity:0"'],
  ['a style sheet rule', ' class="src-note"'],
];
const SHEET = '<style>.src-note { display: none }</style>';

describe('a visible credit line in a block of its own around the story counts', () => {
  it('the reported case: <div><p>Source: <a>CNBC</a></p></div> after ten paragraphs', () => {
    const html = farmPage({ after: `<div><p>Source: ${A()}</p></div>` });
    expect(extractCli(html).links).toEqual([{ href: ORIGINAL_URL, text: 'CNBC' }]);
    const verdict = verdictOf(html);
    expect(verdict.kind).toBe('credited');
    expect(verdict.credit?.kind).toBe('link');
    expect(verdict.original?.url).toBe(ORIGINAL_URL);
  });

  it.each(WRAPPED)('in %s', (_name, layout) => {
    const verdict = verdictOf(farmPage({ ...layout(''), head: SHEET }));
    expect(verdict.kind).toBe('credited');
    expect(verdict.credit?.kind).toBe('link');
  });

  it.each(WRAPPED.flatMap(([name, layout]) => HIDES.map(([how, hide]): [string, string, (hide: string) => Layout, string] => [name, how, layout, hide])))(
    'but not in %s hidden by %s',
    (_name, _how, layout, hide) => {
      const html = farmPage({ ...layout(hide), head: SHEET });
      expect(extractCli(html).links.filter((l) => l.href === ORIGINAL_URL)).toEqual([]);
      const verdict = verdictOf(html);
      expect(verdict.kind).toBe('uncredited-rewrite');
      expect(verdict.original?.url).toBe(ORIGINAL_URL);
    },
  );

  it('nor when only the line inside the wrapper is hidden', () => {
    for (const style of ['display:none', 'opacity:0', 'height:0;overflow:hidden', 'font-size:0', 'position:absolute;left:-9999px']) {
      expect(verdictOf(farmPage({ after: `<div><p style="${style}">Source: ${A()}</p></div>` })).kind, style).toBe('uncredited-rewrite');
    }
  });

  it.each([
    ['Via', `<div><p>Via ${A()}</p></div>`],
    ['Originally published at', `<div><p>Originally published at ${A()}.</p></div>`],
    ['Read the original at', `<div><p>Read the original at ${A()}.</p></div>`],
    ['This article first appeared on', `<div><p>This article first appeared on ${A()}.</p></div>`],
    ['Reporting by … for', `<div><p>Reporting by Jane Doe for ${A()}.</p></div>`],
    ['Credit:', `<div><div><p>Credit: ${A()}</p></div></div>`],
    ['(c)', `<div><div><p>(c) ${A()}</p></div></div>`],
    ['a link wrapping the whole line', `<div><p><em>${A('Originally published by CNBC.')}</em></p></div>`],
  ])('with the wording %s', (_name, after) => {
    const verdict = verdictOf(farmPage({ after }));
    expect(verdict.kind).toBe('credited');
    expect(verdict.credit?.kind).toBe('link');
  });

  it('an attribution line without a link, nested in blocks, names the outlet', () => {
    for (const after of [
      '<div><div><p>Originally published by CNBC.</p></div></div>',
      '<section><div><p>Source: CNBC</p></div></section>',
      '<footer><div>© 2025 CNBC LLC. All rights reserved.</div></footer>',
    ]) {
      const verdict = verdictOf(farmPage({ after }));
      expect(verdict.kind, after).toBe('credited');
      expect(verdict.credit?.kind, after).toBe('attribution');
    }
  });
});

describe('the site around the story gives no credit', () => {
  it('a nav and a related list linking other outlets, the original among them', () => {
    const outlets = `<a href="${ORIGINAL_URL}">CNBC</a> <a href="https://www.reuters.com/">Reuters</a> <a href="https://apnews.com/">AP</a>`;
    const html = farmPage({
      site: { header: `<nav>${outlets}</nav>` },
      after: `<div class="related-posts"><h3>Related</h3><ul><li><a href="${ORIGINAL_URL}">Via CNBC: bridge repairs</a></li><li><a href="/b/">Source: CNBC survey on freight</a></li></ul></div>`,
      outside: `<nav class="partners"><p>Source: ${A()}</p></nav><div class="more-stories"><p>Via ${A()}</p></div>`,
    });
    expect(extractCli(html).links.filter((l) => l.href === ORIGINAL_URL)).toEqual([]);
    expect(verdictOf(html).kind).toBe('uncredited-rewrite');
  });

  it('a list of outlets under the story is a list, not a credit', () => {
    const outlets = ['www.cnbc.com/2025/03/04/harbor-bridge-closure-freight.html', 'www.reuters.com/', 'apnews.com/', 'www.bbc.com/news'];
    const list = `<div><ul>${outlets.map((o) => `<li>Source: <a href="https://${o}">${o.split('/')[0]}</a></li>`).join('')}</ul></div>`;
    expect(verdictOf(farmPage({ outside: list })).kind).toBe('uncredited-rewrite');
    expect(
      verdictOf(farmPage({ outside: `<div><p>Sources: ${outlets.map((o) => `<a href="https://${o}">${o.split('/')[0]}</a>`).join(', ')}</p></div>` })).kind,
    ).toBe('uncredited-rewrite');
  });

  it('the sidebar, the comments and the page footer, linked or not', () => {
    const html = farmPage({
      outside: `<aside><p>Source: ${A()}</p></aside><section class="comments"><p>Source: ${A()} had this first!</p></section><footer><p>© 2025 Farm Daily. Some content via ${A()}.</p></footer>`,
      site: { footer: `<p>© 2024 Farm Daily. Some stories via ${A()}.</p><div><p>Source: ${A()}</p></div>` },
    });
    expect(extractCli(html).links.filter((l) => l.href === ORIGINAL_URL)).toEqual([]);
    expect(verdictOf(html).kind).toBe('uncredited-rewrite');
  });

  it('a page wrapped in one <article> keeps its site footer out of the story', () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbor bridge closed to freight</title></head>
<body><article class="page"><header><nav><a href="/">Farm Daily</a></nav></header>
<main><h1>Harbor bridge closed to freight after cracks found</h1>${STORY}</main>
<footer><div><p>© 2024 Farm Daily. Some stories via ${A()}.</p></div></footer></article></body></html>`;
    expect(verdictOf(html).kind).toBe('uncredited-rewrite');
  });

  it("the site's own notice under the story, which Readability drops, is not added to the text", () => {
    const a = extractCli(farmPage({ after: '<div><div><p>© 2024 <a href="/">Farm Daily</a>.</p></div></div>' }));
    expect(a.paragraphs.join('\n')).not.toMatch(/Farm Daily/);
    // The same line naming another outlet is a credit line.
    expect(extractCli(farmPage({ after: '<div><div><p>© 2024 <a href="/">CNBC</a>.</p></div></div>' })).paragraphs).toContain('© 2024 CNBC.');
  });

  it('a block far from the story, past the nearest ones, does not count', () => {
    const filler = Array.from({ length: 5 }, (_, i) => `<div class="box-${i}"><p>Box ${i}</p></div>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Harbor bridge closed to freight</title></head>
<body><div id="page"><div id="story"><h1>Harbor bridge closed to freight after cracks found</h1>${STORY}</div>${filler}<div><p>Source: ${A()}</p></div></div></body></html>`;
    expect(verdictOf(html).kind).toBe('uncredited-rewrite');
    // The same line right after the story counts.
    const near = html.replace(filler, '').replace('</div><div><p>Source', '</div><div><p>Source');
    expect(verdictOf(near).kind).toBe('credited');
  });
});
