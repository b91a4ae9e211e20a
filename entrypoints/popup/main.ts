import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '@/src/ext/content-settings';
import { getTabReloadMark } from '@/src/ext/tab-verdicts';
import { browserUiHost } from '@/src/ext/ui-host';
import { t, useMessages } from '@/src/ui/i18n';
import { mountPopup, type PopupHost } from '@/src/ui/popup-controller';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs));
// The static page is English until this runs: its language and placeholder in the browser's.
document.documentElement.lang = t('htmlLang');
document.querySelector('#app .muted')?.replaceChildren(t('popupLoading'));

/** The tab this popup is about: `?tabId=N`, else the active tab of the current window. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && location.search.includes('tabId=')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The popup's host: every extension page's, and what only the popup does (open the library, load the tab again, follow the settings). */
function popupHost(): PopupHost {
  return {
    ...browserUiHost(),
    openLibrary: () => browser.runtime.openOptionsPage(),
    reloadTab: (tabId) => browser.tabs.reload(tabId),
    needsReload: async (tabId) => !!(await getTabReloadMark(tabId)),
    watchSettings(onChange) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && SETTINGS_KEY in changes) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

// The popup renders the tab's verdict and redraws it while open, as checks, lookups and settings change.
void targetTabId().then((tabId) => mountPopup(document.getElementById('app')!, tabId, popupHost()));
