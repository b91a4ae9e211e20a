import { FINGERPRINT_VERSION, fingerprintSentences, type Fingerprint, type SentenceFingerprint } from './fingerprint.ts';
import { DEFAULT_MINHASH } from './minhash.ts';

/** Bounds on a fingerprint from outside, checked before any work is spent on it. */
export const FINGERPRINT_LIMITS = {
  termsPerSentence: 5000,
  termsPerArticle: 100_000,
} as const;

export type FingerprintCheck = { ok: true; value: Fingerprint } | { ok: false; reason: string };

export interface FingerprintCheckOptions {
  /**
   * What to do with a fingerprint that is absent or of another `FINGERPRINT_VERSION`: recompute it
   * from the sentences (a pack: sentences are its source of truth), or refuse it (a caller that
   * takes only the current version).
   */
  otherVersion: 'recompute' | 'refuse';
}

/**
 * The one check of a fingerprint that came from outside (a pack line) with the sentences it claims
 * to be of; a content script's message carries none (the background fingerprints the article it
 * sends). Its shape first (one entry per sentence; sorted unique
 * unsigned 32-bit terms and phrases; quoted and name terms inside their sentence's terms; the article's terms
 * the union of the sentences'; a full MinHash signature), then its content: it must be the
 * fingerprint `fingerprintSentences(sentences)` gives, recomputed here, else the matching would
 * find one text and the evidence show another. On success the value is the recomputed fingerprint,
 * never the received object.
 */
export function checkFingerprint(x: unknown, sentences: readonly string[], options: FingerprintCheckOptions): FingerprintCheck {
  const other = () => (options.otherVersion === 'recompute' ? ok(fingerprintSentences(sentences)) : fail('the fingerprint is missing or of another version'));
  if (x === undefined || x === null) return other();
  if (!isRecord(x) || typeof x['version'] !== 'number') return fail('invalid "fingerprint"');
  if (x['version'] !== FINGERPRINT_VERSION) return other();
  const shape = checkShape(x, sentences.length);
  if (!shape.ok) return shape;
  const own = fingerprintSentences(sentences);
  return sameFingerprint(shape.value, own) ? ok(own) : fail('the fingerprint is not that of the sentences (edited text or a borrowed fingerprint)');
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
      return same(s.terms, t.terms) && same(s.quoted, t.quoted) && same(s.names, t.names) && same(s.phrases, t.phrases);
    })
  );
}

/** The fingerprint's structure, as typed data (its content is compared by the caller). */
function checkShape(x: Record<string, unknown>, sentenceCount: number): FingerprintCheck {
  const list = x['sentences'];
  if (!Array.isArray(list) || list.length !== sentenceCount) return fail('fingerprint does not have one entry per sentence');
  const union = new Set<number>();
  const sentences: SentenceFingerprint[] = [];
  for (const s of list as unknown[]) {
    const max = FINGERPRINT_LIMITS.termsPerSentence;
    if (!isRecord(s) || !isTermList(s['terms'], max) || !isTermList(s['quoted'], max) || !isTermList(s['names'], max) || !isTermList(s['phrases'], max)) {
      return fail('fingerprint has an invalid sentence entry');
    }
    const terms = s['terms'];
    const own = new Set(terms);
    if (!s['quoted'].every((t) => own.has(t)) || !s['names'].every((t) => own.has(t))) return fail('fingerprint sentence entry is inconsistent');
    for (const t of terms) union.add(t);
    sentences.push({ terms: [...terms], quoted: [...s['quoted']], names: [...s['names']], phrases: [...s['phrases']] });
  }
  const terms = x['terms'];
  if (!isTermList(terms, FINGERPRINT_LIMITS.termsPerArticle) || terms.length !== union.size || !terms.every((t) => union.has(t))) {
    return fail("fingerprint terms are not the union of its sentences' terms");
  }
  const signature = x['minhash'];
  if (!Array.isArray(signature) || signature.length !== DEFAULT_MINHASH.numPerm || !signature.every(isUint32))
    return fail('fingerprint has an invalid MinHash signature');
  return ok({ version: FINGERPRINT_VERSION, sentences, terms: [...terms], minhash: [...signature] });
}

const ok = (value: Fingerprint): FingerprintCheck => ({ ok: true, value });
const fail = (reason: string): FingerprintCheck => ({ ok: false, reason });

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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
