import type { LookupEngineId, Settings } from '../ext/settings-schema.ts';
import { t } from './i18n.ts';

/** What the pages tell the reader about a lookup engine (its texts read in the browser's language when asked). */
export interface EngineInfo {
  name: string;
  description: string;
  /** The endpoint used when the user sets none. */
  defaultEndpoint: string;
}

export const ENGINES: Record<LookupEngineId, EngineInfo> = {
  gdelt: {
    name: 'GDELT',
    get description() {
      return t('engineGdeltAbout');
    },
    defaultEndpoint: 'https://api.gdeltproject.org/api/v2/doc/doc',
  },
  rss: {
    get name() {
      return t('engineRssName');
    },
    get description() {
      return t('engineRssAbout');
    },
    defaultEndpoint: 'https://news.google.com/rss/search',
  },
};

/** The host the search terms go to: the user's own endpoint, else the engine's. */
export function engineHost(s: Pick<Settings, 'lookupEngine' | 'lookupEndpoint'>): string {
  const url = s.lookupEndpoint || ENGINES[s.lookupEngine].defaultEndpoint;
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Every host, both schemes: lookups fetch the search engine and candidate articles from any outlet. */
export const ALL_HOSTS = ['http://*/*', 'https://*/*'];
