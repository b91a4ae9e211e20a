import { browser } from 'wxt/browser';
import { browserUiHost } from '@/src/ext/ui-host';
import { mountPopup } from '@/src/ui/popup-controller';

/** The tab this popup is about: `?tabId=N`, else the active tab of the current window. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && location.search.includes('tabId=')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// The popup renders the tab's verdict and redraws it while open, as checks and lookups update it.
void targetTabId().then((tabId) => mountPopup(document.getElementById('app')!, tabId, browserUiHost()));
