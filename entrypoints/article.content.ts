import { defineContentScript } from 'wxt/utils/define-content-script';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { snapshotPage } from '@/src/extract/page-snapshot';
import { notArticleReason } from '@/src/extract/types';
import { yieldToPage } from '@/src/extract/yield';
import { readSettings } from '@/src/ext/content-settings';
import { sendMessage } from '@/src/ext/messaging';
import type { CheckPageMessage, NotArticleMessage } from '@/src/ext/protocol';
import { isExcludedHost } from '@/src/ext/settings-schema';
import { watchNotice } from '@/src/ext/notice';

/**
 * Runs on every page the user opens, so it stays lean (scripts/check-content-script.mjs holds its
 * size): it takes what a reader sees of the page (`snapshotPage`: only this needs the live page, its
 * styles and layout), in short slices, and sends it. Reading the article from it (Readability, the
 * text and credit rules), splitting into sentences and fingerprinting happen in the background, as
 * the CLI does them, never in the page's thread. The one other thing it does is show the notice of
 * a page the background judged an uncredited rewrite (src/ext/notice.ts). Its build uses the
 * browser's own extension API, not webextension-polyfill (see wxt.config.ts).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Listening first: the background tells the tab its verdict as soon as it has one.
    watchNotice(ctx);
    // Paused, or an excluded site: the page is not read at all.
    const settings = await readSettings().catch(() => null);
    if (ctx.isInvalid || !settings || settings.paused || isExcludedHost(location.hostname, settings.excludedSites)) return;
    const url = location.href;
    // Readability's own cheap test first, so that pages with no article are not taken at all.
    if (!isProbablyReaderable(document, { minContentLength: 140, minScore: 20 })) {
      void sendMessage({ type: 'unspun/not-article', url, reason: 'not-article' }).catch(() => undefined);
      return;
    }
    // A stopped worker starts, and reads its index, while the page waits for idle time and is taken
    // (nothing of the page in this message).
    void sendMessage({ type: 'unspun/reading-page', url }).catch(() => undefined);
    // Taking the page waits for idle time so it never competes with the page's own work.
    const run = async () => {
      if (ctx.isInvalid) return;
      const message = await readPage(url);
      if (ctx.isInvalid) return; // the extension was updated or removed while the page was read
      void sendMessage(message).catch(() => undefined);
    };
    if ('requestIdleCallback' in window) ctx.requestIdleCallback(() => void run(), { timeout: 3000 });
    else ctx.setTimeout(() => void run(), 200);
  },
});

/** What a reader sees of the page, bounded (nesting depth, shown elements, characters; see `snapshotPage`), in slices of a few milliseconds. */
async function readPage(url: string): Promise<CheckPageMessage | NotArticleMessage> {
  const snapshot = await snapshotPage(document, true, undefined, yieldToPage);
  if (!snapshot.ok) return { type: 'unspun/not-article', url, reason: notArticleReason(snapshot.reason) };
  return { type: 'unspun/check-page', url, html: snapshot.html };
}
