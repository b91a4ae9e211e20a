import { alignSentences, DEFAULT_ALIGN } from '../core/align.ts';
import { findCredit } from '../core/credit.ts';
import { memoizeWeight } from '../core/similarity.ts';
import { isDerived } from '../core/verdict.ts';
import type { ExtractResult } from '../extract/types.ts';
import { appearedAt, type LibraryArticle } from '../library/article.ts';
import { toLibraryArticle } from '../library/ingest.ts';
import { isCopyOf, type PageToCheck } from '../library/match.ts';
import { articleIdFor } from '../library/page.ts';
import type { Observation } from '../library/provenance.ts';
import { SearchError, type HttpAnswer, type SearchEngine, type SearchHit, type SearchRange } from './engine.ts';
import type { MessageRef } from '../core/messages.ts';
import type { LookupCandidate, LookupProgress } from './progress.ts';
import { buildQueries } from './query.ts';
import { pageSeenByIndex, rankCandidates, type Candidate } from './rank.ts';
import type { RateLimiter, SearchCache } from './rate-limit.ts';

/** What a lookup needs from its surroundings (the extension or the CLI): injected, so it stays pure. */
export interface LookupDeps {
  engine: SearchEngine;
  /** The engine's endpoint ('' or undefined: its default). */
  endpoint?: string;
  /** GETs a URL without cookies, within size and time limits (search requests and candidate articles). */
  get: (url: string) => Promise<HttpAnswer>;
  limiter: RateLimiter;
  cache?: SearchCache<SearchHit[]>;
  extract: (html: string, url: string) => Promise<ExtractResult> | ExtractResult;
  /** Term weights of the library (its IDF), for verifying candidates with the full matcher. */
  idf: (term: number) => number;
  now: () => Date;
  onProgress?: (p: LookupProgress) => void | Promise<void>;
}

export interface LookupOptions {
  /** Candidates fetched at most. */
  maxCandidates: number;
  /** Days before the page searched for its original. */
  windowDays: number;
  /** Results asked per query. */
  maxRecords: number;
  queries: number;
  automatic: boolean;
}

export const DEFAULT_LOOKUP: LookupOptions = { maxCandidates: 3, windowDays: 30, maxRecords: 75, queries: 4, automatic: false };

export interface LookupResult {
  progress: LookupProgress;
  /** Candidates that verified as sources of the page, as library entries (source `lookup`). */
  found: LibraryArticle[];
  /** The index's own first sighting of the page, when a search returned it. */
  pageObservation?: Observation;
}

/** How far past its claimed date a page's original is looked for (claims can be backdated). */
const LOOKAHEAD_MS = 7 * 24 * 3600_000;

/**
 * Looks for the original of a page in a news search index: a few small queries of what survives a
 * rewrite (only these terms and the date range leave the machine), candidates from other sites that
 * appeared before the page, the best few fetched and verified with the matcher.
 */
