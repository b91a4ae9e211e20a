import { browser } from 'wxt/browser';
import type { PageRequest } from '../ext/page-messages.ts';
import { getTabVerdict, type TabVerdict } from '../ext/tab-verdicts.ts';
import { renderPopup, type PopupUi } from './popup-view.ts';
import { ALL_HOSTS } from './engines.ts';

/**
 * Shows a tab's verdict and keeps it live while the popup is open: the background rewrites the
 * tab's record as a check or a lookup goes on, and every change is drawn again. Returns a function
 * that stops listening.
 */
export async function mountPopup(root: HTMLElement, tabId: number | undefined): Promise<() => void> {
  let state: TabVerdict | undefined = tabId === undefined ? undefined : await getTabVerdict(tabId);
  const ui: PopupUi = {};
  const draw = () => renderPopup(root, state, ui);

  ui.onLookup = async () => {
    if (tabId === undefined || ui.pending) return;
    // First in the click handler (a user gesture): searching and reading candidates from any outlet
    // needs the all-hosts permission; granted already, this resolves at once without a prompt.
    const granted = await Promise.resolve()
      .then(() => browser.permissions.request({ origins: ALL_HOSTS }))
      .catch(() => false);
    if (!granted) {
      ui.error = 'Looking for the original needs your permission to read the search engine and the outlets it finds.';
      draw();
      return;
    }
    Object.assign(ui, { pending: true, requestedAt: new Date().toISOString(), error: undefined });
    draw();
    const request: PageRequest = { type: 'unspun/lookup', tabId };
    try {
      const reply = (await browser.runtime.sendMessage(request)) as { ok?: boolean; error?: string } | undefined;
      if (!reply?.ok) ui.error = reply?.error || 'Unspun\'s background did not answer.';
    } catch (e) {
      ui.error = e instanceof Error ? e.message : String(e);
    }
    ui.pending = false;
    draw();
  };

  const key = `verdict:${tabId}`;
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    if (tabId === undefined || !(key in changes)) return;
    state = (changes[key]!.newValue ?? undefined) as TabVerdict | undefined;
    draw();
  };
  browser.storage.onChanged.addListener(onChanged);
  // A lookup cut short shows as such once it is stale, even if no change arrives.
  const tick = setInterval(() => state?.lookup && state.lookup.phase !== 'done' && draw(), 30_000);
  draw();
  root.dataset.ready = '1';
  return () => {
    browser.storage.onChanged.removeListener(onChanged);
    clearInterval(tick);
  };
}
