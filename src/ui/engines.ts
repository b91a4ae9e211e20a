import type { LookupEngineId, Settings } from '../ext/settings-schema.ts';

/** What the pages tell the reader about a lookup engine. */
export interface EngineInfo {
  name: string;
  description: string;
  /** The endpoint used when the user sets none. */
  defaultEndpoint: string;
}

export const ENGINES: Record<LookupEngineId, EngineInfo> = {
  gdelt: {
    name: 'GDELT',
    description: 'The GDELT DOC 2.0 API: global online news of the last three months.',
    defaultEndpoint: 'https://api.gdeltproject.org/api/v2/doc/doc',
  },
  rss: {
    name: 'RSS news search',
    description: 'A news search that answers in RSS; by default Google News.',
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
