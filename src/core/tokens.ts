import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.ts';
import { canonicalTerm } from './synonyms.ts';

/** One content token of a sentence, as matching sees it. */
export interface Token {
  /** The term: a stem (through synonym classes) or `#<number>`. */
  term: string;
  /** True when the token was inside quotation marks. */
  quoted: boolean;
  /** True for a number or a capitalised word inside the sentence: a name, shared by any report of the event. */
  name: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:'\p{L}+)?|\p{N}+(?:[.,]\p{N}+)*/gu;

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  fifty: '50',
  hundred: '100',
  first: '1st',
  second: '2nd',
  third: '3rd',
  half: '0.5',
  dozen: '12',
};

/** Maps one lower-cased word or number to its term, or null for a stop word. */
export function termOf(word: string): string | null {
  if (/^\p{N}/u.test(word)) return '#' + normalizeNumber(word);
  const w = word.replace(/'s$|'$/u, '');
  const numeric = NUMBER_WORDS[w];
  if (numeric) return '#' + numeric;
  if (w.length < 2 || STOP_WORDS.has(w)) return null;
  return canonicalTerm(stemmer(w));
}

/** "1,200" → "1200", "1.50" → "1.5": one spelling per value. */
function normalizeNumber(n: string): string {
  const plain = /^\d{1,3}(,\d{3})+$/.test(n) ? n.replace(/,/g, '') : n.replace(',', '.');
  return plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain.replace(/^0+(?=\d)/, '');
}

/**
 * Content tokens of a normalised sentence, in order, each marked as quoted or not, and its words
 * outside quotation marks (for the phrases a verbatim copy shares, see `phraseHashes`).
 * `quoteOpen` says whether the sentence starts inside a quotation (one opened in an
 * earlier sentence); the returned `quoteOpen` is the state after it.
 */
export function tokenize(sentence: string, quoteOpen = false): { tokens: Token[]; plainWords: (string | null)[]; quoteOpen: boolean } {
  const tokens: Token[] = [];
  // Every word outside quotation marks, stop words included, lower-cased; null where a quotation
  // interrupts them (a phrase never runs across one).
  const plainWords: (string | null)[] = [];
  // A quotation running over paragraphs reopens each one with a quote mark: still open.
  let open = quoteOpen;
  let last = quoteOpen && sentence.startsWith('"') ? 1 : 0;
  let first = true;
  for (const m of sentence.matchAll(WORD)) {
    open = toggleQuotes(sentence, last, m.index, open);
    last = m.index + m[0].length;
    const word = m[0];
    const term = termOf(word.toLowerCase());
    const name = /^\p{N}/u.test(word) || (!first && /^\p{Lu}/u.test(word));
    first = false;
    if (term) tokens.push({ term, quoted: open, name });
    if (!open) plainWords.push(word.toLowerCase());
    else if (plainWords.length && plainWords[plainWords.length - 1] !== null) plainWords.push(null);
  }
  return { tokens, plainWords, quoteOpen: toggleQuotes(sentence, last, sentence.length, open) };
}

/** What a closing quote mark follows (a word or a stop), and what an opening one precedes (a word). */
const ENDS_QUOTED_TEXT = /[\p{L}\p{N}.,!?;:)\]'%]/u;
const STARTS_QUOTED_TEXT = /[\p{L}\p{N}'([]/u;

/**
 * The quotation state after the quote marks in `text[from, to)`. A mark that can only open one (a
 * word right after it, none right before) opens; one that can only close one (a word or a stop right
 * before it, none right after) closes; any other toggles. So a closing mark an edit dropped, or a
 * stray one, does not turn the rest of the page into quotation.
 */
function toggleQuotes(text: string, from: number, to: number, open: boolean): boolean {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 34 /* " */) continue;
    const wordBefore = i > 0 && ENDS_QUOTED_TEXT.test(text[i - 1]!);
    const wordAfter = i + 1 < text.length && STARTS_QUOTED_TEXT.test(text[i + 1]!);
    if (wordAfter && !wordBefore) open = true;
    else if (wordBefore && !wordAfter) open = false;
    else open = !open;
  }
  return open;
}
