import { describe, expect, it } from 'vitest';
import { fingerprintText, FINGERPRINT_VERSION } from '../../src/core/fingerprint.ts';
import { fnv1a32 } from '../../src/core/hash.ts';

const GOLDEN_MINHASH_PREFIX = [220719757, 226981697, 211679692];

describe('fingerprint', () => {
  it('is deterministic and pinned (bump FINGERPRINT_VERSION when this changes)', () => {
    const { sentences, fingerprint } = fingerprintText('Russia scrambled on Wednesday to salvage talks. "It takes time," Peskov said.');
    expect(FINGERPRINT_VERSION).toBe(6);
    expect(sentences).toHaveLength(2);
    expect(fnv1a32('russia')).toBe(4261191724);
    expect(fingerprint.sentences[0]!.terms).toEqual(['russia', 'scrambl', 'wednesdai', 'salvag', 'talk'].map(fnv1a32).sort((a, b) => a - b));
    expect(fingerprint.sentences[1]!.quoted).toEqual(['take', 'time'].map(fnv1a32).sort((a, b) => a - b));
    expect(fingerprint.sentences[1]!.names).toEqual([fnv1a32('peskov')]);
    // Phrases: four words in a row outside quotation marks, stop words included.
    const phrases = ['russia scrambled on wednesday', 'scrambled on wednesday to', 'on wednesday to salvage', 'wednesday to salvage talks'];
    expect(fingerprint.sentences[0]!.phrases).toEqual(phrases.map(fnv1a32).sort((a, b) => a - b));
    expect(fingerprint.sentences[1]!.phrases).toEqual([]);
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

describe('phrases', () => {
  const phrasesOf = (text: string) => fingerprintText(text).fingerprint.sentences.map((s) => s.phrases.length);
  it('never run across a quotation, nor count its words', () => {
    // 'the minister said' + quote + 'before he left the room': 0 phrases of 3 words, 2 of 5.
    expect(phrasesOf('The minister said "we will not give up on this plan at all" before he left the room.')).toEqual([2]);
  });
  it('keep a quotation open across sentences', () => {
    expect(phrasesOf('"We will not give up.\nWe will fight on until the end of the year," she told the crowd in the square.')).toEqual([0, 4]);
  });
  it('close a quotation at its closing mark, though an edit dropped the one before it', () => {
    // The first quotation lost its closing mark: its last word and the second one's opening mark run on.
    const text =
      'The studio said "we are hard at work on new features adding "these will roll out every six weeks."\nThe update did not say when the new modes of travel would arrive.';
    const [, after] = fingerprintText(text).fingerprint.sentences;
    expect(after!.quoted).toEqual([]);
    expect(phrasesOf(text)[1]).toBe(10); // all 13 words, outside quotation
  });
});
