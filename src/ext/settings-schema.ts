import { isHttpUrl } from '../core/url.ts';

/** The user's choices, in one place (stored by `settings.ts`; this module touches no storage). */
export interface Settings {
  /** Checking is paused: pages are not read at all. */
  paused: boolean;
  /** Sites (registrable domains, e.g. "example.com") Unspun never reads. */
  excludedSites: string[];
  /** Forget articles read more than this many days ago (null: keep them). */
  forgetReadAfterDays: number | null;
  /** Forget feed items this many days after they were published or fetched. */
  feedItemDays: number;
  /** Most articles the library keeps; past it the oldest feed items go first (`LibraryService.keepWithin`). */
  maxArticles: number;
  /** Look up originals automatically, for news pages no known article explains (needs all-hosts permission). */
  lookupEnabled: boolean;
  /** The news search engine used for lookups (see `src/lookup/engines.ts`). */
  lookupEngine: LookupEngineId;
  /** Another endpoint for the engine (a self-hosted or test server); '' for the engine's own. */
  lookupEndpoint: string;
  /** Show a notice inside a page judged an uncredited rewrite (the badge is set either way). */
  showNotice: boolean;
}

/** The library sizes a user may choose (a 100,000-article library costs the background about 45 MB). */
export const MAX_ARTICLES_RANGE = [1_000, 1_000_000] as const;

export type LookupEngineId = 'gdelt' | 'rss';
export const LOOKUP_ENGINE_IDS: readonly LookupEngineId[] = ['gdelt', 'rss'];

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  excludedSites: [],
  forgetReadAfterDays: null,
  feedItemDays: 30,
  maxArticles: 100_000,
  lookupEnabled: false,
  lookupEngine: 'gdelt',
  lookupEndpoint: '',
  showNotice: true,
};

/**
 * `current` with the valid fields of `input` applied (what the options page edits); invalid values
 * keep the current one. Throws, with a message for the reader, on an endpoint that is not an
 * absolute http(s) URL.
 */
export function mergeSettings(current: Settings, input: Partial<Settings>): Settings {
  return {
    paused: typeof input.paused === 'boolean' ? input.paused : current.paused,
    excludedSites: Array.isArray(input.excludedSites)
      ? [
          ...new Set(
            input.excludedSites
              .map((s) =>
                String(s)
                  .trim()
                  .toLowerCase()
                  .replace(/^www\./, ''),
              )
              .filter((s) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(s)),
          ),
        ].slice(0, 500)
      : current.excludedSites,
    forgetReadAfterDays:
      input.forgetReadAfterDays === null || (Number.isInteger(input.forgetReadAfterDays) && input.forgetReadAfterDays! >= 1)
        ? (input.forgetReadAfterDays ?? null)
        : current.forgetReadAfterDays,
    feedItemDays: Number.isInteger(input.feedItemDays) && input.feedItemDays! >= 1 ? input.feedItemDays! : current.feedItemDays,
    maxArticles:
      Number.isInteger(input.maxArticles) && input.maxArticles! >= MAX_ARTICLES_RANGE[0] && input.maxArticles! <= MAX_ARTICLES_RANGE[1]
        ? input.maxArticles!
        : current.maxArticles,
    lookupEnabled: typeof input.lookupEnabled === 'boolean' ? input.lookupEnabled : current.lookupEnabled,
    lookupEngine: LOOKUP_ENGINE_IDS.includes(input.lookupEngine as LookupEngineId) ? input.lookupEngine! : current.lookupEngine,
    lookupEndpoint: input.lookupEndpoint === undefined ? current.lookupEndpoint : validEndpoint(input.lookupEndpoint),
    showNotice: typeof input.showNotice === 'boolean' ? input.showNotice : current.showNotice,
  };
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
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`"${text.slice(0, 200)}" is not a web address`);
  }
  if (!isHttpUrl(u.href)) throw new Error('the endpoint must start with http:// or https://');
  return u.href;
}
