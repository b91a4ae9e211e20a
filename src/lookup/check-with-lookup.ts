import type { LibraryIndex } from '../library/library-index.ts';
import { checkPage, type MatchResult, type PageToCheck } from '../library/match.ts';
import { lookupOriginal, type LookupDeps, type LookupOptions, type LookupResult } from './lookup.ts';

export interface CheckedWithLookup extends MatchResult {
  lookup?: LookupResult;
}

/**
 * The lookup's outcome as the verdict after it tells it (the lookup alone only knows what verified).
 * Once something verified, the page's verdict decides: an article found may turn out to be a later
 * copy of the page (verdict `original`), or not to explain it after all (`none`); then nothing
 * earlier was found, whatever the lookup thought of it.
 */
export function outcomeOf(result: MatchResult, lookup: LookupResult): LookupResult['progress']['outcome'] {
  if (lookup.progress.outcome === 'error') return 'error';
  if (!lookup.found.length) return 'not-found';
  switch (result.verdict.kind) {
    case 'uncredited-rewrite':
      return 'found-uncredited';
    case 'credited':
      return 'found-credited';
    case 'disputed':
      return 'disputed';
    default:
      return 'not-found';
  }
}

/**
 * Checks a page against the library and, when no known article explains it (or `always`), looks
 * for its original in a news search index: what verifies joins the library and the page is checked
 * again, with the index's own sighting of the page as evidence of when it appeared.
 */
export async function checkWithLookup(
  page: PageToCheck,
  index: LibraryIndex,
  deps: Omit<LookupDeps, 'idf'>,
  options: Partial<LookupOptions> & { always?: boolean } = {},
): Promise<CheckedWithLookup> {
  const first = checkPage(page, index);
  if (!options.always && first.verdict.kind !== 'none') return first;
  const lookup = await lookupOriginal(page, { ...deps, idf: index.idf }, options);
  // Copies of the original among the sources are kept out of matching, as the extension's library does.
  for (const article of lookup.found) if (!article.derivedFrom) index.add(article);
  const observed = lookup.pageObservation ? { ...page, observations: [...(page.observations ?? []), lookup.pageObservation] } : page;
  const result = lookup.found.length || lookup.pageObservation ? checkPage(observed, index) : first;
  lookup.progress.outcome = outcomeOf(result, lookup);
  return { ...result, lookup };
}
