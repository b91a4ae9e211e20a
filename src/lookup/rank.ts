import Fuse from 'fuse.js';
import { normalizeUrl, siteOf } from '../core/site.ts';
import { sameAddress } from '../core/url.ts';
import type { SearchHit } from './engine.ts';

/** A search hit as a candidate original, with what ranked it. */
export interface Candidate extends SearchHit {
  /** How many of the queries found it (a candidate sharing more of the page's names is likelier). */
  queries: number;
  /** Headline similarity to the page's, 0–1 (Fuse.js). */
  titleSimilarity: number;
  score: number;
}

export interface RankOptions {
  /** The page: its own site and address are never candidates. */
  pageUrl: string;
  pageTitle: string;
  /** The latest time a candidate may have appeared (the page's date plus the usual tolerance). */
  latest: number;
  queriesRun: number;
}

/**
 * Candidates from the hits of several queries: other sites than the page's, appeared before the page
 * (within the tolerance), deduplicated by address; ranked by headline similarity (Fuse.js), by how many
 * queries found them, and earliest first among equals.
 */
export function rankCandidates(hitsPerQuery: SearchHit[][], o: RankOptions): Candidate[] {
  const pageSite = siteOf(o.pageUrl);
  const pageId = normalizeUrl(o.pageUrl);
  const byUrl = new Map<string, Candidate>();
  for (const hits of hitsPerQuery) {
    const seenInQuery = new Set<string>();
    for (const h of hits) {
      const id = normalizeUrl(h.url);
      if (id === pageId || siteOf(h.url) === pageSite || seenInQuery.has(id)) continue;
      seenInQuery.add(id);
      if (h.seen && Date.parse(h.seen) > o.latest) continue;
      const had = byUrl.get(id);
      if (had) had.queries++;
      else byUrl.set(id, { ...h, queries: 1, titleSimilarity: 0, score: 0 });
    }
  }
  const candidates = [...byUrl.values()];
  if (!candidates.length) return [];
  const fuse = new Fuse(candidates, { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 1, ignoreDiacritics: true });
  for (const r of fuse.search(o.pageTitle.slice(0, 200))) r.item.titleSimilarity = 1 - (r.score ?? 1);
  // Earliness by rank among the candidates: the original of a story comes before its copies.
  const byTime = [...candidates].sort((a, b) => (a.seen ?? '~').localeCompare(b.seen ?? '~'));
  const early = new Map(byTime.map((c, i) => [c, c.seen ? 1 - i / Math.max(1, byTime.length - 1) : 0]));
  const echoes = headlineEchoes(byTime);
  const maxEcho = Math.max(1, ...echoes.values());
  for (const c of candidates) {
    c.score = 0.3 * (c.queries / Math.max(1, o.queriesRun)) + 0.25 * c.titleSimilarity + 0.25 * (echoes.get(c)! / maxEcho) + 0.2 * early.get(c)!;
  }
  return candidates.sort((a, b) => b.score - a.score || (a.seen ?? '').localeCompare(b.seen ?? ''));
}

/** The index's own observation of the page, if a search returned the page itself. */
export function pageSeenByIndex(hitsPerQuery: SearchHit[][], pageUrl: string): string | undefined {
  const seen = hitsPerQuery
    .flat()
    .filter((h) => sameAddress(h.url, pageUrl) && h.seen)
    .map((h) => h.seen!);
  return seen.sort()[0];
}

/** Two headlines are one when they share this much of their words (Jaccard). */
const SAME_HEADLINE = 0.5;

/**
 * How many later hits repeat a hit's headline. Copies (verbatim, syndicated, lightly spun) keep
 * their original's headline, so the most repeated headline, first seen earliest, is the likeliest
 * original; a repeat itself gets no credit.
 */
function headlineEchoes(byTime: Candidate[]): Map<Candidate, number> {
  const words = byTime.map((c) => new Set(c.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const echoes = new Map<Candidate, number>(byTime.map((c) => [c, 0]));
  const isRepeat = new Set<number>();
  byTime.forEach((c, i) => {
    if (isRepeat.has(i)) return;
    for (let j = i + 1; j < byTime.length; j++) {
      if (jaccard(words[i]!, words[j]!) >= SAME_HEADLINE) {
        echoes.set(c, echoes.get(c)! + 1);
        isRepeat.add(j);
      }
    }
  });
  return echoes;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
