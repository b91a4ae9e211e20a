/**
 * Text normalisation shared by every fingerprint: Unicode NFKC, one kind of quote,
 * apostrophe, dash and space, so that typographic choices never change a fingerprint.
 */
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/g;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
const INVISIBLE = /[\u00AD\u200C\u200D\u2060\uFEFF]/g;

/** Normalises typography; idempotent: `normalizeText(normalizeText(s)) === normalizeText(s)`. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(QUOTES, '"').replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ').trim();
}
