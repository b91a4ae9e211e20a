import { browser } from 'wxt/browser';
import type { CheckArticleMessage } from './protocol.ts';

/**
 * The article last read on each tab, kept in session storage (memory only, gone with the browser
 * session) so the popup's "Look for the original" can search for it after the worker restarted.
 */
const key = (tabId: number) => `page:${tabId}`;
const area = () => browser.storage.session ?? browser.storage.local;

export async function saveTabPage(tabId: number, msg: CheckArticleMessage): Promise<void> {
  await area().set({ [key(tabId)]: msg });
}

export async function getTabPage(tabId: number): Promise<CheckArticleMessage | undefined> {
  return (await area().get(key(tabId)))[key(tabId)] as CheckArticleMessage | undefined;
}

export async function clearTabPage(tabId: number): Promise<void> {
  await area().remove(key(tabId));
}
