import type { Verdict } from '../core/verdict.ts';
import { observationsOf, type LibraryArticle } from '../library/article.ts';
import { withOriginalText } from '../library/evidence-text.ts';
import type { CandidateSource } from '../library/library-index.ts';
import { checkPage, type PageToCheck } from '../library/match.ts';
import { articleIdFor, pageToCheck, type ReadArticle } from '../library/page.ts';
import { mergeObservations, type Observation } from '../library/provenance.ts';
import { readEntries, verdictForRead } from '../library/read-entry.ts';
import { fetchFailed, stubsToFetch } from '../library/stub-fetch.ts';
import { fetchOriginal, type OriginalsDeps } from './originals.ts';
import type { LibraryService } from './library-service.ts';
import { correctionsFor, NO_CORRECTIONS } from '../library/corrections.ts';
import { siteOf } from '../core/site.ts';
import { readCorrections } from './corrections-store.ts';

/**
 * Checks an article the reader opened against the library, then remembers it (`readEntries`): the
 * page joins the library, and an original learns of its new derivative. `read` is the article a
 * content script sent, as `readArticle` reads it (split into sentences and fingerprinted here, in
 * the background). This file is the I/O: the decisions are src/library's.
 */
export async function checkReadArticle(
  read: ReadArticle,
  library: LibraryService,
  now: Date,
  originals?: OriginalsDeps,
  /** Sightings of the page by others (a search index), from a lookup. */
  seenBy: Observation[] = [],
): Promise<Verdict> {
  const known = await library.get(articleIdFor(read.article.url, read.article.canonicalUrl));
  const firstSeen = known?.firstSeen ?? now.toISOString();
  const observations = mergeObservations(observationsOf(known ?? { source: 'read', firstSeen }), seenBy);
  // What the reader said Unspun got wrong (this page is not from that article; this site is trusted).
  const corrections = await readCorrections().catch(() => NO_CORRECTIONS);
  const unchecked = pageToCheck(read, firstSeen, observations);
  const page = { ...unchecked, corrections: correctionsFor(corrections, unchecked.id, siteOf(unchecked.url)) };
  if (originals) await fetchMatchingOriginals(page, await library.candidatesFor(page), library, originals, now);
  // Candidates read (again) after any fetch: a fetched original replaced its feed stub.
  const result = checkPage(page, await library.candidatesFor(page));
  // The index holds no sentence text: read the matched (or nearest) article whole for the evidence.
  const matched = result.matched && ((await library.get(result.matched.id)) ?? result.matched);
  const shown = matched ?? (result.nearest && ((await library.get(result.nearest.id)) ?? result.nearest));
  const verdict = withOriginalText(result.verdict, shown?.sentences ?? []);
  const { entry, original } = readEntries(read, page, known, verdict, matched);
  await library.put(entry);
  if (original) await library.put(original);
  const derivatives = verdict.kind === 'none' && entry.derivatives?.length ? await present(entry.derivatives, library) : [];
  return verdictForRead(verdict, entry, derivatives);
}

/** The library entries of these ids that the library still holds. */
async function present(ids: string[], library: LibraryService): Promise<LibraryArticle[]> {
  return (await Promise.all(ids.map((id) => library.get(id)))).filter((a): a is LibraryArticle => !!a);
}

/**
 * Feed items known only by headline and summary whose terms the page mostly contains
 * (`stubsToFetch`): their full articles are fetched (once; each replaces its stub) so the real
 * check can run.
 */
async function fetchMatchingOriginals(page: PageToCheck, index: CandidateSource, library: LibraryService, deps: OriginalsDeps, now: Date) {
  for (const stub of stubsToFetch(page, index, now)) {
    if (!(await deps.canFetch(stub.url))) continue;
    const full = await fetchOriginal(stub, deps).catch((e: unknown) => {
      console.warn('Unspun: could not fetch', stub.url, e);
      return null;
    });
    if (full) await library.put(full);
    else {
      // Not again for a while: a page that fails (or is no article) would otherwise be fetched on every match.
      const stored = await library.get(stub.id);
      if (stored) await library.put(fetchFailed(stored, now));
    }
  }
}
