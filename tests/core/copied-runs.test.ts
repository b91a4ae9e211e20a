import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { ruleMargins } from '../../src/core/verdict.ts';

const weight = () => 1;
const original = [
  'The regional council approved the new budget for the harbour district on Tuesday evening.',
  'The port wanted more.',
  'Work on the northern breakwater will begin in the spring and last until the end of next year.',
  'Fishermen who use the old quay will be moved to temporary moorings near the ferry terminal.',
  'It was not the first delay.',
];
const own = [
  'Residents of the coastal town have waited a long time for any decision about the harbour.',
  'Several shopkeepers said they feared the building work would keep visitors away all summer.',
  'A local historian pointed out that the breakwater was first proposed more than forty years ago.',
];
const align = (page: string[]) => alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN);

describe('a pasted run is one passage, whatever its sentences lengths', () => {
  it("counts a short sentence pasted between two of the original's long ones, in place on both sides", () => {
    const a = align([own[0]!, ...original.slice(0, 3), own[1]!, own[2]!]);
    expect(a.copiedSentences).toBe(3);
    expect(a.copiedRun).toBe(3);
  });

  it('counts it when the page runs it into the next sentence (a missing full stop)', () => {
    const a = align([own[0]!, original[0]!, `${original[1]!.slice(0, -1)} ${original[2]}`, own[1]!]);
    expect(a.copiedSentences).toBe(3);
  });

  it('does not count a short sentence that stands elsewhere in the page, away from the copied ones', () => {
    const a = align([original[1]!, own[0]!, original[0]!, own[1]!, original[2]!, own[2]!]);
    expect(a.copiedSentences).toBe(2);
    const alone = align([own[0]!, original[4]!, own[1]!, original[3]!]);
    expect(alone.copiedSentences).toBe(1); // "It was not the first delay." follows a copy in the page, but not in the original
  });

  /** The sentence with its middle word dropped: a near copy, as people edit what they paste. */
  const edited = (x: string) => {
    const w = x.split(' ');
    return [...w.slice(0, w.length >> 1), ...w.slice((w.length >> 1) + 1)].join(' ');
  };

  it('counts sentences pasted with one word changed when they stand in a run', () => {
    const a = align([own[0]!, edited(original[0]!), edited(original[2]!), edited(original[3]!), own[1]!]);
    expect(a.copiedSentences).toBe(3);
  });

  it('counts a shorter sentence with one word changed, which keeps no phrase of the original, beside an edited one', () => {
    // "Work on the northern breakwater…" and "Fishermen who use the old quay…" with their middle word
    // dropped, and between them an 11-word line with its middle word dropped: it keeps too few of
    // its 4-word phrases for a near copy, but all its words but one.
    const shorter = 'The harbour master said the new berths would open in May.';
    const source = [...original.slice(0, 2), shorter, ...original.slice(2)];
    const a = alignSentences(
      fingerprintSentences([own[0]!, edited(source[3]!), edited(shorter), edited(source[4]!), own[1]!]),
      fingerprintSentences(source),
      weight,
      DEFAULT_ALIGN,
    );
    expect(a.copiedSentences).toBe(3);
    const toldOtherwise = alignSentences(
      fingerprintSentences([own[0]!, edited(source[3]!), 'Berths in the new harbour will be ready by May, its master told reporters.', own[1]!]),
      fingerprintSentences(source),
      weight,
      DEFAULT_ALIGN,
    );
    // The 18-word sentence, one word changed, is a near copy wherever it stands; the line told in other words is none.
    expect(toldOtherwise.copies.map((c) => c.original)).toEqual([3]);
  });

  it('counts a sentence with a light edit every dozen words wherever it stands; two such lines alone are too little for a copy', () => {
    const a = align([own[0]!, edited(original[0]!), own[1]!, own[2]!, edited(original[3]!)]);
    expect(a.copies.map((c) => c.original)).toEqual([0, 3]);
    expect(ruleMargins(a).copied).toBeLessThan(1);
  });

  it('does not count a sentence edited more often than once a dozen words, alone', () => {
    // Two words of 15 changed: more than a light edit, unless other copies stand beside it.
    const twice = (x: string) => {
      const w = x.split(' ');
      return [...w.slice(0, 4), 'new', ...w.slice(5, 10), 'late', ...w.slice(11)].join(' ');
    };
    expect(align([own[0]!, twice(original[0]!), own[1]!]).copiedSentences).toBe(0);
  });

  it("counts a long sentence with a light edit every dozen words: a phrase checker's near copy", () => {
    const long = [
      'The council said that the cost of the work, which had risen twice since the plan was first drawn up, would be shared between the port authority, the county and a national fund for coastal towns.',
    ];
    // Three edits in 38 words: a word dropped, two changed.
    const near =
      'The council said the cost of the work, which had risen twice since the plan was first set up, would be shared between the port authority, the county and a national fund for coastal areas.';
    const a = alignSentences(fingerprintSentences([own[0]!, near, own[1]!]), fingerprintSentences([...original, ...long]), weight, DEFAULT_ALIGN);
    expect(a.copies.map((c) => c.original)).toEqual([original.length]);
  });
});

describe('an alignment without some of the page sentences (what another source explains)', () => {
  it('pairs and counts as copied none of the left-out sentences, which still count in the page', () => {
    const page = [own[0]!, ...original.slice(0, 4), own[1]!];
    const all = alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN);
    const without = alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN, undefined, new Set([1, 3]));
    expect(all.copiedSentences).toBe(4);
    expect(without.copiedSentences).toBe(1); // the short one next to sentence 1 is no longer part of a run
    expect(without.pairs.some((p) => p.page === 1 || p.page === 3)).toBe(false);
    expect(without.pageSentences).toBe(all.pageSentences);
    expect(without.pageCoverage).toBeLessThan(all.pageCoverage);
  });
});
