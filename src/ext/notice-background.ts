import { browser } from 'wxt/browser';
import { localized, type MessageKey } from '../core/messages.ts';
import { NOTICE_NAME_CHARS, noticeMessage, type NoticeMessage } from './notice-message.ts';
import { asTabVerdict, type TabVerdict } from './tab-verdicts.ts';

/** The parts of the extension API the background's notice side uses (the real `browser`, or a test's fake). */
export interface NoticeApi {
  storage: { onChanged: { addListener(cb: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void): void } };
  tabs: {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    get(tabId: number): Promise<{ index: number; windowId?: number }>;
    create(props: { url: string; index?: number; windowId?: number; openerTabId?: number }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
  /** The browser's messages (public/_locales): the notice in the browser's language; English without it. */
  i18n?: { getMessage(key: string, substitutions?: string[]): string };
  action?: { openPopup?(options?: { windowId?: number }): Promise<unknown> };
  browserAction?: { openPopup?(options?: { windowId?: number }): Promise<unknown> };
}

const api = () => browser as unknown as NoticeApi;

/**
 * The tab's notice (`noticeMessage`) in the browser's language: its wording from `browser.i18n`, the
 * English of public/_locales/en where the browser has no message (`localized`, as the UI's t()). The content script only lays out
 * the texts it is sent, so it carries no messages of its own.
 */
export function localNoticeMessage(record: TabVerdict, ext: Pick<NoticeApi, 'i18n'> = api()): NoticeMessage {
  const m = noticeMessage(record);
  const v = record.verdict;
  if (!m.notice || v.kind !== 'uncredited-rewrite') return m;
  const say = (key: MessageKey, ...subs: string[]) => localized(key, subs, ext.i18n && ((k, ss) => ext.i18n!.getMessage(k, ss)));
  const cut = (s: string) => (s.length > NOTICE_NAME_CHARS ? `${s.slice(0, NOTICE_NAME_CHARS - 1)}…` : s);
  const outlet = cut(v.original.siteName || v.original.site);
  return {
    ...m,
    notice: {
      ...m.notice,
      heading: say('noticeHeading'),
      text: say('noticeText', outlet, cut(v.original.title)),
      evidence: say('noticeEvidence'),
      link: say('noticeLink', outlet),
      close: say('noticeClose'),
    },
  };
}

/** What decides whether the tab hears again: a new check, or a verdict that changed (a lookup found the original). */
const pushKey = (r: TabVerdict | undefined) => (r ? `${r.checkedAt}\n${r.url}\n${r.verdict.kind}\n${r.verdict.original?.url ?? ''}` : '');

/**
 * Tells a tab's content script what its notice shows, whenever the tab's verdict record changes:
 * after a check (`handle-message.ts`) and after a lookup (`lookup-runner.ts`), whichever wrote it.
 * A lookup's progress updates rewrite the record without changing the verdict: no message then.
 * Only the tab's top frame hears it (the content script runs there only).
 */
export function pushNotices(ext: NoticeApi = api()): void {
  ext.storage.onChanged.addListener((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      const tabId = /^verdict:(\d+)$/.exec(key)?.[1];
      const next = tabId === undefined ? undefined : asTabVerdict(change.newValue);
      if (!next || pushKey(asTabVerdict(change.oldValue)) === pushKey(next)) continue;
      // No content script there (a page the browser does not let it run in, or one gone since): nothing to tell.
      ext.tabs.sendMessage(Number(tabId), localNoticeMessage(next, ext), { frameId: 0 }).catch(() => undefined);
    }
  });
}

/**
 * Opens the evidence for the tab whose notice asked: the popup where the browser lets an extension
 * open it (`action.openPopup`, Chrome 127 and later, over the active tab of the tab's window: the one
 * the reader just clicked in), else the popup's page in a new tab beside the article
 * (`popup.html?tabId=N`, the same view). Firefox refuses `openPopup` here (the click does not reach
 * the background as a user action), so it takes the tab.
 */
export async function openEvidence(tabId: number, ext: NoticeApi = api()): Promise<{ ok: true; shown: 'popup' | 'tab' }> {
  const tab = await ext.tabs.get(tabId).catch(() => undefined);
  const openPopup = ext.action?.openPopup ?? ext.browserAction?.openPopup;
  if (openPopup) {
    try {
      await openPopup.call(ext.action ?? ext.browserAction, tab?.windowId === undefined ? undefined : { windowId: tab.windowId });
      return { ok: true, shown: 'popup' };
    } catch {
      // no user action, no focused window, or no such API: the tab below
    }
  }
  await ext.tabs.create({
    url: ext.runtime.getURL(`/popup.html?tabId=${tabId}`),
    openerTabId: tabId,
    ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}),
  });
  return { ok: true, shown: 'tab' };
}
