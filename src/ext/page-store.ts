import type { CheckArticleMessage } from './protocol.ts';
import { sessionArea } from './tab-verdicts.ts';

/**
 * The article last read on each tab, kept in session storage (memory only, gone with the browser
 * session) so the popup's "Look for the original" can search for it after the worker restarted.
 */
const key = (tabId: number) => `page:${tabId}`;

export async function saveTabPage(tabId: number, msg: CheckArticleMessage): Promise<void> {
  await sessionArea().set({ [key(tabId)]: msg });
}

export async function getTabPage(tabId: number): Promise<CheckArticleMessage | undefined> {
  return (await sessionArea().get(key(tabId)))[key(tabId)] as CheckArticleMessage | undefined;
}

export async function clearTabPage(tabId: number): Promise<void> {
  await sessionArea().remove(key(tabId));
}
