import Fuse from 'fuse.js';
import type { LibraryEntry } from '../ext/protocol.ts';

export type { LibraryEntry };

const dateOf = (e: LibraryEntry) => Date.parse(e.published ?? e.firstSeen) || 0;

/**
 * Fuzzy search over the library's titles and outlets (Fuse.js), newest first when the query is
 * empty, best match first otherwise.
 */
export function searchLibrary(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const q = query.trim();
  if (!q) return [...entries].sort((a, b) => dateOf(b) - dateOf(a));
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'title', weight: 0.7 },
      { name: 'siteName', weight: 0.2 },
      { name: 'site', weight: 0.1 },
    ],
    ignoreLocation: true,
    threshold: 0.35,
  });
  return fuse.search(q).map((r) => r.item);
}
