import { siteOf } from '../core/site.ts';
import { isDerivedVerdict, type Verdict } from '../core/verdict.ts';
import { observationsOf } from '../library/article.ts';
import type { SearchHit } from '../lookup/engine.ts';
import { engineById } from '../lookup/engines.ts';
import { outcomeOf } from '../lookup/check-with-lookup.ts';
import { lookupOriginal, type LookupResult } from '../lookup/lookup.ts';
import type { LookupProgress } from '../lookup/progress.ts';
import { RateLimiter, SearchCache } from '../lookup/rate-limit.ts';
import { setBadge } from './badge.ts';
import { checkReadArticle } from './check-article.ts';
import { articleIdFor, pageToCheck, readArticle } from '../library/page.ts';
import { mergeObservations } from '../library/provenance.ts';
import { fetchText } from '../net/fetch-text.ts';
import type { LibraryService } from './library-service.ts';
import type { OriginalsDeps } from './originals.ts';
import { getTabPage } from './page-store.ts';
import { inBrowserLanguage } from './local-text.ts';
import { getSettings, type Settings } from './settings.ts';
import { getTabVerdict, saveTabVerdict, sessionArea, type TabVerdict } from './tab-verdicts.ts';

/** Limits of search requests and candidate articles: as feed originals, without cookies. */
const FETCH_LIMITS = { timeoutMs: 20_000, maxBytes: 4 * 1024 * 1024 };

/** One rate limiter and cache per engine for the worker's life: every lookup shares the engine's rule. */
const limiters = new Map<string, RateLimiter>();
const cache = new SearchCache<SearchHit[]>();
/** Tabs with a lookup running, and how many of them Unspun started on its own. */
const running = new Set<number>();
let automaticRunning = 0;
/**
 * Automatic lookups at once: the engine's rate limit serialises their searches, so a reader opening
 * many tabs would otherwise queue minutes of them. A page skipped for this is not looked up again.
 */
const MAX_AUTOMATIC = 2;

export interface LookupReply {
  ok: boolean;
  error?: string;
}

/**
 * Looks for the original of the article on a tab in the user's news search engine, reporting progress
 * into the tab's verdict record; what verifies joins the library (source `lookup`) and the page is
 * checked again. Returns once the lookup has started; the popup follows it through storage.
 */
export async function startLookup(tabId: number, library: LibraryService, originals: OriginalsDeps, automatic = false): Promise<LookupReply> {
  if (running.has(tabId)) return { ok: false, error: inBrowserLanguage('errorLookupRunning') };
  const msg = await getTabPage(tabId);
  if (!msg) return { ok: false, error: inBrowserLanguage('errorLookupNoArticle') };
  const settings = await getSettings();
  const engine = engineById(settings.lookupEngine);
  const endpoint = settings.lookupEndpoint || engine.defaultEndpoint;
  if (!(await originals.canFetch(endpoint))) {
    return { ok: false, error: inBrowserLanguage('errorLookupPermission', new URL(endpoint).hostname) };
  }
  if (automatic && automaticRunning >= MAX_AUTOMATIC) return { ok: false, error: inBrowserLanguage('errorLookupBusy') };
  running.add(tabId);
  if (automatic) automaticRunning++;
  void runLookup(tabId, msg, settings, library, originals, automatic)
    .catch(async (e: unknown) => {
      console.error('Unspun: lookup failed', e);
      await updateLookup(
        tabId,
        (p) => p && { ...p, phase: 'done', outcome: 'error', message: inBrowserLanguage('lookupMessageFailed', e instanceof Error ? e.message : String(e)) },
      );
    })
    .finally(() => {
      running.delete(tabId);
      if (automatic) automaticRunning--;
    });
  return { ok: true };
}

