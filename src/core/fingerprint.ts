import { fnv1a32 } from './hash.ts';
import { minhash } from './minhash.ts';
import { phraseHashes } from './phrases.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

/**
 * Bump whenever normalisation, tokenising, stemming, synonym classes or hashing change:
 * stored fingerprints with another version are recomputed from their stored text.
 */
export const FINGERPRINT_VERSION = 6;

/**
 * SHA-256 of `src/core/data/synonyms.json`, the synonym classes every term is mapped through
 * (`canonicalTerm`). A test checks the file against it, so a regenerated table cannot silently change
 * every fingerprint: a new table comes with a new `FINGERPRINT_VERSION` and this digest.
 */
export const SYNONYMS_SHA256 = 'c023324c6f30dd7c438889674bc9181dac465a273486ac22fcfeb0bfab88bdbc';

/** A sentence as matching sees it: hashed terms, no text. */
export interface SentenceFingerprint {
  /** Unique term hashes of the sentence, ascending. */
  terms: number[];
  /** The subset of `terms` that occur only inside quotation marks. */
  quoted: number[];
  /** The subset of `terms` that occur only as names or numbers. */
  names: number[];
  /** Hashes of its word phrases outside quotation marks (`phraseHashes`): what a verbatim copy shares. */
  phrases: number[];
}

export interface Fingerprint {
  version: number;
  sentences: SentenceFingerprint[];
  /** Unique term hashes of the whole article, ascending. */
  terms: number[];
  /** MinHash signature of `terms` (see `DEFAULT_MINHASH`), for locality-sensitive candidate retrieval. */
  minhash: number[];
}

/** Fingerprints already-split sentences (see `splitSentences`). Pure and deterministic. */
export function fingerprintSentences(sentences: readonly string[]): Fingerprint {
  const all = new Set<number>();
  let quoteOpen = false;
  const fps = sentences.map((s) => {
    const tokenized = tokenize(s, quoteOpen);
    quoteOpen = tokenized.quoteOpen;
    const plain = new Set<number>(); // seen outside quotes
    const word = new Set<number>(); // seen as an ordinary word
    const terms = new Set<number>();
    for (const t of tokenized.tokens) {
      const h = fnv1a32(t.term);
      terms.add(h);
      if (!t.quoted) plain.add(h);
      if (!t.name) word.add(h);
    }
    const sorted = [...terms].sort((a, b) => a - b);
    for (const t of sorted) all.add(t);
    return {
      terms: sorted,
      quoted: sorted.filter((t) => !plain.has(t)),
      names: sorted.filter((t) => !word.has(t)),
      phrases: phraseHashes(tokenized.plainWords),
    };
  });
  const terms = [...all].sort((a, b) => a - b);
  return { version: FINGERPRINT_VERSION, sentences: fps, terms, minhash: minhash(terms) };
}

/** Splits and fingerprints an article body. */
export function fingerprintText(body: string): { sentences: string[]; fingerprint: Fingerprint } {
  const sentences = splitSentences(body);
  return { sentences, fingerprint: fingerprintSentences(sentences) };
}
