import { defineContentScript } from 'wxt/utils/define-content-script';
import { capArticle } from '@/src/extract/cap-article';
import { BROWSER_TIME_BUDGET_MS, extractArticleInSteps, TOO_COMPLEX_MESSAGE } from '@/src/extract/extract-steps';
import { readSettings } from '@/src/ext/content-settings';
import { sendMessage } from '@/src/ext/messaging';
import type { ContentMessage } from '@/src/ext/protocol';
import { isExcludedHost } from '@/src/ext/settings-schema';
import { watchNotice } from '@/src/ext/notice';

/**
 * Runs on every page the user opens, so it stays lean (scripts/check-content-script.mjs holds its
 * size): it extracts the article and caps it, nothing more. Splitting into sentences and
 * fingerprinting (the stemmer, the synonym table, MinHash) happen in the background, on the article
 * sent (`readArticle`), as the CLI does them. The one other thing it does is show the notice of a page
 * the background judged an uncredited rewrite (src/ext/notice.ts). Its build uses the browser's own extension API, not
 * webextension-polyfill (see wxt.config.ts).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Listening first: the background tells the tab its verdict as soon as it has one.
    watchNotice(ctx);
    // Reading the page waits for idle time so it never competes with the page's own work.
    const run = async () => {
      if (ctx.isInvalid) return;
      // Paused, or an excluded site: the page is not read at all.
      const settings = await readSettings().catch(() => null);
      if (!settings || settings.paused || isExcludedHost(location.hostname, settings.excludedSites)) return;
      const message = await readPage();
      if (ctx.isInvalid) return; // the extension was updated or removed while the page was read
      void sendMessage(message).catch(() => undefined);
    };
    if ('requestIdleCallback' in window) ctx.requestIdleCallback(() => void run(), { timeout: 3000 });
    else ctx.setTimeout(() => void run(), 200);
  },
});

async function readPage(): Promise<ContentMessage> {
  const url = location.href;
  // Bounded work in the page's own thread: nesting depth, Readability's time, text caps (see
  // extractArticle); in steps, the page's own work running between them.
  const result = await extractArticleInSteps(document, url, { timeBudgetMs: BROWSER_TIME_BUDGET_MS });
  if (!result.ok) {
    const reason = result.reason === 'too-complex' ? `too-complex: ${TOO_COMPLEX_MESSAGE}` : result.reason;
    return { type: 'unspun/not-article', url, reason };
  }
  // Capped to what the background accepts; the background reads it as the CLI's eval and check do (`readArticle`).
  return { type: 'unspun/check-article', article: capArticle(result.article) };
}
