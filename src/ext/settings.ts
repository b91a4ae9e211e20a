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
  /** Look up originals automatically, for news pages no known article explains (needs all-hosts permission). */
  lookupEnabled: boolean;
  /** The news search engine used for lookups (see `src/lookup/engines.ts`). */
  lookupEngine: LookupEngineId;
  /** Another endpoint for the engine (a self-hosted or test server); '' for the engine's own. */
  lookupEndpoint: string;
}

export type LookupEngineId = 'gdelt' | 'rss';
export const LOOKUP_ENGINE_IDS: readonly LookupEngineId[] = ['gdelt', 'rss'];

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  excludedSites: [],
  forgetReadAfterDays: null,
  feedItemDays: 30,
  lookupEnabled: false,
  lookupEngine: 'gdelt',
  lookupEndpoint: '',
};

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
    lookupEnabled: typeof input.lookupEnabled === 'boolean' ? input.lookupEnabled : current.lookupEnabled,
    lookupEngine: LOOKUP_ENGINE_IDS.includes(input.lookupEngine as LookupEngineId) ? input.lookupEngine! : current.lookupEngine,
    lookupEndpoint: input.lookupEndpoint === undefined ? current.lookupEndpoint : validEndpoint(input.lookupEndpoint),
  };
  await settingsItem.setValue(next);
  return next;
}

/** Whether a host is one of the excluded sites or under one ("news.example.com" under "example.com"). */
export function isExcludedHost(hostname: string, excludedSites: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return excludedSites.some((s) => host === s || host.endsWith(`.${s}`));
}

/** An endpoint the user typed: '' (the engine's own) or an absolute http(s) URL; anything else is refused. */
function validEndpoint(value: unknown): string {
  const text = String(value ?? '').trim();
  if (!text) return '';
  const u = new URL(text); // throws on garbage: the options page shows the error
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('the endpoint must start with http:// or https://');
  return u.href;
}
