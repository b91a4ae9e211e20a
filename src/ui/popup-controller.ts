import type { TabVerdict } from '../ext/tab-verdicts.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { renderPopup, type PopupUi } from './popup-view.ts';
import { ALL_HOSTS } from './engines.ts';

/**
 * Shows a tab's verdict and keeps it live while the popup is open: the background rewrites the
 * tab's record as a check or a lookup goes on, and every change is drawn again. Returns a function
 * that stops listening.
 */
export async function mountPopup(root: HTMLElement, tabId: number | undefined, host: UiHost): Promise<() => void> {
  let state: TabVerdict | undefined = tabId === undefined ? undefined : await host.tabVerdict(tabId);
  const ui: PopupUi = {};
  const draw = () => renderPopup(root, state, ui);

  ui.onLookup = async () => {
    if (tabId === undefined || ui.pending) return;
    // First in the click handler (a user gesture): searching and reading candidates from any outlet
    // needs the all-hosts permission; granted already, this resolves at once without a prompt.
    const granted = await Promise.resolve()
      .then(() => host.requestHosts(ALL_HOSTS))
      .catch(() => false);
    if (!granted) {
      ui.error = 'Looking for the original needs your permission to read the search engine and the outlets it finds.';
      draw();
      return;
    }
    Object.assign(ui, { pending: true, requestedAt: new Date().toISOString(), error: undefined });
    draw();
    try {
      const reply = await host.send({ type: 'unspun/lookup', tabId });
      if (!reply.ok) ui.error = reply.error;
    } catch (e) {
      ui.error = e instanceof Error ? e.message : String(e);
    }
    ui.pending = false;
    draw();
  };

  const unwatch =
    tabId === undefined
      ? () => {}
      : host.watchTabVerdict(tabId, (value) => {
          state = value;
          draw();
        });
  // A lookup cut short shows as such once it is stale, even if no change arrives.
  const tick = setInterval(() => state?.lookup && state.lookup.phase !== 'done' && draw(), 30_000);
  draw();
  root.dataset.ready = '1';
  return () => {
    unwatch();
    clearInterval(tick);
  };
}
