import { fnv1a32 } from './hash.ts';

/**
 * Words per phrase. Four words in a row, stop words included, are the writer's own wording: two
 * writers telling the same facts share names and numbers, rarely four-word runs around them, while a
 * pasted sentence shares all of its phrases (one changed word loses four of them).
 */
export const PHRASE_WORDS = 4;

/**
 * Hashes of the word phrases (`PHRASE_WORDS` consecutive words) of a sentence's words outside
 * quotation marks (null breaks a run), sorted, without repeats.
 */
export function phraseHashes(words: readonly (string | null)[]): number[] {
  const out = new Set<number>();
  for (let i = 0; i + PHRASE_WORDS <= words.length; i++) {
    const phrase = words.slice(i, i + PHRASE_WORDS);
    if (phrase.every((w) => w !== null)) out.add(fnv1a32(phrase.join(' ')));
  }
  return [...out].sort((a, b) => a - b);
}
