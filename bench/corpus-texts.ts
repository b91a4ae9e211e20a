// Helpers shared by the benches that build pages from the corpus's clean texts (pasted, moved-blocks,
// near-copies, human-edits): the texts themselves, and the phrase checker Unspun is compared with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each corpus document's body (`texts.jsonl`), by id. */
export function corpusBodies(dir: string): Map<string, string> {
  return new Map(
    readFileSync(join(dir, 'texts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; body: string })
      .map((t) => [t.id, t.body]),
  );
}

/** A body's paragraphs, empty lines left out. */
export const paragraphsOf = (body: string | undefined) => (body ?? '').split(/\n+/).filter(Boolean);

/** A paragraph's sentences, cut after a full stop, question or exclamation mark before a capital. */
export const splitSentences = (paragraph: string) => paragraph.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/);

/** A seeded pseudo-random generator (numbers in [0, 1)), so that a bench builds the same pages every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A text's 8-word phrases, lower-cased (as phrase checkers compare them). */
export function shingles(text: string): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 8 <= w.length; i++) out.add(w.slice(i, i + 8).join(' '));
  return out;
}

/** The phrase checker: share of the page's 8-word phrases found in the original's. */
export function phraseShare(page: string, original: Set<string>): number {
  const p = shingles(page);
  let shared = 0;
  for (const s of p) if (original.has(s)) shared++;
  return p.size ? shared / p.size : 0;
}

/** The phrase checker's decision: at least this share of the page's phrases in the original. */
export const PHRASE_CHECKER_SHARE = 0.15;
