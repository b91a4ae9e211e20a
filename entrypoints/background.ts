import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '@/src/ext/handle-message';
import { LibraryService } from '@/src/ext/library-service';
import { clearTabVerdict } from '@/src/ext/tab-verdicts';

export default defineBackground(() => {
  const library = new LibraryService();
  // Listeners are registered synchronously so a restarted MV3 worker receives the waking event.
  browser.runtime.onMessage.addListener((msg, sender) => handleMessage(msg, sender, library));
  browser.tabs.onRemoved.addListener((tabId) => void clearTabVerdict(tabId));
});
