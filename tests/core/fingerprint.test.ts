import { describe, expect, it } from 'vitest';
import { fingerprintText, FINGERPRINT_VERSION } from '../../src/core/fingerprint.ts';
import { fnv1a32 } from '../../src/core/hash.ts';

const GOLDEN_MINHASH_PREFIX = [220719757, 226981697, 211679692];

describe('fingerprint', () => {
  it('is deterministic and pinned (bump FINGERPRINT_VERSION when this changes)', () => {
    const { sentences, fingerprint } = fingerprintText('Russia scrambled on Wednesday to salvage talks. "It takes time," Peskov said.');
    expect(FINGERPRINT_VERSION).toBe(4);
    expect(sentences).toHaveLength(2);
    expect(fnv1a32('russia')).toBe(4261191724);
    expect(fingerprint.sentences[0]!.terms).toEqual(['russia', 'scrambl', 'wednesdai', 'salvag', 'talk'].map(fnv1a32).sort((a, b) => a - b));
    expect(fingerprint.sentences[1]!.quoted).toEqual(['take', 'time'].map(fnv1a32).sort((a, b) => a - b));
    expect(fingerprint.sentences[1]!.names).toEqual([fnv1a32('peskov')]);
    expect(fingerprint.minhash).toHaveLength(128);
    expect(fingerprint.minhash.slice(0, 3)).toEqual(GOLDEN_MINHASH_PREFIX);
    expect(fingerprint.terms).toEqual([...new Set(fingerprint.sentences.flatMap((s) => s.terms))].sort((a, b) => a - b));
  });
  it('ignores typography', () => {
    const a = fingerprintText('“Moscow’s worried” — Peskov said.').fingerprint;
    const b = fingerprintText('"Moscow\'s worried" - Peskov said.').fingerprint;
    expect(a).toEqual(b);
  });
});
