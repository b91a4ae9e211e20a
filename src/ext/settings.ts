import { storage } from 'wxt/utils/storage';

/** The user's choices, in one place (storage.local, versioned). */
export interface Settings {
  /** Checking is paused: pages are not read at all. */
  paused: boolean;
  /** Sites (registrable domains, e.g. "example.com") Unspun never reads. */
  excludedSites: string[];
  /** Forget articles read more than this many days ago (null: keep them). */
  forgetReadAfterDays: number | null;
  /** Forget feed items this many days after they were published or fetched. */
  feedItemDays: number;
}

export const DEFAULT_SETTINGS: Settings = { paused: false, excludedSites: [], forgetReadAfterDays: null, feedItemDays: 30 };

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Validates and stores settings edited on the options page; returns what was stored. */
export async function saveSettings(input: Partial<Settings>): Promise<Settings> {
  const current = await getSettings();
  const next: Settings = {
    paused: typeof input.paused === 'boolean' ? input.paused : current.paused,
    excludedSites: Array.isArray(input.excludedSites)
      ? [...new Set(input.excludedSites.map((s) => String(s).trim().toLowerCase().replace(/^www\./, '')).filter((s) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(s)))].slice(0, 500)
      : current.excludedSites,
    forgetReadAfterDays:
      input.forgetReadAfterDays === null || (Number.isInteger(input.forgetReadAfterDays) && input.forgetReadAfterDays! >= 1)
        ? (input.forgetReadAfterDays ?? null)
        : current.forgetReadAfterDays,
    feedItemDays: Number.isInteger(input.feedItemDays) && input.feedItemDays! >= 1 ? input.feedItemDays! : current.feedItemDays,
  };
  await settingsItem.setValue(next);
  return next;
}

/** Whether a host is one of the excluded sites or under one ("news.example.com" under "example.com"). */
export function isExcludedHost(hostname: string, excludedSites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return excludedSites.some((s) => host === s || host.endsWith(`.${s}`));
}
