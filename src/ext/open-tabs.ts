import { isHttpUrl } from '../core/url.ts';
import { getTabVerdict, markTabForReload, type TabReloadMark } from './tab-verdicts.ts';

/** The built article content script (WXT builds entrypoints/article.content.ts to this file). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/article.js';

/** The parts of the extension API this module calls (the real `browser`, or a test's fake). */
export interface OpenTabsApi {
  tabs: { query(queryInfo: { [key: string]: never }): Promise<{ id?: number; url?: string; discarded?: boolean }[]> };
  permissions: { contains(permissions: { origins?: string[] }): Promise<boolean> };
  /** Chrome's `scripting` (the `scripting` permission); absent where the extension has no such API. */
  scripting?: { executeScript(injection: { target: { tabId: number }; files: (typeof CONTENT_SCRIPT_FILE)[] }): Promise<unknown> };
}

export interface OpenTabsOptions {
  /**
   * The browser itself runs the manifest's content scripts in the tabs already open when an
   * extension is installed, updated or enabled (Firefox does; Chrome does not): nothing to do.
   */
  browserInjects?: boolean;
  now?: Date;
}

/** What `checkOpenTabs` did with each tab, by tab id. */
export interface OpenTabsResult {
  /** The content script now runs there: the tab gets its verdict as if it had just loaded. */
  injected: number[];
  /** Marked "reload to check" (`TabReloadMark`): Unspun could not run there. */
  marked: number[];
  /** Nothing to do: not a web page (browser and extension pages, files), a discarded tab (it loads again when shown), or already checked. */
  skipped: number[];
}

/**
 * Checks the tabs that were already open when Unspun was installed or updated: the browser runs the
 * manifest's content script only in pages loaded after that, so those tabs would show nothing until
 * reloaded. Where Unspun may run its content script (an http(s) page whose host it has permission
 * for: the optional host permissions the user granted for feeds or lookup), it injects the built
 * content script, which reads the page as on a load (and respects pause and excluded sites). Every
 * other tab that may hold a web page gets a reload mark for the popup. It asks for no permission:
 * the content script's match patterns do not let an extension inject by script, and without the
 * `tabs` permission a tab's address is hidden unless Unspun has host access to it, so a tab whose
 * address is hidden is marked too (it may be a browser page, which a reload will not check either).
 * Tabs are injected one at a time, so a window full of open articles is read in turn.
 */
export async function checkOpenTabs(api: OpenTabsApi, { browserInjects = false, now = new Date() }: OpenTabsOptions = {}): Promise<OpenTabsResult> {
  const result: OpenTabsResult = { injected: [], marked: [], skipped: [] };
  if (browserInjects) return result;
  for (const tab of await api.tabs.query({})) {
    const tabId = tab.id;
    if (tabId === undefined || tabId < 0) continue;
    const url = tab.url;
    // A discarded tab loads its page again when shown, and the manifest's content script runs then.
    if (tab.discarded || (url !== undefined && !isHttpUrl(url)) || (await getTabVerdict(tabId))) {
      result.skipped.push(tabId);
      continue;
    }
    let reason: TabReloadMark['reason'] = 'no-access';
    if (url !== undefined && api.scripting && (await hasHostAccess(api, url))) {
      try {
        await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
        result.injected.push(tabId);
        continue;
      } catch (e) {
        // e.g. the tab navigated to a page Unspun may not touch since it was listed
        console.warn('Unspun: could not check already-open tab', tabId, e);
        reason = 'injection-failed';
      }
    }
    await markTabForReload(tabId, { markedAt: now.toISOString(), reason, ...(url === undefined ? {} : { url }) });
    result.marked.push(tabId);
  }
  return result;
}

async function hasHostAccess(api: OpenTabsApi, url: string): Promise<boolean> {
  try {
    const u = new URL(url);
    return await api.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] });
  } catch {
    return false;
  }
}
