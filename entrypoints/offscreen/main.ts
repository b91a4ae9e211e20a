// Chrome only: the MV3 service worker has no DOM, so fetched pages are parsed here.
import { browser } from 'wxt/browser';
import { extractHtml } from '@/src/ext/html-extract';

browser.runtime.onMessage.addListener((msg, sender) => {
  const m = msg as { type?: unknown; html?: unknown; url?: unknown };
  // Only the background asks (an extension context without a tab); content scripts' messages are not ours.
  if (sender.id !== browser.runtime.id || sender.tab || m?.type !== 'unspun/offscreen-extract') return undefined;
  if (typeof m.html !== 'string' || typeof m.url !== 'string') return undefined;
  return Promise.resolve(extractHtml(m.html, m.url));
});
