import type { Fingerprint } from '../core/fingerprint.ts';
import { NEAR_PUBLICATION, type Observation } from './provenance.ts';

export type ArticleSource = 'read' | 'feed' | 'pack' | 'corpus' | 'lookup';

/** An article known to the library: enough to match against it and to show it as evidence. */
export interface LibraryArticle {
  id: string;
  url: string;
  canonicalUrl?: string;
  /** Registrable domain of the URL (see `siteOf`). */
  site: string;
  /** The outlet's name as it calls itself ("CNBC"). */
  siteName?: string;
  title: string;
  byline?: string;
  /** ISO time the article says it was published. */
  published?: string;
  /** ISO time Unspun first saw it. */
  firstSeen: string;
  source: ArticleSource;
  sentences: string[];
  fingerprint: Fingerprint;
  /** Ids of later articles found to derive from this one. */
  derivatives?: string[];
  /** Id of the article this one was found to derive from; such articles are never matched against. */
  derivedFrom?: string;
  /** A feed item not fetched yet: its sentences are only the headline and the feed's summary. */
  stub?: boolean;
  /** The feed it came from (source `feed`). */
  feedId?: string;
  /** When fetching a stub's article last failed (it is not tried again for a while). */
  fetchFailedAt?: string;
  /** Independent sightings (feed poll, search index, first read): evidence of when it appeared. */
  observations?: Observation[];
}

/** An article's independent sightings: recorded ones, else its first sighting by a read or a feed poll. */
export function observationsOf(a: Pick<LibraryArticle, 'observations' | 'source' | 'firstSeen'>): Observation[] {
  if (a.observations?.length) return a.observations;
  if (a.source === 'read' || a.source === 'feed') return [{ at: a.firstSeen, by: a.source }];
  return [];
}

/**
 * When the article appeared (ms since epoch), for deciding which of two is the original: its earliest
 * sighting near publication (feed poll, search index) or its claimed date, whichever is earlier; else
 * when Unspun first saw it.
 */
export function appearedAt(a: Pick<LibraryArticle, 'published' | 'firstSeen' | 'observations' | 'source'>): number {
  const near = observationsOf(a)
    .filter((o) => NEAR_PUBLICATION.has(o.by))
    .map((o) => Date.parse(o.at));
  const times = [...near, a.published ? Date.parse(a.published) : NaN].filter(Number.isFinite);
  return times.length ? Math.min(...times) : Date.parse(a.firstSeen);
}
