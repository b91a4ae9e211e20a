import { FINGERPRINT_VERSION, fingerprintSentences, type Fingerprint, type SentenceFingerprint } from '../core/fingerprint.ts';
import { DEFAULT_MINHASH } from '../core/minhash.ts';
import { siteOf } from '../core/site.ts';
import type { LibraryArticle } from './article.ts';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, type PackHeader } from './pack-format.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Checks a parsed header line. */
export function checkHeader(x: unknown): Checked<PackHeader> {
  if (!isRecord(x)) return fail('the header is not a JSON object');
  if (x.format !== PACK_FORMAT) return fail(`not an Unspun pack (format is ${JSON.stringify(x.format)?.slice(0, 60)}, expected "${PACK_FORMAT}")`);
  if (!isCount(x.version) || x.version < 1) return fail('the header has no valid version');
  if (x.version > PACK_VERSION) return fail(`pack version ${x.version} is newer than this Unspun reads (${PACK_VERSION})`);
  if (!isDate(x.created)) return fail('the header has no valid "created" time');
  if (!isCount(x.articles)) return fail('the header has no valid article count');
  if (!isCount(x.fingerprintVersion) || x.fingerprintVersion < 1) return fail('the header has no valid fingerprintVersion');
  const header: PackHeader = { format: PACK_FORMAT, version: x.version, created: x.created, articles: x.articles, fingerprintVersion: x.fingerprintVersion };
  if (typeof x.generator === 'string') header.generator = x.generator.slice(0, 100);
  if (typeof x.description === 'string') header.description = x.description.slice(0, PACK_LIMITS.descriptionChars);
  return { ok: true, value: header };
}

/**
 * Checks a parsed article line and builds a fresh `LibraryArticle` from its known fields only:
 * `site` is recomputed from the URL, `source` becomes `pack`, a fingerprint of another version
 * (or none) is recomputed from the sentences, and one of the current version must be the
 * fingerprint of its sentences (else the matching would find one text and the evidence show
 * another). `firstSeen` becomes `now`, the time of the import: a pack cannot prove when anyone
 * first saw an article, and an earlier claim would make its articles look older than they are.
 */
export function checkArticle(x: unknown, now: Date = new Date()): Checked<LibraryArticle> {
  if (!isRecord(x)) return fail('not a JSON object');
  if (!isText(x.id, PACK_LIMITS.idChars) || !x.id) return fail('missing or invalid "id"');
  if (!isHttpUrl(x.url)) return fail('missing or invalid "url" (must be an absolute http(s) URL)');
  if (x.canonicalUrl !== undefined && !isHttpUrl(x.canonicalUrl)) return fail('invalid "canonicalUrl" (must be an absolute http(s) URL)');
  if (!isText(x.title, PACK_LIMITS.titleChars)) return fail('missing or invalid "title"');
  if (x.siteName !== undefined && !isText(x.siteName, PACK_LIMITS.siteNameChars)) return fail('invalid "siteName"');
  if (x.byline !== undefined && !isText(x.byline, PACK_LIMITS.bylineChars)) return fail('invalid "byline"');
  if (x.published !== undefined && !isDate(x.published)) return fail('invalid "published" time');
  if (!isDate(x.firstSeen)) return fail('missing or invalid "firstSeen" time');
  if (x.derivedFrom !== undefined) return fail('derived from another article: not an original');
  const sentences = x.sentences;
  if (!Array.isArray(sentences) || sentences.length === 0) return fail('missing or empty "sentences"');
  if (sentences.length > PACK_LIMITS.sentences) return fail(`too many sentences (${sentences.length})`);
  if (!sentences.every((s) => isText(s, PACK_LIMITS.sentenceChars))) return fail('"sentences" must be strings of reasonable length');
  const fp = checkFingerprint(x.fingerprint, sentences.length);
  if (!fp.ok) return fp;
  const own = fingerprintSentences(sentences as string[]);
  if (fp.value && !sameFingerprint(fp.value, own)) return fail('the fingerprint is not that of the sentences (edited text or a borrowed fingerprint)');
  const article: LibraryArticle = {
    id: x.id,
    url: x.url,
    site: siteOf(x.url),
    title: x.title,
    firstSeen: now.toISOString(),
    source: 'pack',
    sentences: [...(sentences as string[])],
    fingerprint: own,
  };
  if (x.canonicalUrl !== undefined) article.canonicalUrl = x.canonicalUrl;
  if (x.siteName !== undefined) article.siteName = x.siteName;
  if (x.byline !== undefined) article.byline = x.byline;
  if (x.published !== undefined) article.published = x.published;
  return { ok: true, value: article };
}

