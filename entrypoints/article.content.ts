import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { fingerprintText } from '@/src/core/fingerprint';
import { extractArticle } from '@/src/extract/extract-article';
import { capArticle, type ContentMessage } from '@/src/ext/protocol';
import { getSettings, isExcludedHost } from '@/src/ext/settings';

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
      void browser.runtime.sendMessage(message).catch(() => undefined);
    };
    if ('requestIdleCallback' in window) ctx.requestIdleCallback(() => void run(), { timeout: 3000 });
    else ctx.setTimeout(() => void run(), 200);
  },
});

function readPage(): ContentMessage {
  const url = location.href;
  const result = extractArticle(document, url);
  if (!result.ok) return { type: 'unspun/not-article', url, reason: result.reason };
  const article = capArticle(result.article);
  const { sentences, fingerprint } = fingerprintText(article.paragraphs.join('\n'));
  return { type: 'unspun/check-article', article, sentences, fingerprint };
}

