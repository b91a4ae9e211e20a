import { browser, type Browser } from 'wxt/browser';
import type { LibraryService } from './library-service.ts';
import { getSettings } from './settings.ts';

/** Extension page (options, popup) → background requests that change the library. */
export type PageRequest =
  | { type: 'unspun/library-remove'; id: string }
  | { type: 'unspun/library-clear' }
  | { type: 'unspun/library-reload' }
  | { type: 'unspun/forget-now' }
  | { type: 'unspun/feeds-poll'; ids: string[] }
  /** Look for the original of the article in a tab (the popup's button); progress goes to the tab's verdict. */
  | { type: 'unspun/lookup'; tabId: number };

/** True for a message from one of this extension's own pages (not a content script, not a web page). */
export function isOwnPage(sender: Browser.runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export function parsePageRequest(msg: unknown): PageRequest | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as Record<string, unknown>;
  if (m['type'] === 'unspun/library-remove' && typeof m['id'] === 'string' && m['id'].length <= 4000) {
    return { type: 'unspun/library-remove', id: m['id'] };
  }
  if (m['type'] === 'unspun/library-clear' || m['type'] === 'unspun/forget-now' || m['type'] === 'unspun/library-reload') return { type: m['type'] };
  if (m['type'] === 'unspun/feeds-poll' && Array.isArray(m['ids']) && m['ids'].length <= 500 && m['ids'].every((x) => typeof x === 'string')) {
    return { type: 'unspun/feeds-poll', ids: m['ids'] as string[] };
  }
  if (m['type'] === 'unspun/lookup' && Number.isInteger(m['tabId']) && (m['tabId'] as number) >= 0) {
    return { type: 'unspun/lookup', tabId: m['tabId'] as number };
  }
  return null;
}

/** Handles a request from an extension page; anything else is ignored (undefined). */
export async function handlePageRequest(
  msg: unknown,
  sender: Browser.runtime.MessageSender,
  library: LibraryService,
  pollNow: (ids: string[]) => Promise<object> = async () => ({ polled: [] }),
  lookupTab: (tabId: number) => Promise<object> = async () => ({ ok: false, error: 'lookup is not available' }),
) {
  if (!isOwnPage(sender)) return undefined;
  const req = parsePageRequest(msg);
  if (!req) return undefined;
  switch (req.type) {
    case 'unspun/library-remove':
      await library.remove(req.id);
      return { ok: true };
    case 'unspun/library-clear':
      await library.clear();
      return { ok: true };
    case 'unspun/library-reload':
      library.reload();
      return { ok: true };
    case 'unspun/forget-now':
      return { ok: true, forgotten: await forgetOldReading(library, new Date()) };
    case 'unspun/feeds-poll':
      return { ok: true, ...(await pollNow(req.ids)) };
    case 'unspun/lookup':
      return lookupTab(req.tabId);
  }
}

/** Applies the "forget reading history older than N days" setting and the feed items' lifetime. */
export async function forgetOldReading(library: LibraryService, now: Date): Promise<number> {
  const { forgetReadAfterDays, feedItemDays } = await getSettings();
  await library.expireFeedItems(new Date(now.getTime() - feedItemDays * DAY));
  if (!forgetReadAfterDays) return 0;
  return library.forgetReadBefore(new Date(now.getTime() - forgetReadAfterDays * DAY));
}

const DAY = 86_400_000;
