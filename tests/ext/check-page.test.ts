import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { snapshotPage } from '../../src/extract/page-snapshot.ts';
import { markupStyles } from '../../src/extract/visibility-markup.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import type { HtmlExtractor } from '../../src/ext/html-extract.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { getTabPage } from '../../src/ext/page-store.ts';
import { getTabVerdict } from '../../src/ext/tab-verdicts.ts';
import { SHARED } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';

/** The background's reader in Node: what extractHtml does with the browser's DOMParser, with linkedom. */
const extract: HtmlExtractor = async (html, url, page) => extractArticle(parseHtmlDocument(html), url, { force: !page, useLayout: false });
const fromTab = (id: number, url: string) => ({ id: browser.runtime.id, tab: { id } as never, url });
const pageMessage = async (file: string, url: string) => {
  const html = readFileSync(join(SHARED, 'corpus', 'pages', file), 'utf8');
  const s = await snapshotPage(parseHtmlDocument(html), false, markupStyles as never, async () => {});
  if (!s.ok) throw new Error(s.detail);
  return { type: 'unspun/check-page', url, html: s.html };
};

describe("a tab's page snapshot (unspun/check-page), read in the background", () => {
  let library: LibraryService;
  beforeEach(() => {
    freshExtension();
    library = new LibraryService();
  });

  it('flags the seed rewrite after its original was read, as the article messages did', async () => {
    const original = await handleMessage(await pageMessage('seed-original.html', CNBC), fromTab(1, CNBC), library, undefined, undefined, extract);
    expect(original?.kind).toBe('none');
    const rewrite = await handleMessage(await pageMessage('seed-rewrite.html', FARM), fromTab(2, FARM), library, undefined, undefined, extract);
    expect(rewrite).toMatchObject({ kind: 'uncredited-rewrite', original: { url: CNBC } });
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('!');
    // The article read from the snapshot is what a recheck uses.
    expect((await getTabPage(2))?.article).toMatchObject({ url: FARM });
    expect((await getTabVerdict(2))?.verdict.kind).toBe('uncredited-rewrite');
  });

  it('says the page is no article when the snapshot holds none, and when reading it fails', async () => {
    const short = { type: 'unspun/check-page', url: FARM, html: '<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi.</p></body></html>' };
    expect(await handleMessage(short, fromTab(3, FARM), library, undefined, undefined, extract)).toMatchObject({ kind: 'not-article' });
    const failing: HtmlExtractor = async () => {
      throw new Error('offscreen document gone');
    };
    expect(await handleMessage(short, fromTab(3, FARM), library, undefined, undefined, failing)).toMatchObject({ kind: 'not-article', reason: 'error' });
    // Without a reader (no DOM in this background) the page is not read, and says why.
    expect(await handleMessage(short, fromTab(3, FARM), library)).toMatchObject({ kind: 'not-article' });
  });

  it('refuses a snapshot about another page than the tab shows, or one too large', async () => {
    const msg = await pageMessage('seed-rewrite.html', FARM);
    expect(await handleMessage(msg, fromTab(4, CNBC), library, undefined, undefined, extract)).toBeUndefined();
    const huge = { ...msg, html: 'x'.repeat(4_200_000) };
    expect(await handleMessage(huge, fromTab(4, FARM), library, undefined, undefined, extract)).toBeUndefined();
  });

  it('gets the library ready when a page says it is being read, with nothing of the page in the message', async () => {
    let loads = 0;
    const index = library.index.bind(library);
    library.index = () => (loads++, index());
    expect(await handleMessage({ type: 'unspun/reading-page', url: FARM }, fromTab(5, FARM), library)).toEqual({ ok: true });
    expect(loads).toBe(1);
    // Only about the tab's own page, and nothing else is accepted in it.
    expect(await handleMessage({ type: 'unspun/reading-page', url: CNBC }, fromTab(5, FARM), library)).toBeUndefined();
    expect(loads).toBe(1);
  });
});