async function runLookup(
  tabId: number,
  msg: NonNullable<Awaited<ReturnType<typeof getTabPage>>>,
  settings: Settings,
  library: LibraryService,
  originals: OriginalsDeps,
  automatic: boolean,
): Promise<void> {
  const engine = engineById(settings.lookupEngine);
  const limiter = limiters.get(engine.id) ?? new RateLimiter(engine.minIntervalMs);
  limiters.set(engine.id, limiter);
  const index = await library.index();
  const known = await library.get(articleIdFor(msg.article.url, msg.article.canonicalUrl));
  // The stored message holds the article as the page sent it: read once, for the lookup and the check after it.
  const read = readArticle(msg.article);
  const page = pageToCheck(read, known?.firstSeen ?? new Date().toISOString());
  const result = await lookupOriginal(
    page,
    {
      engine,
      endpoint: settings.lookupEndpoint,
      // Only the search endpoint and the candidates it names are fetched, each only with permission.
      get: async (url) => {
        if (!(await originals.canFetch(url))) throw new Error(`no permission to read ${new URL(url).hostname}`);
        return fetchText(url, FETCH_LIMITS, originals.fetcher, originals.canFetch);
      },
      limiter,
      cache,
      extract: originals.extract,
      idf: index.idf,
      now: () => new Date(),
      // The finished lookup is stored by finishLookup with the verdict it leads to, not before: a
      // 'done' record beside the page's old verdict would show a result the verdict does not have.
      onProgress: (p) => (p.phase === 'done' ? undefined : updateLookup(tabId, () => p)),
    },
    { automatic },
  );
  await keepFound(result, library);
  const seenBy = result.pageObservation ? [result.pageObservation] : [];
  const verdict = await checkReadArticle(read, library, new Date(), originals, seenBy);
  const outcome = outcomeOf({ verdict, matched: isDerivedVerdict(verdict) ? await library.get(verdict.original.id) : undefined }, result);
  const message = messageFor(outcome, verdict, result);
  // The lookup's own message, as a message for the reader's language, only where it is the one shown.
  const messageRef = message === result.progress.message ? result.progress.messageRef : undefined;
  await finishLookup(tabId, msg.article.url, verdict, { ...result.progress, outcome, message, messageRef });
}

/** Sources found join the library; an article already there keeps its entry and gains the sighting. */
async function keepFound(result: LookupResult, library: LibraryService): Promise<void> {
  for (const found of result.found) {
    const known = await library.get(found.id);
    if (known) await library.put({ ...known, observations: mergeObservations(observationsOf(known), found.observations ?? []) });
    else await library.put(found);
  }
}

function messageFor(outcome: LookupProgress['outcome'], verdict: Verdict, result: LookupResult): string {
  const outlet = isDerivedVerdict(verdict) ? verdict.original.siteName || verdict.original.site : '';
  switch (outcome) {
    case 'found-uncredited':
      return inBrowserLanguage('lookupMessageFoundUncredited', outlet);
    case 'found-credited':
      return inBrowserLanguage('lookupMessageFoundCredited', outlet);
    case 'disputed':
      return inBrowserLanguage('lookupMessageDisputed', outlet);
    default:
      // The lookup's own message says what it verified ("Found on …"); the verdict did not take it as the original.
      if (result.found.length && verdict.kind === 'original') return inBrowserLanguage('lookupMessageLaterCopies');
      if (result.found.length) return inBrowserLanguage('lookupMessageNoneOriginal');
      return result.progress.message ?? 'No earlier version found.';
  }
}

/** Applies a change to the tab's lookup record (if the tab still shows the same page). */
async function updateLookup(tabId: number, change: (p: LookupProgress | undefined) => LookupProgress | undefined): Promise<void> {
  const state = await getTabVerdict(tabId);
  if (!state) return;
  await saveTabVerdict(tabId, { ...state, lookup: change(state.lookup) });
}

async function finishLookup(tabId: number, url: string, verdict: Verdict, lookup: LookupProgress): Promise<void> {
  const state = await getTabVerdict(tabId);
  if (!state || state.url !== url) return; // the tab moved on
  const next: TabVerdict = { ...state, verdict, lookup };
  await saveTabVerdict(tabId, next);
  await setBadge(tabId, verdict.kind);
}

/**
 * Whether a verdict calls for an automatic lookup: lookup turned on, an article that no known
 * original explains, on a site that is not itself a known source of originals, once per page.
 */
export async function shouldLookUp(msg: { article: { url: string; canonicalUrl?: string } }, verdict: Verdict, library: LibraryService): Promise<boolean> {
  if (verdict.kind !== 'none') return false;
  const settings = await getSettings();
  if (!settings.lookupEnabled || settings.paused) return false;
  const id = articleIdFor(msg.article.url, msg.article.canonicalUrl);
  if (await wasLookedUp(id)) return false;
  const site = siteOf(msg.article.url);
  // A site whose articles others were found to copy, or whose feed the user reads, publishes originals.
  if (await library.publishesOriginals(site)) return false;
  await markLookedUp(id);
  return true;
}

/**
 * Pages looked up automatically, newest last, in session storage: a restarted service worker must not
 * search for the same page again. Kept to the last LOOKED_UP_KEPT.
 */
const LOOKED_UP_KEY = 'lookedUp';
const LOOKED_UP_KEPT = 500;

async function wasLookedUp(id: string): Promise<boolean> {
  const list = ((await sessionArea().get(LOOKED_UP_KEY))[LOOKED_UP_KEY] ?? []) as string[];
  return list.includes(id);
}

async function markLookedUp(id: string): Promise<void> {
  const list = ((await sessionArea().get(LOOKED_UP_KEY))[LOOKED_UP_KEY] ?? []) as string[];
  await sessionArea().set({ [LOOKED_UP_KEY]: [...list.filter((x) => x !== id), id].slice(-LOOKED_UP_KEPT) });
}
