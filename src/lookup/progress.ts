import type { MessageRef } from '../core/messages.ts';

/**
 * How a lookup for the original of one page went, step by step: kept with the tab's verdict (session
 * storage) so the popup can show progress live and the honest result when it is over.
 */
export type LookupPhase = 'searching' | 'fetching' | 'done';

export type LookupOutcome =
  /** An earlier article was found and the page is an uncredited rewrite of it. */
  | 'found-uncredited'
  /** An earlier article was found and the page credits it. */
  | 'found-credited'
  /** A copy was found, but which of the two came first cannot be settled. */
  | 'disputed'
  /** Nothing in the search index verified as the page's source. */
  | 'not-found'
  /** The engine or the network failed (the message says how). */
  | 'error';

export interface LookupCandidate {
  url: string;
  title: string;
  site: string;
  /** When the search index first saw it (ISO), if it says. */
  seen?: string;
  /** What became of it: fetched and verified as the source, fetched and not, or not fetched. */
  result?: 'source' | 'not-source' | 'failed';
}

export interface LookupProgress {
  phase: LookupPhase;
  /** Engine id and display name ("gdelt", "GDELT"). */
  engine: string;
  engineName: string;
  /** Publication range searched (ISO). */
  from: string;
  to: string;
  /** Search requests sent. */
  queries: number;
  /** Candidates chosen to fetch (at most 3), with their result once fetched. */
  candidates: LookupCandidate[];
  outcome?: LookupOutcome;
  /** A sentence for the reader: what was found, or why nothing was. */
  message?: string;
  /** The same as a message of public/_locales, for the reader's language, where the lookup has one. */
  messageRef?: MessageRef;
  startedAt: string;
  finishedAt?: string;
  /** Started by Unspun itself (lookup turned on) rather than by the popup's button. */
  automatic: boolean;
}
