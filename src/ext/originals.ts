import { browser } from 'wxt/browser';
import type { LibraryArticle } from '../library/article.ts';
import { toLibraryArticle } from '../library/ingest.ts';
import { fetchText, type Fetcher } from '../net/fetch-text.ts';
import { extractHtml, type HtmlExtractor } from './html-extract.ts';
import { sendMessage } from './messaging.ts';

const ARTICLE_LIMITS = { timeoutMs: 20_000, maxBytes: 4 * 1024 * 1024 };

/** What fetching an original needs; injected so tests can fake the network and the DOM. */
export interface OriginalsDeps {
  canFetch: (url: string) => Promise<boolean>;
  extract: HtmlExtractor;
  fetcher?: Fetcher;
}

/**
 * Fetches the full article behind a feed stub, once: the result replaces the stub in the library.
 * Returns null when the host may not be read, or the page is not an article; throws when the
 * article's URL redirects to a host that may not be read.
 */
export async function fetchOriginal(stub: LibraryArticle, deps: OriginalsDeps): Promise<LibraryArticle | null> {
  if (!(await deps.canFetch(stub.url))) return null;
  // A redirect may lead elsewhere: the page it ends on must be readable too.
  const res = await fetchText(stub.url, ARTICLE_LIMITS, deps.fetcher, deps.canFetch);
  if (res.text === undefined) return null;
  const extracted = await deps.extract(res.text, stub.url);
  if (!extracted.ok) return null;
  const article = toLibraryArticle(extracted.article, { id: stub.id, source: 'feed', firstSeen: stub.firstSeen, published: stub.published });
  return { ...article, url: stub.url, siteName: article.siteName ?? stub.siteName, title: article.title || stub.title, feedId: stub.feedId };
}

/** Whether the user granted Unspun access to a URL's host (optional host permissions). */
export async function hasHostPermission(url: string): Promise<boolean> {
  try {
    const u = new URL(url);
    return await browser.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] });
  } catch {
    return false;
  }
}

/**
 * The HTML extractor for this browser: the background's own DOMParser where it has one (Firefox's
 * background page), else Chrome's offscreen document (an MV3 service worker has no DOM).
 */
export function browserExtractor(): HtmlExtractor {
  if (typeof DOMParser !== 'undefined') return async (html, url, page) => extractHtml(html, url, page);
  return offscreenExtract;
}

const OFFSCREEN_URL = 'offscreen.html';

async function offscreenExtract(html: string, url: string, page = false) {
  const offscreen = (globalThis as unknown as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) return { ok: false as const, reason: 'error' as const, detail: 'no DOM to read the page with' };
  if (!(await offscreen.hasDocument?.())) {
    await offscreen
      .createDocument({ url: OFFSCREEN_URL, reasons: ['DOM_PARSER'], justification: 'Read the article of a page or of a feed item' })
      .catch((e: Error) => {
        if (!/single offscreen document/i.test(e.message)) throw e;
      });
  }
  return sendMessage({ type: 'unspun/offscreen-extract', html, url, ...(page ? { page } : {}) });
}

interface ChromeOffscreen {
  hasDocument?: () => Promise<boolean>;
  createDocument: (p: { url: string; reasons: string[]; justification: string }) => Promise<void>;
}