/**
 * A fingerprint of the current version, checked for shape and consistency (sorted unique 32-bit
 * terms, one entry per sentence, quoted and name terms inside the sentence's terms, article terms
 * the union of the sentences', a full MinHash signature); `undefined` when it must be recomputed.
 */
function checkFingerprint(x: unknown, sentenceCount: number): Checked<Fingerprint | undefined> {
  if (x === undefined || x === null) return { ok: true, value: undefined };
  if (!isRecord(x) || typeof x.version !== 'number') return fail('invalid "fingerprint"');
  if (x.version !== FINGERPRINT_VERSION) return { ok: true, value: undefined };
  if (!Array.isArray(x.sentences) || x.sentences.length !== sentenceCount) return fail('fingerprint does not have one entry per sentence');
  const union = new Set<number>();
  const sentences: SentenceFingerprint[] = [];
  for (const s of x.sentences as unknown[]) {
    if (!isRecord(s) || !isTermList(s.terms, PACK_LIMITS.termsPerSentence) || !isTermList(s.quoted, PACK_LIMITS.termsPerSentence) || !isTermList(s.names, PACK_LIMITS.termsPerSentence)) {
      return fail('fingerprint has an invalid sentence entry');
    }
    const own = new Set(s.terms);
    if (!s.quoted.every((t) => own.has(t)) || !s.names.every((t) => own.has(t))) return fail('fingerprint sentence entry is inconsistent');
    for (const t of s.terms) union.add(t);
    sentences.push({ terms: [...s.terms], quoted: [...s.quoted], names: [...s.names] });
  }
  if (!isTermList(x.terms, PACK_LIMITS.termsPerArticle) || x.terms.length !== union.size || !x.terms.every((t) => union.has(t))) {
    return fail('fingerprint terms are not the union of its sentences\' terms');
  }
  if (!Array.isArray(x.minhash) || x.minhash.length !== DEFAULT_MINHASH.numPerm || !x.minhash.every(isUint32)) return fail('fingerprint has an invalid MinHash signature');
  return { ok: true, value: { version: FINGERPRINT_VERSION, sentences, terms: [...x.terms], minhash: [...(x.minhash as number[])] } };
}

/** True when `fingerprint` is the one `fingerprintSentences(sentences)` gives (recomputed here). */
export function isFingerprintOf(fingerprint: Fingerprint, sentences: readonly string[]): boolean {
  return fingerprint.sentences.length === sentences.length && sameFingerprint(fingerprint, fingerprintSentences(sentences));
}

/** Two fingerprints are the same: version, every sentence's terms, the article's terms, the MinHash signature. */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  if (a.version !== b.version || a.sentences.length !== b.sentences.length) return false;
  const same = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.terms, b.terms) &&
    same(a.minhash, b.minhash) &&
    a.sentences.every((s, i) => {
      const t = b.sentences[i]!;
      return same(s.terms, t.terms) && same(s.quoted, t.quoted) && same(s.names, t.names);
    })
  );
}

function fail<T>(reason: string): Checked<T> {
  return { ok: false, reason };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isText(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function isUint32(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}

/** Ascending, without repeats, every element an unsigned 32-bit integer. */
function isTermList(x: unknown, max: number): x is number[] {
  if (!Array.isArray(x) || x.length > max) return false;
  for (let i = 0; i < x.length; i++) if (!isUint32(x[i]) || (i > 0 && (x[i] as number) <= (x[i - 1] as number))) return false;
  return true;
}

/** An ISO-like time string that parses to a date between 1970 and 2200. */
function isDate(x: unknown): x is string {
  if (!isText(x, PACK_LIMITS.dateChars) || !/^\d{4}-\d{2}-\d{2}/.test(x)) return false;
  const t = Date.parse(x);
  return Number.isFinite(t) && t >= 0 && t < Date.UTC(2200, 0, 1);
}

/** An absolute http(s) URL without credentials, of reasonable length. */
export function isHttpUrl(x: unknown): x is string {
  if (!isText(x, PACK_LIMITS.urlChars)) return false;
  try {
    // The written form must be absolute too: the URL parser forgives "https:&//host", a pack must not.
    if (!/^https?:\/\/[^/]/i.test(x)) return false;
    const u = new URL(x);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}
