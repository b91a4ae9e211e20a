import { browser } from 'wxt/browser';
import { getTabVerdict } from '@/src/ext/tab-verdicts';
import { renderPopup } from '@/src/ui/popup-view';

/** The tab this popup is about: `?tabId=N`, else the active tab of the current window. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && location.search.includes('tabId=')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function main() {
  const app = document.getElementById('app')!;
  const tabId = await targetTabId();
  const state = tabId === undefined ? undefined : await getTabVerdict(tabId);
  renderPopup(app, state);
  app.dataset.ready = '1';
}

void main();
