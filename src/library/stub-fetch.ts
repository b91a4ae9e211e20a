import type { LibraryArticle } from './article.ts';
import type { CandidateSource } from './library-index.ts';
import { selfOrSameSite, type PageToCheck } from './match.ts';
import { articleIdFor } from './page.ts';

/**
 * Which feed items known only by headline and summary are worth fetching whole for a page: those
 * whose terms the page mostly contains, so the real check can run against their full article.
 */

/** Share of a feed item's terms (headline and summary) a page must contain for its article to be fetched. */
export const STUB_CONTAINMENT = 0.5;
/** Fewest shared terms, so a one-line item cannot trigger a fetch by chance. */
export const STUB_MIN_SHARED = 5;
/** Originals fetched at most per page check. */
export const MAX_FETCHES = 2;
/** Hours before a feed item whose article could not be fetched is tried again. */
export const RETRY_FAILED_FETCH_MS = 24 * 3600_000;

/** The feed stubs whose full articles to fetch before checking the page, at most MAX_FETCHES. */
export function stubsToFetch(page: PageToCheck, index: CandidateSource, now: Date): LibraryArticle[] {
  const terms = new Set(page.fingerprint.terms);
  return index
    .candidates(page.fingerprint, 8, selfOrSameSite(page), articleIdFor(page.url, page.canonicalUrl))
    .map((c) => c.article)
    .filter((a) => a.stub && !recentlyFailed(a, now))
    .filter((a) => {
      const shared = a.fingerprint.terms.filter((t) => terms.has(t)).length;
      return shared >= STUB_MIN_SHARED && shared >= STUB_CONTAINMENT * a.fingerprint.terms.length;
    })
    .slice(0, MAX_FETCHES);
}

/** A feed stub whose fetch failed, marked so it is not fetched again on every match for a while. */
export const fetchFailed = (stub: LibraryArticle, now: Date): LibraryArticle => ({ ...stub, fetchFailedAt: now.toISOString() });

const recentlyFailed = (a: LibraryArticle, now: Date) => !!a.fetchFailedAt && now.getTime() - Date.parse(a.fetchFailedAt) < RETRY_FAILED_FETCH_MS;
