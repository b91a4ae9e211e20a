import { normalizeText } from './normalize.ts';

/** Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev fr hon pres ' +
    'inc ltd co corp bros vs etc no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.k u.n e.u a.m p.m i.e e.g approx est dept univ ave blvd'
  ).split(' '),
);

const MAX_SENTENCES = 400;
/**
 * Characters read, at most: the first 400 sentences of any real article lie well within (the
 * extraction caps an article at 600,000), and the work after splitting grows with the text read.
 */
export const MAX_TEXT_CHARS = 600_000;

/**
 * Splits normalised paragraphs into sentences. Paragraph breaks always end a sentence;
 * inside a paragraph a sentence ends at . ! ? (optionally followed by a closing quote)
 * before a capital letter, digit or opening quote, unless the dot ends a known abbreviation,
 * an initial ("J. Smith") or a number ("1.2"). Reads at most `MAX_TEXT_CHARS` characters, in linear time.
 */
export function splitSentences(text: string, max = MAX_SENTENCES): string[] {
  const out: string[] = [];
  const bounded = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  for (const raw of bounded.split(/\n\s*\n|\n/)) {
    const para = normalizeText(raw);
    if (!para) continue;
    for (const s of splitParagraph(para)) {
      out.push(s);
      if (out.length >= max) return out;
    }
  }
  return out;
}

/**
 * A sentence boundary. It starts only at the first mark of a run (the lookbehind) and takes the
 * whole run at once (`(?=(…+))\1` cannot give characters back): without both, a run of n marks
 * that ends no sentence ("Word" and 100,000 dots) is tried from each of its n marks, n steps each.
 * Matches are the same: a boundary always took its run whole, from its first mark.
 */
export const SENTENCE_BOUNDARY = /(?<![.!?])(?=([.!?]+))\1(?=(["')\]]*))\2\s+(?=["'([]?[\p{Lu}\p{N}])/gu;

function splitParagraph(para: string): string[] {
  const out: string[] = [];
  const boundary = new RegExp(SENTENCE_BOUNDARY);
  let start = 0;
  for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && isAbbreviationBefore(para, m.index)) continue;
    out.push(para.slice(start, end).trim());
    start = boundary.lastIndex;
  }
  const rest = para.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}

function isAbbreviationBefore(text: string, dotIndex: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}

/** The text of sentences `first`..`last` (a merged or split group of an alignment), one after another. */
export function spanText(sentences: readonly string[], first: number, last = first): string {
  return sentences.slice(first, last + 1).join(' ');
}
