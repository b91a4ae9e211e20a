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
 * Splits normalised paragraphs into sentences. Paragraph breaks always end a sentence;
 * inside a paragraph a sentence ends at . ! ? (optionally followed by a closing quote)
 * before a capital letter, digit or opening quote, unless the dot ends a known abbreviation,
 * an initial ("J. Smith") or a number ("1.2").
 */
export function splitSentences(text: string, max = MAX_SENTENCES): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\n\s*\n|\n/)) {
    const para = normalizeText(raw);
    if (!para) continue;
    for (const s of splitParagraph(para)) {
      out.push(s);
      if (out.length >= max) return out;
    }
  }
  return out;
}

function splitParagraph(para: string): string[] {
  const out: string[] = [];
  const boundary = /([.!?]+)(["')\]]*)\s+(?=["'(\[]?[\p{Lu}\p{N}])/gu;
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