export async function lookupOriginal(page: PageToCheck, deps: LookupDeps, options: Partial<LookupOptions> = {}): Promise<LookupResult> {
  const o = { ...DEFAULT_LOOKUP, ...options };
  const pageTime = pageTimeOf(page);
  // Up to a few days after the page's claimed date: a backdated copy claims to predate its original,
  // which must still be found to say so (the which-came-first rule then weighs the sightings).
  const range: SearchRange = {
    from: new Date(pageTime - o.windowDays * 86_400_000),
    to: new Date(Math.min(pageTime + LOOKAHEAD_MS, deps.now().getTime())),
  };
  const progress: LookupProgress = {
    phase: 'searching',
    engine: deps.engine.id,
    engineName: deps.engine.name,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    queries: 0,
    candidates: [],
    startedAt: deps.now().toISOString(),
    automatic: o.automatic,
  };
  const report = async () => deps.onProgress?.(structuredClone(progress));
  const finish = async (
    outcome: LookupProgress['outcome'],
    message: string,
    found: LibraryArticle[] = [],
    pageObservation?: Observation,
    messageRef?: MessageRef,
  ) => {
    Object.assign(progress, { phase: 'done', outcome, message, finishedAt: deps.now().toISOString() }, messageRef ? { messageRef } : {});
    await report();
    return { progress, found, pageObservation };
  };
  await report();

  const queries = buildQueries({ title: page.title, sentences: page.sentences }, o.queries);
  if (!queries.length) {
    return finish('not-found', 'The page has too few names or rare words to search for.', [], undefined, { key: 'lookupMessageTooFewTerms', args: [] });
  }
  const hitsPerQuery: SearchHit[][] = [];
  let lastError: SearchError | Error | undefined;
  for (const q of queries) {
    const url = deps.engine.requestUrl(q, range, deps.endpoint || deps.engine.defaultEndpoint, o.maxRecords);
    try {
      hitsPerQuery.push(await search(url, deps));
    } catch (e) {
      lastError = e instanceof Error ? e : new Error(String(e));
      if (e instanceof SearchError && e.kind === 'refused') continue; // that query only
      if (e instanceof SearchError && e.kind === 'rate-limited') break;
    } finally {
      progress.queries++;
      await report();
    }
  }
  if (!hitsPerQuery.length) {
    if (lastError) return finish('error', lastError.message);
    return finish('error', `${deps.engine.name} did not answer.`, [], undefined, { key: 'lookupMessageNoAnswer', args: [deps.engine.name] });
  }

  const seenByIndex = pageSeenByIndex(hitsPerQuery, page.url);
  const pageObservation: Observation | undefined = seenByIndex ? { at: seenByIndex, by: 'index', name: deps.engine.name } : undefined;
  const ranked = rankCandidates(hitsPerQuery, { pageUrl: page.url, pageTitle: page.title, latest: range.to.getTime(), queriesRun: hitsPerQuery.length });
  if (!ranked.length) return finish('not-found', notFound(deps.engine.name, range), [], pageObservation);
  progress.phase = 'fetching';
  await report();

  const found: LibraryArticle[] = [];
  const notSources: LibraryArticle[] = [];
  const weight = memoizeWeight(deps.idf);
  const credited = creditsOf(page);
  const pool = creditedFirst(ranked.slice(0, SHORTLIST), credited);
  for (let fetched = 0; fetched < o.maxCandidates; fetched++) {
    const c = nextCandidate(pool, found, credited);
    if (!c) break;
    pool.splice(pool.indexOf(c), 1);
    const entry: LookupCandidate = { url: c.url, title: c.title, site: c.domain, seen: c.seen };
    progress.candidates.push(entry);
    await report();
    const article = await fetchCandidate(c, deps).catch(() => null);
    const verified = article && isSource(page, article, weight);
    entry.result = !article ? 'failed' : verified ? 'source' : 'not-source';
    if (article && verified) found.push(article);
    else if (article) notSources.push(article);
    await report();
  }
  if (!found.length) return finish('not-found', notFound(deps.engine.name, range), [], pageObservation);
  // A story original reached through a copy stays beside it: the page matches the copy.
  const sources = [...withoutLaterCopies(found, weight), ...copiedBySources(found, notSources, weight)];
  const names = sources.filter((f) => !f.derivedFrom).map((f) => f.siteName || f.site);
  return finish('found-uncredited', `Found on ${names.join(', ')}.`, sources, pageObservation);
}

/**
 * The index holds copies too: of the verified sources, one that derives from an earlier one (the
 * search index saw it later) is marked `derivedFrom` it, so it is never taken for the original.
 */
function withoutLaterCopies(found: LibraryArticle[], weight: (t: number) => number): LibraryArticle[] {
  const ordered = [...found].sort((a, b) => appearedAt(a) - appearedAt(b));
  const kept: LibraryArticle[] = [];
  return ordered.map((a) => {
    const earlier = kept.find((k) => isCopyOf(a, k, weight));
    if (earlier) return { ...a, derivedFrom: earlier.id };
    kept.push(a);
    return a;
  });
}

/**
 * Candidates that are not the page's sources themselves but appeared earlier and were copied by one
 * that is: the page may follow a copy, and they are then the story's original (the matcher decides,
 * `storyOriginal`, and names them through the copy).
 */
function copiedBySources(sources: LibraryArticle[], others: LibraryArticle[], weight: (t: number) => number): LibraryArticle[] {
  return others.filter((o) => sources.some((s) => appearedAt(o) < appearedAt(s) && isCopyOf(s, o, weight)));
}

