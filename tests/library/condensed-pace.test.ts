import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';

const weight = () => 1;
// Sixteen sentences, each on its own subject, so each page sentence below retells exactly one.
const subjects = [
  'harbour budget councillors approved',
  'breakwater repairs delayed spring',
  'fishermen moorings ferry terminal',
  'tourism office brochures printed',
  'lighthouse keeper retired pension',
  'lifeboat crew rescued swimmers',
  'seafood festival postponed storms',
  'marina berths doubled yachts',
  'customs inspectors seized cigarettes',
  'dredging contract awarded engineers',
  'cruise liner visits cancelled',
  'coastguard radio upgraded satellites',
  'harbourmaster resigned suddenly',
  'warehouse converted museum exhibits',
  'pollution sensors installed buoys',
  'regatta trophy stolen clubhouse',
];
const original = subjects.map((s) => `The ${s} according to the council report published yesterday.`);
const retell = (s: string) => `Reports said the ${s.split(' ').reverse().join(' ')} this week.`;
const align = (page: string[]) => alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN);

describe('a condensed page walks the original at its own pace', () => {
  it("chains a page of four sentences that retells every fourth of the original's sixteen, in order", () => {
    const a = align([0, 4, 8, 12].map((j) => retell(subjects[j]!)));
    expect(a.pairs.map((p) => p.original)).toEqual([0, 4, 8, 12]);
    expect(a.chainedPairs).toBe(4);
  });

  it('does not chain the same steps in a page as long as the original: there they skip most of it', () => {
    const own = (k: number) => `Residents number ${k} spoke about something else entirely at the meeting.`;
    const page = [...[0, 4, 8, 12].map((j) => retell(subjects[j]!)), ...Array.from({ length: 12 }, (_, k) => own(k))];
    const a = align(page);
    expect(a.pairs.map((p) => p.original)).toEqual([0, 4, 8, 12]);
    expect(a.chainedPairs).toBe(0);
  });
});

describe('a condensed rewrite from the corpus', () => {
  it('catches a 10-sentence condensed rewrite of a 40-sentence original, naming it, with the reason', () => {
    const story = 'a75063a4d5a775da77292c573d06bb7f';
    const d = corpusDoc('a75063a4d5-condensed');
    const { verdict, matched } = checkPage(pageToCheck(d.url, d.body, { published: d.published }), corpusLibraryOf(story, 'ecb-10_1ecb'));
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(story);
    expect(verdict.reason).toMatch(/^retells thesun.co.uk's article in its order: \d+ of its \d+ sentences follow the original's/);
  });
});
