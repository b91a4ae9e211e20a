import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';

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
    expect(toldOtherwise.copiedSentences).toBe(0); // one edited sentence alone, and a line told in other words
  });

  it('does not count one edited sentence alone: two reports may both edit the same wire line', () => {
    const a = align([own[0]!, edited(original[0]!), own[1]!, own[2]!, edited(original[3]!)]);
    expect(a.copiedSentences).toBe(0);
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
