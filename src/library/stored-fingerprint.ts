import type { Fingerprint } from '../core/fingerprint.ts';
import { minhash } from '../core/minhash.ts';

/**
 * A fingerprint as IndexedDB stores it: the sentences' lists of term hashes in one Uint32Array
 * (4 bytes a hash, where a list of numbers costs up to 9 bytes a number and a header of its own).
 * Layout: [sentence count, then per sentence its terms, quoted, names and phrases counts], then each
 * sentence's four lists in order. The article's terms (the union of its sentences') and its MinHash
 * signature (of those terms) are computed again when it is read (the signature when first asked for):
 * they would double a feed item's size.
 */
export interface PackedFingerprint {
  version: number;
  packed: Uint32Array;
}

export function packFingerprint(fp: Fingerprint): PackedFingerprint {
  const header = [fp.sentences.length];
  for (const s of fp.sentences) header.push(s.terms.length, s.quoted.length, s.names.length, s.phrases.length);
  const body = fp.sentences.flatMap((s) => [s.terms, s.quoted, s.names, s.phrases]);
  const out = new Uint32Array(header.length + body.reduce((n, a) => n + a.length, 0));
  out.set(header);
  let at = header.length;
  for (const list of body) {
    out.set(list, at);
    at += list.length;
  }
  return { version: fp.version, packed: out };
}

/** The fingerprint a packed one holds; undefined when the layout does not add up (a damaged record). */
export function unpackFingerprint(p: PackedFingerprint): Fingerprint | undefined {
  const a = p.packed;
  if (!(a instanceof Uint32Array) || a.length < 1) return undefined;
  const sentences = a[0]!;
  const headerLength = 1 + 4 * sentences;
  if (a.length < headerLength) return undefined;
  let at = headerLength;
  const take = (n: number): number[] | undefined => {
    if (at + n > a.length) return undefined;
    const list = Array.from(a.subarray(at, at + n));
    at += n;
    return list;
  };
  const out: Fingerprint['sentences'] = [];
  const all = new Set<number>();
  for (let i = 0; i < sentences; i++) {
    const h = 1 + 4 * i;
    const [t, q, n, ph] = [take(a[h]!), take(a[h + 1]!), take(a[h + 2]!), take(a[h + 3]!)];
    if (!t || !q || !n || !ph) return undefined;
    for (const x of t) all.add(x);
    out.push({ terms: t, quoted: q, names: n, phrases: ph });
  }
  if (at !== a.length) return undefined;
  const terms = [...all].sort((x, y) => x - y);
  const fp = { version: p.version, sentences: out, terms } as Omit<Fingerprint, 'minhash'> as Fingerprint;
  // Computed when first asked for (a pack export, a check of shape): matching never reads it, and a
  // rebuild of a 100,000-article index would spend a quarter of its time on it.
  let signature: number[] | undefined;
  Object.defineProperty(fp, 'minhash', { enumerable: true, configurable: true, get: () => (signature ??= minhash(terms)) });
  return fp;
}

/** True for a fingerprint in the stored (packed) shape. */
export function isPacked(fp: unknown): fp is PackedFingerprint {
  return typeof fp === 'object' && fp !== null && (fp as PackedFingerprint).packed instanceof Uint32Array;
}
