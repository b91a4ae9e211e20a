import { browser } from 'wxt/browser';
import { sendMessage } from './messaging.ts';
import type { Send } from './protocol.ts';
import { getTabVerdict, watchTabVerdict, type TabVerdict } from './tab-verdicts.ts';

/**
 * What the extension's pages (src/ui) may do beyond drawing, handed to them by their entrypoint:
 * every read and change of the library, settings and feeds is a request to the background
 * (`send`, typed by the protocol); only what must happen in the page itself is here besides:
 * the permission prompt (a user gesture) and the live view of a tab's verdict record.
 */
export interface UiHost {
  /** A request to the background; resolves to its typed reply. */
  send: Send;
  /**
   * Asks the reader to let Unspun read these hosts. Call it first thing in a click handler:
   * Firefox shows the prompt only during a user gesture.
   */
  requestHosts(origins: string[]): Promise<boolean>;
  /** A tab's verdict record, as the background last wrote it. */
  tabVerdict(tabId: number): Promise<TabVerdict | undefined>;
  /** Calls `onChange` whenever the tab's record changes; returns a function that stops. */
  watchTabVerdict(tabId: number, onChange: (value: TabVerdict | undefined) => void): () => void;
}

/** The host of a real extension page. */
export function browserUiHost(): UiHost {
  return {
    send: sendMessage,
    requestHosts: (origins) => browser.permissions.request({ origins }),
    tabVerdict: getTabVerdict,
    watchTabVerdict,
  };
}
