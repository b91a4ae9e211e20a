import prior from './data/term-prior.json' with { type: 'json' };

/**
 * How common each term is in general English: the share of ordinary documents containing it (from
 * SUBTLEX-US word counts; `scripts/build-term-prior.ts`). Terms not listed are rare (< 0.2 %).
 */
const shares = new Map<number, number>(prior.terms.map((t, i) => [t, prior.permille[i]! / 1000]));

/** The fingerprint version the prior's term hashes were made with. */
export const TERM_PRIOR_VERSION: number = prior.fingerprintVersion;

export function priorShare(term: number): number {
  return shares.get(term) ?? 0;
}
