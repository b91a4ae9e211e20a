import { storage } from 'wxt/utils/storage';
import { SETTINGS_KEY } from './content-settings.ts';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from './settings-schema.ts';

export { DEFAULT_SETTINGS, isExcludedHost, LOOKUP_ENGINE_IDS, mergeSettings, type LookupEngineId, type Settings } from './settings-schema.ts';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS, version: 1 });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Validates and stores settings edited on the options page (see `mergeSettings`); returns what was stored. */
export async function saveSettings(input: Partial<Settings>): Promise<Settings> {
  const next = mergeSettings(await getSettings(), input);
  await settingsItem.setValue(next);
  return next;
}