/** Candidates considered for fetching: the best by rank, however many the engine returned. */
const SHORTLIST = 10;

/**
 * Whether the page credits an address's site (a link, its canonical address, a source it declares, a
 * credit line), answered once per address: the credit search reads the page's paragraphs.
 */
function creditsOf(page: PageToCheck): (a: { url: string }) => boolean {
  const known = new Map<string, boolean>();
  return ({ url }) => {
    let yes = known.get(url);
    if (yes === undefined) known.set(url, (yes = !!findCredit(page.credit, { url })));
    return yes;
  };
}

/** The shortlist with the candidates the page credits first: a page that names its source says where to look. */
function creditedFirst(pool: Candidate[], credited: (a: { url: string }) => boolean): Candidate[] {
  return [...pool.filter(credited), ...pool.filter((c) => !credited(c))];
}

/**
 * The next candidate to fetch: the best ranked while no source is found (those the page credits
 * first); while a candidate the page credits is left and no source found is one, that one; once a
 * source is found, the earliest shortlisted candidate seen before it or at the same time (the source
 * may be a copy of it), and then the best ranked left: the source found may be a retelling of the
 * same story that the index happened to see first (sightings are not publication times), and the
 * matcher names the page's closest source among all found.
 */
function nextCandidate(pool: Candidate[], found: LibraryArticle[], credited: (a: { url: string }) => boolean): Candidate | undefined {
  if (!found.length) return pool[0];
  const named = pool.find(credited);
  if (named && !found.some(credited)) return named;
  const firstSource = Math.min(...found.map(appearedAt));
  // At or before it: an index records sightings to the hour or the quarter hour, so the original and
  // a copy made within that span share a time.
  const earlier = pool.filter((c) => c.seen && Date.parse(c.seen) <= firstSource).sort((a, b) => Date.parse(a.seen!) - Date.parse(b.seen!))[0];
  return earlier ?? pool[0];
}

/** One search, through the cache and the rate limiter; a failure backs the limiter off. */
async function search(url: string, deps: LookupDeps): Promise<SearchHit[]> {
  const cached = deps.cache?.get(url);
  if (cached) return cached;
  await deps.limiter.acquire();
  try {
    const hits = deps.engine.parse(await deps.get(url), url);
    deps.limiter.succeeded();
    deps.cache?.set(url, hits);
    return hits;
  } catch (e) {
    if (!(e instanceof SearchError && e.kind === 'refused')) deps.limiter.failed(e instanceof SearchError ? e.retryAfterMs : undefined);
    throw e;
  }
}

/** A candidate's article, fetched and extracted as feed originals are; null if it is no article. */
async function fetchCandidate(c: SearchHit, deps: LookupDeps): Promise<LibraryArticle | null> {
  const answer = await deps.get(c.url);
  if (answer.status < 200 || answer.status >= 300 || answer.text === undefined) return null;
  const extracted = await deps.extract(answer.text, c.url);
  if (!extracted.ok) return null;
  const now = deps.now().toISOString();
  const observations: Observation[] = [...(c.seen ? [{ at: c.seen, by: 'index' as const, name: deps.engine.name }] : []), { at: now, by: 'lookup' as const }];
  // Its id as a reader's visit would give it (its own canonical address), so that one article is one entry.
  const article = toLibraryArticle(extracted.article, { id: articleIdFor(c.url, extracted.article.canonicalUrl), source: 'lookup', firstSeen: now });
  return { ...article, url: c.url, title: article.title || c.title, observations };
}

/** The full matcher's decision: the page's sentences walk through the candidate's. */
function isSource(page: Pick<PageToCheck, 'fingerprint'>, candidate: LibraryArticle, weight: (t: number) => number): boolean {
  return isDerived(alignSentences(page.fingerprint, candidate.fingerprint, weight, DEFAULT_ALIGN));
}

function pageTimeOf(page: PageToCheck): number {
  const claimed = page.published ? Date.parse(page.published) : NaN;
  return Number.isFinite(claimed) ? claimed : Date.parse(page.firstSeen);
}

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function notFound(engine: string, range: SearchRange): string {
  return `No earlier version found in ${engine} between ${day(range.from.toISOString())} and ${day(range.to.toISOString())}.`;
}
