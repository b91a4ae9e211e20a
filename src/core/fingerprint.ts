import { fnv1a32 } from './hash.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

/**
 * Bump whenever normalisation, tokenising, stemming, synonym classes or hashing change:
 * stored fingerprints with another version are recomputed from their stored text.
 */
export const FINGERPRINT_VERSION = 1;

/** A sentence as matching sees it: hashed terms, no text. */
export interface SentenceFingerprint {
  /** Unique term hashes of the sentence, ascending. */
  terms: number[];
  /** The subset of `terms` that occur only inside quotation marks. */
  quoted: number[];
}

export interface Fingerprint {
  version: number;
  sentences: SentenceFingerprint[];
  /** Unique term hashes of the whole article, ascending. */
  terms: number[];
}

/** Fingerprints already-split sentences (see `splitSentences`). Pure and deterministic. */
export function fingerprintSentences(sentences: readonly string[]): Fingerprint {
  const all = new Set<number>();
  const fps = sentences.map((s) => {
    const inside = new Set<number>();
    const outside = new Set<number>();
    for (const t of tokenize(s)) (t.quoted ? inside : outside).add(fnv1a32(t.term));
    const terms = [...new Set([...inside, ...outside])].sort((a, b) => a - b);
    for (const t of terms) all.add(t);
    return { terms, quoted: [...inside].filter((t) => !outside.has(t)).sort((a, b) => a - b) };
  });
  return { version: FINGERPRINT_VERSION, sentences: fps, terms: [...all].sort((a, b) => a - b) };
}

/** Splits and fingerprints an article body. */
export function fingerprintText(body: string): { sentences: string[]; fingerprint: Fingerprint } {
  const sentences = splitSentences(body);
  return { sentences, fingerprint: fingerprintSentences(sentences) };
}
