/**
 * The Unspun library pack: JSON Lines, UTF-8. Line 1 is a `PackHeader`; every further line is one
 * article (`PackArticle`). Documented in docs/pack-format.md; bump `PACK_VERSION` on any change
 * an older reader would misread.
 */

export const PACK_FORMAT = 'unspun-pack';
export const PACK_VERSION = 1;

/** The first line of a pack. */
export interface PackHeader {
  format: typeof PACK_FORMAT;
  version: number;
  /** ISO time the pack was written. */
  created: string;
  /** Number of article lines that follow. */
  articles: number;
  /** `FINGERPRINT_VERSION` of the fingerprints in the pack. */
  fingerprintVersion: number;
  /** What wrote the pack ("unspun"). */
  generator?: string;
  /** Free text: who made the pack and from what. */
  description?: string;
}

/** Limits on what an import accepts. Anything larger is skipped (lines) or refused (the pack). */
export const PACK_LIMITS = {
  /** Whole pack, in UTF-8 bytes. */
  maxBytes: 256 * 1024 * 1024,
  /** One line, in characters. */
  maxLineChars: 4 * 1024 * 1024,
  idChars: 2048,
  urlChars: 2048,
  titleChars: 1000,
  siteNameChars: 200,
  bylineChars: 500,
  descriptionChars: 1000,
  dateChars: 64,
  sentences: 5000,
  sentenceChars: 20_000,
  // A fingerprint's own bounds are `FINGERPRINT_LIMITS` (src/core/fingerprint-check.ts), the same as a message's.
} as const;
