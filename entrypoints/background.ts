import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '@/src/ext/handle-message';
import { LibraryService } from '@/src/ext/library-service';
import { forgetOldReading, handlePageRequest, isOwnPage } from '@/src/ext/page-messages';
import { clearTabVerdict } from '@/src/ext/tab-verdicts';

const HOUSEKEEPING = 'unspun-housekeeping';

export default defineBackground(() => {
  const library = new LibraryService();
  // Listeners are registered synchronously so a restarted MV3 worker receives the waking event.
  browser.runtime.onMessage.addListener((msg, sender) =>
    isOwnPage(sender) ? handlePageRequest(msg, sender, library) : handleMessage(msg, sender, library),
  );
  browser.tabs.onRemoved.addListener((tabId) => void clearTabVerdict(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HOUSEKEEPING) void forgetOldReading(library, new Date());
  });
  void browser.alarms.create(HOUSEKEEPING, { delayInMinutes: 1, periodInMinutes: 6 * 60 });
});
