import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema.ts';

/** The storage.local key that holds the settings (`settingsItem`, WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';

/**
 * The settings as the content script reads them: the stored value over the defaults, what
 * `getSettings` returns, read straight from storage.local. The content script runs on every page, so
 * it does not load WXT's storage wrapper (`settings.ts`) for one read; it never writes settings.
 */
export async function readSettings(): Promise<Settings> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}
