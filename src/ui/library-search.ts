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

/** The library page's views: every article, or one kind. */
export type LibraryView = 'all' | 'rewrites' | 'copied' | 'feeds' | 'read';

export const LIBRARY_VIEWS: readonly { view: LibraryView; label: string }[] = [
  { view: 'all', label: 'All articles' },
  { view: 'rewrites', label: 'Rewrites found' },
  { view: 'copied', label: 'Originals others copied' },
  { view: 'feeds', label: 'From your feeds' },
  { view: 'read', label: 'Articles you read' },
];

/** The entries of one view: rewrites found (derived from another), originals others copied, feed articles, articles read. */
export function inView(entries: readonly LibraryEntry[], view: LibraryView): LibraryEntry[] {
  switch (view) {
    case 'rewrites':
      return entries.filter((e) => !!e.derivedFrom);
    case 'copied':
      return entries.filter((e) => !e.derivedFrom && !!e.derivatives?.length);
    case 'feeds':
      return entries.filter((e) => e.source === 'feed');
    case 'read':
      return entries.filter((e) => e.source === 'read');
    default:
      return [...entries];
  }
}

/**
 * What a row is, in plain words: a rewrite found (and of which article, when the library still
 * holds it), an original others copied (how many times), or an article of the library.
 */
export function whatItIs(e: LibraryEntry, byId: ReadonlyMap<string, LibraryEntry>): string {
  if (e.derivedFrom) {
    const original = byId.get(e.derivedFrom);
    return original ? `Rewrite of ${original.siteName || original.site}'s “${original.title || original.url}”` : 'Rewrite of another article';
  }
  const copies = e.derivatives?.length ?? 0;
  if (copies) return `Original: ${copies} rewrite${copies === 1 ? '' : 's'} of it found`;
  return e.source === 'feed' ? 'Feed article' : 'Article';
}
