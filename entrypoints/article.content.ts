import { defineContentScript } from 'wxt/utils/define-content-script';
import { BROWSER_TIME_BUDGET_MS, extractArticle, TOO_COMPLEX_MESSAGE } from '@/src/extract/extract-article';
import { sendMessage } from '@/src/ext/messaging';
import type { ContentMessage } from '@/src/ext/protocol';
import { getSettings, isExcludedHost } from '@/src/ext/settings';
import { readArticle } from '@/src/library/page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Reading the page waits for idle time so it never competes with the page's own work.
    const run = async () => {
      if (ctx.isInvalid) return;
      // Paused, or an excluded site: the page is not read at all.
      const settings = await getSettings().catch(() => null);
      if (!settings || settings.paused || isExcludedHost(location.hostname, settings.excludedSites)) return;
      const message = readPage();
      void sendMessage(message).catch(() => undefined);
    };
    if ('requestIdleCallback' in window) ctx.requestIdleCallback(() => void run(), { timeout: 3000 });
    else ctx.setTimeout(() => void run(), 200);
  },
});

function readPage(): ContentMessage {
  const url = location.href;
  // Bounded work in the page's own thread: nesting depth, Readability's time, text caps (see extractArticle).
  const result = extractArticle(document, url, { timeBudgetMs: BROWSER_TIME_BUDGET_MS });
  if (!result.ok) {
    const reason = result.reason === 'too-complex' ? `too-complex: ${TOO_COMPLEX_MESSAGE}` : result.reason;
    return { type: 'unspun/not-article', url, reason };
  }
  // Capped and fingerprinted as the CLI's eval and check do (`readArticle`): one path from page to verdict.
  return { type: 'unspun/check-article', ...readArticle(result.article) };
}
