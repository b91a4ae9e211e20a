import type { SearchEngine } from './engine.ts';
import { gdeltEngine } from './gdelt.ts';
import { rssSearchEngine } from './rss-engine.ts';

/** Every engine a user can pick; none is hard-wired elsewhere. */
export const ENGINES: Readonly<Record<string, SearchEngine>> = { gdelt: gdeltEngine, rss: rssSearchEngine };

export function engineById(id: string): SearchEngine {
  const engine = ENGINES[id];
  if (!engine) throw new Error(`unknown search engine "${id}" (known: ${Object.keys(ENGINES).join(', ')})`);
  return engine;
}
