import { browser } from 'wxt/browser';
import { sameAddress } from '../core/url.ts';
import { readSettings, SETTINGS_KEY } from './content-settings.ts';
import { sendMessage } from './messaging.ts';
import { parseNoticeMessage, type NoticeView } from './notice-message.ts';

/**
 * The notice inside a page judged an uncredited rewrite: a small card in the page's corner that
 * names the original's outlet and headline, offers the evidence (the background opens the popup, or
 * its page in a tab) and a link to the original, and closes with its button or Escape; closed, it
 * stays closed until the page loads again. It lives in a closed shadow root on an element of its own,
 * so the page's styles do not reach it and the page's scripts can neither read nor press it; every
 * text is set with textContent. It comes first in the page's tab order. Part of the content script,
 * which runs on every page: it only lays out what the background sends (`NoticeView`), to stay small
 * (scripts/check-content-script.mjs).
 */

/** The tag of the notice's host element (the only thing the page can see of it). */
export const NOTICE_TAG = 'unspun-notice';

/** Shows a notice; returns a function that removes it. */
export function showNotice(view: NoticeView, onEvidence: () => Promise<unknown>, onClose: () => void): () => void {
  // Placed and shown by the stylesheet's :host rules, which the page's own rules cannot override.
  const host = document.createElement(NOTICE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const add = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, parent: Node = box): HTMLElementTagNameMap[K] => {
    const e = document.createElement(tag);
    e.textContent = text;
    parent.appendChild(e);
    return e;
  };
  add('style', view.css, root);
  const box: HTMLElement = add('section', '', root);
  // A section with a name is a region (a landmark).
  box.setAttribute('aria-label', 'Unspun');
  add('strong', view.heading);
  add('p', view.text);
  const evidence = add('button', view.evidence);
  const link = add('a', view.link);
  link.href = view.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const close = add('button', '×');
  close.setAttribute('aria-label', view.close);
  // Only the reader's own input counts (the page cannot reach into a closed root, nor fake a click that does).
  // Handlers in braces: an on* handler that returns false cancels the event (Enter would no longer press a button).
  evidence.onclick = (e) => {
    if (e.isTrusted) onEvidence().catch(() => undefined);
  };
  close.onclick = (e) => {
    if (e.isTrusted) onClose();
  };
  box.onkeydown = (e) => {
    if (e.isTrusted && e.key === 'Escape') onClose();
  };
  (document.body ?? document.documentElement).prepend(host);
  return () => host.remove();
}

/**
 * Shows the tab's notice while the background says the page is an uncredited rewrite and the
 * setting allows it; hides it at once when the setting is turned off, and shows it again when it is
 * turned back on, unless the reader closed it. Only messages from this extension's background are
 * heard (`sender`: this extension's id and address, no tab), of the notice's shape, about this page.
 */
export function watchNotice(ctx: { onInvalidated(cb: () => void): unknown }): void {
  let view: NoticeView | null = null;
  let remove: (() => void) | undefined;
  let closed = false;
  const update = async () => {
    const on = (await readSettings().catch(() => null))?.showNotice;
    remove?.();
    remove = undefined;
    if (on && view && !closed) {
      remove = showNotice(
        view,
        () => sendMessage({ type: 'unspun/open-evidence', url: location.href }),
        () => {
          closed = true;
          void update();
        },
      );
    }
  };
  const self = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender: { id?: string; url?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab || !sender.url?.startsWith(self)) return;
    const m = parseNoticeMessage(msg);
    if (!m || !sameAddress(m.url, location.href)) return;
    view = m.notice;
    void update();
  });
  browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) void update();
  });
  // The extension was updated or removed: its notice goes (its listeners are never called again).
  ctx.onInvalidated(() => {
    closed = true;
    remove?.();
  });
}
