import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../src/extract/extract-article.ts';

/**
 * Defect 5 in a real browser: what `checkVisibility` alone let through (zero size, off-screen,
 * clip, opacity, transparent or tiny or indented text, scale(0), a 1×1 image link, a style sheet
 * rule) is dropped by the content script's extraction, laid out by Chromium. The extraction code
 * is bundled as is and run on pages built in code. Skipped where there is no Chromium.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGINAL = 'https://www.cnbc.com/2025/03/04/harbor-bridge-closure-freight.html';
const FARM = 'https://www.dailytrendwire.net/harbor-bridge-closure/';
const PROSE = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: port officials closed the Harbor Street bridge to freight traffic after inspectors found cracks in ${i + 2} girders, diverting trucks onto residential roads for months.</p>`,
).join('\n');
const LINE = 'Originally published by CNBC.';

const page = (credit: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>Harbor bridge</title>${head}</head><body><main><article><h1>Harbor bridge closed</h1>${PROSE}${credit}</article></main></body></html>`;

const STYLES = [
  'height:0px;overflow:hidden',
  'overflow:hidden;height:0',
  'font-size:0em',
  'opacity:0.0',
  'position:absolute;left:-9999px',
  'position:absolute;clip:rect(0 0 0 0)',
  'text-indent:-9999px',
  'transform:scale(0)',
  'color:transparent',
  'position:absolute;width:1px;height:1px;overflow:hidden',
];

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!existsSync(CHROMIUM))('hidden credit in Chromium (computed styles and layout)', () => {
  let browser: Browser;
  let tab: Page;
  let bundle: string;

  beforeAll(async () => {
    const { build } = await import('esbuild');
    const entry = fileURLToPath(new URL('../../src/extract/extract-article.ts', import.meta.url));
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'UnspunExtract', write: false, logLevel: 'silent' });
    bundle = out.outputFiles[0]!.text;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function extract(html: string): Promise<ExtractedArticle> {
    await tab.setContent(html);
    await tab.addScriptTag({ content: bundle });
    const r = await tab.evaluate(
      ([url]) =>
        (globalThis as unknown as { UnspunExtract: typeof import('../../src/extract/extract-article.ts') }).UnspunExtract.extractArticle(document, url!, {
          force: true,
        }),
      [FARM],
    );
    if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${r.detail ?? ''}`);
    return r.article;
  }

  const credits = (a: ExtractedArticle) => ({
    links: a.links.filter((l) => l.href === ORIGINAL),
    line: a.paragraphs.some((p) => p.includes('Originally published')),
  });

  it.each(STYLES)('drops a line and a link hidden with %s', async (style) => {
    const line = await extract(page(`<p style="${style}">${LINE}</p>`));
    expect(credits(line)).toEqual({ links: [], line: false });
    // The link takes its paragraph's colour (a browser gives a link its own colour otherwise).
    const link = await extract(page(`<p style="${style}">More: <a href="${ORIGINAL}" style="color:inherit">the original report</a></p>`));
    expect(credits(link)).toEqual({ links: [], line: false });
    expect(link.paragraphs.length).toBeGreaterThanOrEqual(8);
  });

  it('drops empty, zero-width and 1×1 image links, and what a style sheet or a closed <details> hides', async () => {
    const a = await extract(
      page(
        `<p>A <a href="${ORIGINAL}"></a> b <a href="${ORIGINAL}">\u200b</a> c <a href="${ORIGINAL}"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1"></a></p>` +
          `<p class="note">${LINE}</p><details><summary>Notes</summary><p>${LINE} <a href="${ORIGINAL}">CNBC</a></p></details>`,
        '<style>.note { display: none }</style>',
      ),
    );
    expect(credits(a)).toEqual({ links: [], line: false });
  });

  it("keeps a link in a transparent paragraph: it has the browser's link colour", async () => {
    const a = await extract(page(`<p style="color:transparent">More: <a href="${ORIGINAL}">the original report</a></p>`));
    expect(credits(a).links.map((l) => l.text)).toEqual(['the original report']);
  });

  it('keeps a credit line in a block of its own around the story, which Readability drops', async () => {
    for (const credit of [
      `<div><p>Source: <a href="${ORIGINAL}">CNBC</a></p></div>`,
      `<section><p>Source: <a href="${ORIGINAL}">CNBC</a></p></section>`,
      `<div><div><p>Via <a href="${ORIGINAL}">CNBC</a></p></div></div>`,
      `<footer><p>Source: <a href="${ORIGINAL}">CNBC</a></p></footer>`,
    ]) {
      expect(
        credits(await extract(page(credit))).links.map((l) => l.text),
        credit,
      ).toEqual(['CNBC']);
    }
  });

  it.each(STYLES)('drops a credit line in a block of its own hidden with %s', async (style) => {
    // The link takes its block's colour (a browser gives a link its own colour otherwise).
    const a = await extract(page(`<div style="${style}"><p>Source: <a href="${ORIGINAL}" style="color:inherit">CNBC</a></p></div>`));
    expect(credits(a)).toEqual({ links: [], line: false });
    const nested = await extract(page(`<div><div style="${style}"><p>${LINE} <a href="${ORIGINAL}" style="color:inherit">CNBC</a></p></div></div>`));
    expect(credits(nested)).toEqual({ links: [], line: false });
  });

  it('keeps a visible credit: a line, a link, a logo link named by its alt text', async () => {
    const logo =
      'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>');
    const a = await extract(
      page(
        `<p>${LINE}</p><p>Read <a href="${ORIGINAL}">the original report</a>.</p><p><a href="${ORIGINAL}"><img src="${logo}" width="120" height="40" alt="CNBC"></a></p>`,
      ),
    );
    expect(credits(a).line).toBe(true);
    expect(credits(a).links.map((l) => l.text)).toEqual(['the original report', 'CNBC']);
  });
});
