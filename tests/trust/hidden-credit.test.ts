import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { findCredit } from '../../src/core/credit.ts';
import { extractArticle, type ExtractedArticle } from '../../src/extract/extract-article.ts';
import { removeHidden } from '../../src/extract/visibility.ts';
import { markupStyles } from '../../src/extract/visibility-markup.ts';
import { toPageToCheck } from '../../src/library/page.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { libraryArticle } from '../helpers.ts';
import { HARBOR_PARAGRAPHS, ORIGINAL_URL } from './harbor-story.ts';

/**
 * Defect 5: a verbatim copy with a credit a reader cannot see escaped the warning. Every page here
 * is built in code: the original's paragraphs copied word for word onto a farm's page, plus one
 * credit to the original (a link, or an attribution line naming the outlet), hidden one way or another.
 */

const FARM_URL = 'https://www.dailytrendwire.net/harbor-bridge-closure/';

/** The original's story: the first eight paragraphs of the report a farm would copy. */
const PARAGRAPHS = HARBOR_PARAGRAPHS.slice(0, 8);

const STORY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

function farmPage(credit: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Harbor bridge closed to freight</title>${head}</head>
<body><main><article><h1>Harbor bridge closed to freight after cracks found</h1>
${STORY}
${credit}
</article></main></body></html>`;
}

function library(): LibraryIndex {
  const index = new LibraryIndex();
  index.add(libraryArticle('cnbc', ORIGINAL_URL, PARAGRAPHS.join('\n'), { siteName: 'CNBC', published: '2025-03-04T08:00:00Z' }));
  return index;
}

/** The CLI's extraction (linkedom, markup and the page's own style sheets only). */
function extractCli(html: string): ExtractedArticle {
  const r = extractArticle(parseHtmlDocument(html), FARM_URL, { force: true });
  if (!r.ok) throw new Error(`extraction failed: ${r.reason}`);
  return r.article;
}

function verdictOf(article: ExtractedArticle) {
  return checkPage(toPageToCheck(article, '2025-03-05T09:00:00Z'), library()).verdict;
}

const LINE = 'Originally published by CNBC.';
const link = (text = 'the original report') => `<a href="${ORIGINAL_URL}">${text}</a>`;

/** Ways to hide a block, by inline style (the browser's computed style says the same). */
const HIDING_STYLES: [string, string][] = [
  ['height:0px;overflow:hidden', 'height:0px;overflow:hidden'],
  ['overflow:hidden;height:0', 'overflow:hidden;height:0'],
  ['font-size:0em', 'font-size:0em'],
  ['opacity:0.0', 'opacity:0.0'],
  ['left:-9999px', 'position:absolute;left:-9999px'],
  ['clip:rect(0 0 0 0)', 'position:absolute;clip:rect(0 0 0 0)'],
  ['text-indent:-9999px', 'text-indent:-9999px'],
  ['transform:scale(0)', 'transform:scale(0)'],
  ['color:transparent', 'color:transparent'],
];

/** Every trick, as an attribution line and as a link. */
const HIDDEN_CREDITS: [string, string, string][] = [
  ['empty link', 'link', `<p>${link('')}</p>`],
  ['link holding only a zero-width space', 'link', `<p>${link('\u200b')}</p>`],
  ['link holding zero-width characters and spaces', 'link', `<p>Read more ${link(' \u200b\u2060\ufeff ')}</p>`],
  ['link around a 1×1 image', 'link', `<p>${link('<img src="https://www.dailytrendwire.net/px.gif" width="1" height="1" alt="">')}</p>`],
  ['link around a 1×1 image sized by style', 'link', `<p>${link('<img src="https://www.dailytrendwire.net/px.gif" style="width:1px;height:1px">')}</p>`],
  ...HIDING_STYLES.flatMap(([name, style]): [string, string, string][] => [
    [`${name}`, 'line', `<p style="${style}">${LINE}</p>`],
    // The link takes its paragraph's colour (a browser gives a link its own colour otherwise).
    [`${name}`, 'link', `<p style="${style}">More: <a href="${ORIGINAL_URL}" style="color:inherit">the original report</a></p>`],
  ]),
  ['inside a closed <details>', 'line', `<details><summary>Notes</summary><p>${LINE}</p></details>`],
  ['inside a closed <details>', 'link', `<details><summary>Notes</summary><p>Source: ${link('CNBC')}</p></details>`],
  ['a style sheet display:none', 'line', `<p class="src-note">${LINE}</p>`],
  ['a style sheet display:none', 'link', `<p class="src-note">Read ${link()}</p>`],
];
const SHEET = '<style>.src-note { display: none; } .other { display: block; } .row { font-size: 0 } .row > .cell { font-size: 16px }</style>';

describe('a copy with a credit a reader cannot see is still flagged (CLI extraction)', () => {
  it.each(HIDDEN_CREDITS)('%s, as %s', (_name, _form, credit) => {
    const article = extractCli(farmPage(credit, SHEET));
    const verdict = verdictOf(article);
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(verdict.original?.url).toBe(ORIGINAL_URL);
    // Nothing of the hidden credit reaches the signals.
    expect(article.links.filter((l) => l.href === ORIGINAL_URL)).toEqual([]);
    expect(article.paragraphs.join(' ')).not.toMatch(/Originally published/);
  });

  it('more tricks of the same kinds: max-height, 1px boxes, an rgba/hsl/#rgba transparent colour, a far translation, a zero clip-path', () => {
    for (const style of [
      'max-height:0;overflow:hidden',
      'position:absolute;width:1px;height:1px;overflow:hidden',
      'color:rgba(0,0,0,0)',
      'color:hsl(0 0% 0% / 0)',
      'color:#0000',
      'transform:translateX(-10000px)',
      'clip-path:inset(50%)',
      'position:absolute;top:-999em',
      'margin-left:-99999px',
      'font:0/0 a',
      'visibility:hidden',
    ]) {
      const verdict = verdictOf(extractCli(farmPage(`<p style="${style}">${LINE} <a href="${ORIGINAL_URL}" style="color:inherit">CNBC</a></p>`)));
      expect(verdict.kind, style).toBe('uncredited-rewrite');
    }
  });

  it('hides by style sheet with !important, and a rule in a media query cannot hide', () => {
    const important = '<style>.n { display: none !important } p.n { display: block }</style>';
    expect(verdictOf(extractCli(farmPage(`<p class="n">${LINE}</p>`, important))).kind).toBe('uncredited-rewrite');
    const media = '<style>@media (max-width: 400px) { .n { display: none } }</style>';
    expect(verdictOf(extractCli(farmPage(`<p class="n">${LINE}</p>`, media))).kind).toBe('credited');
  });
});

describe('a credit a reader can see still counts', () => {
  it.each([
    ['an attribution line', `<p>${LINE}</p>`, 'attribution'],
    ['a link with text', `<p>Read ${link()}.</p>`, 'link'],
    ['a link around a logo of a real size', `<p>${link('<img src="https://www.cnbc.com/logo.png" width="120" height="40" alt="CNBC">')}</p>`, 'link'],
    ['a line inside an open <details>', `<details open><summary>Notes</summary><p>${LINE}</p></details>`, 'attribution'],
    ['a line in the summary of a closed <details>', `<details><summary>${LINE}</summary><p>More notes.</p></details>`, 'attribution'],
    ['a line whose box has a height and clips nothing of it', `<p style="height:2em;overflow:hidden">${LINE}</p>`, 'attribution'],
    ['a line with an inline style that hides nothing', `<p style="color:#333;font-size:0.9em;text-indent:1em;opacity:0.8">${LINE}</p>`, 'attribution'],
    [
      'a line in a zero-height box with padding (the aspect-ratio box)',
      `<div style="height:0;padding-bottom:30%;overflow:hidden"><p>${LINE}</p></div>`,
      'attribution',
    ],
    ['a line whose font-size:0 parent (from a style sheet) is reset by the line', `<div class="row"><p class="cell">${LINE}</p></div>`, 'attribution'],
    ['a line a style sheet hides and a later rule shows again', `<p class="src-note other">${LINE}</p>`, 'attribution'],
    [
      'transparent text showing a background through it',
      `<p style="color:transparent;background:linear-gradient(red,blue);background-clip:text">${LINE}</p>`,
      'attribution',
    ],
  ])('%s', (_name, credit, kind) => {
    const verdict = verdictOf(extractCli(farmPage(credit, SHEET)));
    expect(verdict.kind).toBe('credited');
    expect(verdict.credit?.kind).toBe(kind);
  });

  it("a link keeps the browser's link colour inside a transparent paragraph, unless the page makes it inherit", () => {
    expect(verdictOf(extractCli(farmPage(`<p style="color:transparent">More: ${link()}</p>`))).credit?.kind).toBe('link');
    const inherit = '<style>a { color: inherit }</style>';
    expect(verdictOf(extractCli(farmPage(`<p style="color:transparent">More: ${link()}</p>`, inherit))).kind).toBe('uncredited-rewrite');
  });

  it('an inline link keeps its text when a zero size is declared on it by a style sheet (height does not apply to inline boxes)', () => {
    const sheet = '<style>.flat { height: 0; overflow: hidden }</style>';
    const verdict = verdictOf(extractCli(farmPage(`<p>Read <a class="flat" href="${ORIGINAL_URL}">the original report</a>.</p>`, sheet)));
    expect(verdict.credit?.kind).toBe('link');
  });
});

describe('findCredit takes only links with visible text', () => {
  const original = { url: ORIGINAL_URL, siteName: 'CNBC' };
  const signals = (text: string) => ({ declaredSources: [], paragraphs: [], links: [{ href: ORIGINAL_URL, text }] });
  it.each(['', ' ', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u00ad', '\u3164'])('refuses %j', (text) => {
    expect(findCredit(signals(text), original)).toBeUndefined();
  });
  it('accepts visible text, and a line with zero-width characters inside the name', () => {
    expect(findCredit(signals('CNBC'), original)?.kind).toBe('link');
    expect(findCredit({ declaredSources: [], links: [], paragraphs: ['Originally published by C\u200bNBC.'] }, original)?.kind).toBe('attribution');
  });
});

/**
 * With layout (a browser tab), the browser's computed style decides. `checkVisibility` alone says
 * "visible" for all of these (zero size, off-screen, clip, opacity below its own test, transparent
 * text): the fake layout below gives each trick the computed values Chromium reports for it.
 */
describe('with layout, computed styles decide (values as Chromium computes them)', () => {
  const COMPUTED: Record<string, Record<string, string>> = {
    'zero height, clipped': { display: 'block', height: '0px', overflowX: 'hidden', overflowY: 'hidden', paddingTop: '0px', paddingBottom: '0px' },
    'off-screen': { display: 'block', position: 'absolute', left: '-9999px', top: '20px' },
    clip: { display: 'block', position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' },
    opacity: { display: 'block', opacity: '0' },
    'scale(0)': { display: 'block', transform: 'matrix(0, 0, 0, 0, 0, 0)' },
    'font-size 0': { display: 'block', fontSize: '0px' },
    transparent: { display: 'block', color: 'rgba(0, 0, 0, 0)', webkitTextFillColor: 'rgba(0, 0, 0, 0)' },
    'text-indent': { display: 'block', textIndent: '-9999px' },
  };
  const INHERITED = new Set(['fontSize', 'color', 'webkitTextFillColor', 'textIndent']);
  const VISIBLE = {
    display: 'block',
    height: '24px',
    overflowX: 'visible',
    overflowY: 'visible',
    fontSize: '16px',
    color: 'rgb(0, 0, 0)',
    opacity: '1',
    position: 'static',
    transform: 'none',
    textIndent: '0px',
  };

  function withFakeLayout(html: string, styleOf: (el: Element) => Record<string, string>): Document {
    const doc = parseHtmlDocument(html);
    for (const el of [doc.body, ...doc.body.querySelectorAll('*')]) {
      Object.assign(el, {
        checkVisibility: () => true,
        getBoundingClientRect: () => ({ left: 0, top: 0, right: 800, bottom: 24, width: 800, height: 24 }),
      });
    }
    Object.assign(doc.documentElement, { getBoundingClientRect: () => ({ left: 0, top: 0, right: 1280, bottom: 4000, width: 1280, height: 4000 }) });
    Object.defineProperty(doc, 'defaultView', {
      value: { getComputedStyle: (el: Element) => ({ ...VISIBLE, ...styleOf(el) }), scrollX: 0, scrollY: 0 },
      configurable: true,
    });
    return doc;
  }

  it.each(Object.keys(COMPUTED))('%s: the line and the link are dropped, the story is kept', (trick) => {
    const html = farmPage(`<p class="trick">${LINE} ${link()}</p>`);
    // Inherited properties reach the link inside the line, as they do in a browser.
    const inherited = Object.fromEntries(Object.entries(COMPUTED[trick]!).filter(([k]) => INHERITED.has(k)));
    const doc = withFakeLayout(html, (el) => (el.classList.contains('trick') ? COMPUTED[trick]! : el.closest('.trick') ? inherited : {}));
    const clone = doc.cloneNode(true) as Document;
    removeHidden(doc, clone, true, markupStyles);
    expect(clone.body.textContent).not.toContain('Originally published');
    expect(clone.querySelector(`a[href="${ORIGINAL_URL}"]`)).toBeNull();
    expect(clone.body.textContent).toContain('Harbor Street bridge');
  });

  it('a 1×1 image link is dropped by its laid-out size; a logo of a real size keeps its link, named by its alt text', () => {
    const html = farmPage(`<p>${link('<img class="px" src="/px.gif">')}</p><p>${link('<img class="logo" src="/logo.png" alt="CNBC">')}</p>`);
    const doc = withFakeLayout(html, () => ({}));
    for (const img of doc.querySelectorAll('img')) {
      const size = img.classList.contains('px') ? 1 : 40;
      Object.assign(img, { getBoundingClientRect: () => ({ left: 0, top: 0, right: size * 3, bottom: size, width: size * 3, height: size }) });
    }
    const clone = doc.cloneNode(true) as Document;
    removeHidden(doc, clone, true, markupStyles);
    const links = [...clone.querySelectorAll(`a[href="${ORIGINAL_URL}"]`)];
    expect(links).toHaveLength(1);
    expect(links[0]!.textContent).toBe('CNBC');
  });
});

describe('a parsed document without layout (the background reading a fetched page) reads the style sheets too', () => {
  it('drops a line hidden by a style sheet in happy-dom as in linkedom', () => {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
    try {
      const html = farmPage(`<p class="src-note">${LINE}</p>`, SHEET);
      const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      const r = extractArticle(doc, FARM_URL, { force: true, useLayout: false });
      if (!r.ok) throw new Error(r.reason);
      expect(r.article).toEqual(extractCli(html));
      expect(verdictOf(r.article).kind).toBe('uncredited-rewrite');
    } finally {
      void window.happyDOM.close();
    }
  });
});
