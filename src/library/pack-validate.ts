import { checkFingerprint } from '../core/fingerprint-check.ts';
import type { MessageKey, MessageRef } from '../core/messages.ts';
import { siteOf } from '../core/site.ts';
import { isHttpUrl } from '../core/url.ts';
import type { LibraryArticle } from './article.ts';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, type PackHeader } from './pack-format.ts';

/**
 * A checked value, or why it was refused: `reason` in English (the CLI prints it) and, beside it,
 * `reasonMessage`, the same as a message for the library page (in the reader's language).
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; reasonMessage?: MessageRef };

/** Kept for callers of the pack module: the one fingerprint check lives in core (`fingerprint-check.ts`). */
export { isFingerprintOf, sameFingerprint } from '../core/fingerprint-check.ts';

/** Checks a parsed header line. */
export function checkHeader(x: unknown): Checked<PackHeader> {
  if (!isRecord(x)) return fail('the header is not a JSON object', 'packReasonHeaderNotObject');
  if (x.format !== PACK_FORMAT) {
    const format = String(JSON.stringify(x.format)?.slice(0, 60));
    return fail(`not an Unspun pack (format is ${format}, expected "${PACK_FORMAT}")`, 'packReasonNotPack', format, PACK_FORMAT);
  }
  if (!isCount(x.version) || x.version < 1) return fail('the header has no valid version', 'packReasonHeaderVersion');
  if (x.version > PACK_VERSION)
    return fail(
      `pack version ${x.version} is newer than this Unspun reads (${PACK_VERSION})`,
      'packReasonVersionNewer',
      String(x.version),
      String(PACK_VERSION),
    );
  if (!isDate(x.created)) return fail('the header has no valid "created" time', 'packReasonHeaderCreated');
  if (!isCount(x.articles)) return fail('the header has no valid article count', 'packReasonHeaderCount');
  if (!isCount(x.fingerprintVersion) || x.fingerprintVersion < 1)
    return fail('the header has no valid fingerprintVersion', 'packReasonHeaderFingerprintVersion');
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
  if (!isRecord(x)) return fail('not a JSON object', 'packReasonNotObject');
  if (!isText(x.id, PACK_LIMITS.idChars) || !x.id) return fail('missing or invalid "id"', 'packReasonMissingField', 'id');
  if (!isHttpUrl(x.url, PACK_LIMITS.urlChars)) return fail('missing or invalid "url" (must be an absolute http(s) URL)', 'packReasonMissingUrl', 'url');
  if (x.canonicalUrl !== undefined && !isHttpUrl(x.canonicalUrl, PACK_LIMITS.urlChars))
    return fail('invalid "canonicalUrl" (must be an absolute http(s) URL)', 'packReasonInvalidUrl', 'canonicalUrl');
  if (!isText(x.title, PACK_LIMITS.titleChars)) return fail('missing or invalid "title"', 'packReasonMissingField', 'title');
  if (x.siteName !== undefined && !isText(x.siteName, PACK_LIMITS.siteNameChars)) return fail('invalid "siteName"', 'packReasonInvalidField', 'siteName');
  if (x.byline !== undefined && !isText(x.byline, PACK_LIMITS.bylineChars)) return fail('invalid "byline"', 'packReasonInvalidField', 'byline');
  if (x.published !== undefined && !isDate(x.published)) return fail('invalid "published" time', 'packReasonInvalidTime', 'published');
  if (!isDate(x.firstSeen)) return fail('missing or invalid "firstSeen" time', 'packReasonMissingTime', 'firstSeen');
  if (x.derivedFrom !== undefined) return fail('derived from another article: not an original', 'packReasonDerived');
  const sentences = x.sentences;
  if (!Array.isArray(sentences) || sentences.length === 0) return fail('missing or empty "sentences"', 'packReasonNoSentences');
  if (sentences.length > PACK_LIMITS.sentences) return fail(`too many sentences (${sentences.length})`, 'packReasonTooManySentences', String(sentences.length));
  if (!sentences.every((s) => isText(s, PACK_LIMITS.sentenceChars)))
    return fail('"sentences" must be strings of reasonable length', 'packReasonSentenceStrings');
  // The one fingerprint check (`checkFingerprint`); a pack's fingerprint of another version is recomputed from its sentences.
  const fp = checkFingerprint(x.fingerprint, sentences as string[], { otherVersion: 'recompute' });
  // Refused with the check's own reason, as it gives it (its message: `fingerprintReasonMessage`).
  if (!fp.ok) return fp;
  const article: LibraryArticle = {
    id: x.id,
    url: x.url,
    site: siteOf(x.url),
    title: x.title,
    firstSeen: now.toISOString(),
    source: 'pack',
    sentences: [...(sentences as string[])],
    fingerprint: fp.value,
  };
  if (x.canonicalUrl !== undefined) article.canonicalUrl = x.canonicalUrl;
  if (x.siteName !== undefined) article.siteName = x.siteName;
  if (x.byline !== undefined) article.byline = x.byline;
  if (x.published !== undefined) article.published = x.published;
  return { ok: true, value: article };
}

function fail<T>(reason: string, key: MessageKey, ...args: string[]): Checked<T> {
  return { ok: false, reason, reasonMessage: { key, args } };
}

/**
 * A reason of the fingerprint check (src/core/fingerprint-check.ts, English only) as a message;
 * undefined for one not listed here (a newer check), which keeps its English on the library page too.
 */
export function fingerprintReasonMessage(reason: string): MessageRef | undefined {
  const found = Object.hasOwn(FINGERPRINT_REASONS, reason) ? FINGERPRINT_REASONS[reason] : undefined;
  return found && { key: found[0], args: found.slice(1) };
}

const FINGERPRINT_REASONS: Readonly<Record<string, [MessageKey, ...string[]]>> = {
  'invalid "fingerprint"': ['packReasonInvalidField', 'fingerprint'],
  'the fingerprint is missing or of another version': ['packReasonFingerprintVersion'],
  'the fingerprint is not that of the sentences (edited text or a borrowed fingerprint)': ['packReasonFingerprintNotOfSentences'],
  'fingerprint does not have one entry per sentence': ['packReasonFingerprintEntries'],
  'fingerprint has an invalid sentence entry': ['packReasonFingerprintSentenceEntry'],
  'fingerprint sentence entry is inconsistent': ['packReasonFingerprintInconsistent'],
  "fingerprint terms are not the union of its sentences' terms": ['packReasonFingerprintTerms'],
  'fingerprint has an invalid MinHash signature': ['packReasonFingerprintMinhash'],
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isText(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** An ISO-like time string that parses to a date between 1970 and 2200. */
function isDate(x: unknown): x is string {
  if (!isText(x, PACK_LIMITS.dateChars) || !/^\d{4}-\d{2}-\d{2}/.test(x)) return false;
  const t = Date.parse(x);
  return Number.isFinite(t) && t >= 0 && t < Date.UTC(2200, 0, 1);
}
