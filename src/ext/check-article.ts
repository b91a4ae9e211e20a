import { normalizeUrl, siteOf } from '../core/site.ts';
import type { Verdict } from '../core/verdict.ts';
import { observationsOf, type LibraryArticle } from '../library/article.ts';
import type { Observation } from '../library/provenance.ts';
import type { LibraryIndex } from '../library/library-index.ts';
import { checkPage, selfOrSameSite, toRef, type PageToCheck } from '../library/match.ts';
import { fetchOriginal, type OriginalsDeps } from './originals.ts';
import type { CheckArticleMessage } from './protocol.ts';
import type { LibraryService } from './library-service.ts';

/** A read page's library id: its canonical URL when that is on its own site, else its URL. */
export function articleIdFor(url: string, canonicalUrl?: string): string {
  return normalizeUrl(canonicalUrl && siteOf(canonicalUrl) === siteOf(url) ? canonicalUrl : url);
}

/**
 * Checks an article the reader opened against the library, then remembers it: the page joins
 * the library (as a candidate original unless it derives from another), and an original
 * learns of its new derivative.
 */
export async function checkReadArticle(
  msg: CheckArticleMessage,
  library: LibraryService,
  now: Date,
  originals?: OriginalsDeps,
  /** Sightings of the page by others (a search index), from a lookup. */
  seenBy: Observation[] = [],
): Promise<Verdict> {
  const { article, sentences, fingerprint } = msg;
  const id = articleIdFor(article.url, article.canonicalUrl);
  const known = await library.get(id);
  const firstSeen = known?.firstSeen ?? now.toISOString();
  const observations = mergeObservations(observationsOf(known ?? { source: 'read', firstSeen }), seenBy);
  const page: PageToCheck = { ...pageFromMessage(msg, firstSeen), observations };
  const index = await library.index();
  if (originals) await fetchMatchingOriginals(page, index, library, originals, now);
  const result = checkPage(page, index);
  // The index holds no sentence text: read the matched (or nearest) article whole for the evidence.
  const matched = result.matched && ((await library.get(result.matched.id)) ?? result.matched);
  const shown = matched ?? (result.nearest && ((await library.get(result.nearest.id)) ?? result.nearest));
  const verdict = withOriginalText(result.verdict, shown?.sentences ?? []);
  const derived = verdict.kind === 'uncredited-rewrite' || verdict.kind === 'credited';
  const entry: LibraryArticle = {
    id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    site: siteOf(article.url),
    siteName: article.siteName,
    title: article.title,
    byline: article.byline,
    published: article.published,
    firstSeen,
    source: known?.source ?? 'read',
    sentences,
    fingerprint,
    derivatives: known?.derivatives,
    derivedFrom: derived ? matched?.id : undefined,
    observations,
  };
  await library.put(entry);
  if (derived && matched) {
    await library.put({ ...matched, derivatives: [...new Set([...(matched.derivatives ?? []), id])] });
  }
  if (verdict.kind === 'none' && entry.derivatives?.length) return originalVerdict(entry, library);
  return verdict;
}

/** The article a content script sent, as a page to check. */
export function pageFromMessage(msg: CheckArticleMessage, firstSeen: string): PageToCheck {
  const { article, sentences, fingerprint } = msg;
  return {
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    published: article.published,
    firstSeen,
    sentences,
    fingerprint,
    credit: {
      canonicalUrl: article.canonicalUrl,
      declaredSources: article.declaredSources,
      links: article.links,
      paragraphs: article.paragraphs,
    },
  };
}

/** Sightings of one article from several sources, one per observer, earliest kept. */
export function mergeObservations(...lists: Observation[][]): Observation[] {
  const byObserver = new Map<string, Observation>();
  for (const o of lists.flat()) {
    const key = `${o.by}:${o.name ?? ''}`;
    const had = byObserver.get(key);
    if (!had || Date.parse(o.at) < Date.parse(had.at)) byObserver.set(key, o);
  }
  return [...byObserver.values()];
}

function withOriginalText(verdict: Verdict, originalSentences: string[]): Verdict {
  if (!verdict.evidence) return verdict;
  const pairs = verdict.evidence.pairs.map((p) => ({ ...p, originalText: originalSentences[p.original] ?? p.originalText }));
  return { ...verdict, evidence: { ...verdict.evidence, pairs } };
}

/** Share of a feed item's terms (headline and summary) a page must contain for its article to be fetched. */
const STUB_CONTAINMENT = 0.5;
/** Fewest shared terms, so a one-line item cannot trigger a fetch by chance. */
const STUB_MIN_SHARED = 5;
/** Originals fetched at most per page check. */
const MAX_FETCHES = 2;

/**
 * Feed items known only by headline and summary: when the page contains most of one's terms,
 * its full article is fetched (once; it replaces the stub) so the real check can run.
 */
async function fetchMatchingOriginals(page: PageToCheck, index: LibraryIndex, library: LibraryService, deps: OriginalsDeps, now: Date) {
  const terms = new Set(page.fingerprint.terms);
  const likely = index
    .candidates(page.fingerprint, 8, selfOrSameSite(page))
    .map((c) => c.article)
    .filter((a) => a.stub && !recentlyFailed(a, now))
    .filter((a) => {
      const shared = a.fingerprint.terms.filter((t) => terms.has(t)).length;
      return shared >= STUB_MIN_SHARED && shared >= STUB_CONTAINMENT * a.fingerprint.terms.length;
    })
    .slice(0, MAX_FETCHES);
  for (const stub of likely) {
    if (!(await deps.canFetch(stub.url))) continue;
    const full = await fetchOriginal(stub, deps).catch((e: unknown) => {
      console.warn('Unspun: could not fetch', stub.url, e);
      return null;
    });
    if (full) await library.put(full);
    else {
      // Not again for a while: a page that fails (or is no article) would otherwise be fetched on every match.
      const stored = await library.get(stub.id);
      if (stored) await library.put({ ...stored, fetchFailedAt: now.toISOString() });
    }
  }
}

/** Hours before a feed item whose article could not be fetched is tried again. */
const RETRY_FAILED_FETCH_MS = 24 * 3600_000;

const recentlyFailed = (a: LibraryArticle, now: Date) =>
  !!a.fetchFailedAt && now.getTime() - Date.parse(a.fetchFailedAt) < RETRY_FAILED_FETCH_MS;

/** The page is an original that later pages were found to derive from. */
async function originalVerdict(entry: LibraryArticle, library: LibraryService): Promise<Verdict> {
  const derivatives = (await Promise.all((entry.derivatives ?? []).map((d) => library.get(d)))).filter(
    (a): a is LibraryArticle => !!a,
  );
  return { kind: 'original', score: 0, derivatives: derivatives.map(toRef) };
}
