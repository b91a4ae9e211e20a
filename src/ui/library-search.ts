import Fuse from 'fuse.js';
import type { LibraryEntry } from '../ext/protocol.ts';
import { t, type MessageKey } from './i18n.ts';

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

/** The views in the order the Show select lists them, each with the key of its label (read through `t` when shown: `useMessages` runs after import). */
export const LIBRARY_VIEWS: readonly { view: LibraryView; labelKey: MessageKey }[] = [
  { view: 'all', labelKey: 'libraryViewAll' },
  { view: 'rewrites', labelKey: 'libraryViewRewrites' },
  { view: 'copied', labelKey: 'libraryViewCopied' },
  { view: 'feeds', labelKey: 'libraryViewFeeds' },
  { view: 'read', labelKey: 'libraryViewRead' },
];

/** A view's label in the reader's language ("Rewrites found"). */
export const viewLabel = (view: LibraryView): string => t(LIBRARY_VIEWS.find((v) => v.view === view)!.labelKey);

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
    return original ? t('libraryRewriteOf', original.siteName || original.site, original.title || original.url) : t('libraryRewriteOfOther');
  }
  const copies = e.derivatives?.length ?? 0;
  if (copies) return t(copies === 1 ? 'libraryOriginalOne' : 'libraryOriginalMany', String(copies));
  return e.source === 'feed' ? t('libraryFeedArticle') : t('libraryArticle');
}
