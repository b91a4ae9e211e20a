import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION } from '../../src/core/fingerprint.ts';
import { fnv1a32 } from '../../src/core/hash.ts';
import { priorShare, TERM_PRIOR_VERSION } from '../../src/core/term-prior.ts';
import { termOf } from '../../src/core/tokens.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { buildTermPrior } from '../../scripts/term-prior-data.ts';

const share = (word: string) => priorShare(fnv1a32(termOf(word)!));

describe('term prior', () => {
  it('was built with the current fingerprints, and the build script reproduces it exactly', () => {
    expect(TERM_PRIOR_VERSION).toBe(FINGERPRINT_VERSION);
    const stored = readFileSync(new URL('../../src/core/data/term-prior.json', import.meta.url), 'utf8');
    expect(JSON.stringify(buildTermPrior()) + '\n').toBe(stored);
  });

  it('knows common words from rare ones, so an empty library weighs names above filler', () => {
    expect(share('people')).toBeGreaterThan(0.3);
    expect(share('negotiations')).toBeLessThan(share('talks'));
    expect(share('denicola')).toBe(0);
    const idf = new LibraryIndex().idf;
    const w = (word: string) => idf(fnv1a32(termOf(word)!));
    expect(w('denicola')).toBeGreaterThan(2 * w('people'));
    expect(w('budapest')).toBeGreaterThan(w('meeting'));
  });
});
