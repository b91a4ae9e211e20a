import { BROWSER_TIME_BUDGET_MS, extractArticle, type ExtractResult } from '../extract/extract-article.ts';
import type { Handlers } from './protocol.ts';

/**
 * Turns HTML into an article; where the DOM lives differs by browser (see `originals.ts`). `page`: a
 * tab's own page (its content script's snapshot), judged as an article or not as the CLI judges a
 * page; else a fetched original, read whatever it is.
 */
export type HtmlExtractor = (html: string, url: string, page?: boolean) => Promise<ExtractResult>;

/**
 * Extracts an article from HTML with the page's own DOMParser (Firefox's background page, Chrome's
 * offscreen document). The parsed document runs no scripts and loads nothing. The same work budgets
 * as a page in a tab (nesting depth, Readability's time, text caps), so a hostile original cannot
 * stall the background.
 */
export function extractHtml(html: string, url: string, page = false): ExtractResult {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links in the article resolve against the page's address, not the extension's.
  const base = doc.createElement('base');
  base.href = url;
  doc.head?.prepend(base);
  return extractArticle(doc, url, { force: !page, useLayout: false, timeBudgetMs: BROWSER_TIME_BUDGET_MS });
}

/** The offscreen document's answers (Chrome): it reads the pages the background fetched. */
export const offscreenHandlers: Handlers<'offscreen'> = {
  'unspun/offscreen-extract': async (req) => extractHtml(req.html, req.url, req.page === true),
};
