import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '@/src/ext/background-messages';
import { pollFeeds } from '@/src/ext/feed-poller';
import { LibraryService } from '@/src/ext/library-service';
import { listen } from '@/src/ext/listen';
import { browserExtractor, hasHostPermission, type OriginalsDeps } from '@/src/ext/originals';
import { forgetOldReading } from '@/src/ext/page-messages';
import { PackTransfers } from '@/src/ext/pack-transfer';
import { clearTabVerdict } from '@/src/ext/tab-verdicts';
import { clearTabPage } from '@/src/ext/page-store';
import { startLookup } from '@/src/ext/lookup-runner';
import { checkOpenTabs } from '@/src/ext/open-tabs';
import { pushNotices } from '@/src/ext/notice-background';

const HOUSEKEEPING = 'unspun-housekeeping';
const FEEDS = 'unspun-feeds';

export default defineBackground(() => {
  // The one owner of the library: pages and content scripts reach it only through messages.
  const library = new LibraryService();
  const originals: OriginalsDeps = { canFetch: hasHostPermission, extract: browserExtractor() };
  const poll = (ids?: string[]) => pollFeeds(library, new Date(), { canFetch: hasHostPermission }, ids);
  // Listeners are registered synchronously so a restarted MV3 worker receives the waking event.
  listen(
    'background',
    backgroundHandlers({
      library,
      originals,
      extract: originals.extract,
      poll,
      lookup: (tabId) => startLookup(tabId, library, originals),
      transfers: new PackTransfers(),
    }),
  );
  // Each tab's content script hears its verdict, for the notice in the page.
  pushNotices();
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabVerdict(tabId);
    void clearTabPage(tabId);
  });
  // First run: the setup page says what Unspun does and offers feeds and lookup; nothing is on until clicked.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Tabs already open have no content script yet: run it where allowed, else mark them "reload to
    // check". First, so that its list of tabs is taken before the setup page opens.
    if (reason === 'install' || reason === 'update') {
      void checkOpenTabs(browser, { browserInjects: import.meta.env.FIREFOX }).catch((e) => console.error('Unspun: checking open tabs failed', e));
    }
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HOUSEKEEPING) void forgetOldReading(library, new Date());
    if (alarm.name === FEEDS) void poll().catch((e) => console.error('Unspun: feed poll failed', e));
  });
  // Feeds are checked every 5 minutes; each is fetched only when due (its TTL, backoff), politely.
  // Created once: the worker starts again after every pause, and creating an alarm again restarts its
  // period (housekeeping would then run a minute after every start instead of every 6 hours).
  void ensureAlarm(FEEDS, { delayInMinutes: 1, periodInMinutes: 5 });
  void ensureAlarm(HOUSEKEEPING, { delayInMinutes: 1, periodInMinutes: 6 * 60 });
});

async function ensureAlarm(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, info);
}
