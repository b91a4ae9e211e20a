import { describe, expect, it } from 'vitest';
import { canonicalTerm } from '../../src/core/synonyms.ts';
import { SYNONYM_CLASSES } from '../../src/core/synonym-table.ts';

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
