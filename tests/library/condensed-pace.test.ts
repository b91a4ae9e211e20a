import { describe, expect, it } from 'vitest';
import { alignSentences, DEFAULT_ALIGN } from '../../src/core/align.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { splitSentences } from '../../src/core/sentences.ts';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';
import { originalOf, own, retell } from '../core/one-subject-sentences.ts';

const weight = () => 1;
const original = originalOf(16);
const align = (page: string[]) => alignSentences(fingerprintSentences(page), fingerprintSentences(original), weight, DEFAULT_ALIGN);

describe('a condensed page walks the original at its own pace', () => {
  it("chains a page of four sentences that retells every fourth of the original's sixteen, in order", () => {
    const a = align([0, 4, 8, 12].map(retell));
    expect(a.pairs.map((p) => p.original)).toEqual([0, 4, 8, 12]);
    expect(a.chainedPairs).toBe(4);
  });

  it('does not chain the same steps in a page as long as the original: there they skip most of it', () => {
    const page = [...[0, 4, 8, 12].map(retell), ...Array.from({ length: 12 }, (_, k) => own(k))];
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

describe('a condensed rewrite whose writer then merged neighbouring sentences', () => {
  // f000f52395-condensed (Eurogamer) with every other pair of neighbours joined, as bench/human-edits.ts
  // `merge` does: five sentences, three of which tell the original's in order, merged ones telling two.
  const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
  const merged = (body: string) => {
    const s = splitSentences(body);
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) out.push(i % 4 === 1 && i + 1 < s.length ? `${s[i]!.replace(/[.!?]$/, '')}, and ${lower(s[++i]!)}` : s[i]!);
    return out;
  };

  it("counts each of the original's sentences a merged one tells as a step through it", () => {
    const story = 'f000f523957b279e6db299c443d3cc2b';
    const d = corpusDoc('f000f52395-condensed');
    const sentences = merged(d.body);
    expect(sentences).toHaveLength(5);
    const { verdict, matched } = checkPage(pageToCheck(d.url, sentences.join('\n\n'), { published: d.published }), corpusLibraryOf(story));
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(story);
    expect(verdict.reason).toBe("retells eurogamer.net's article in its order: 3 of its 5 sentences follow the original's");
  });
});

describe('a report whose lede follows the original, in a fresh library', () => {
  // The e2e case (e2e/a11y-harness.mjs): CNBC's article and a same-facts report of it
  // (cbda107776-independent), the only articles a fresh profile knows. Their opening sentences follow
  // each other's, as news puts the main facts first: no rewrite.
  const story = 'cbda107776ab9d3db8c155adcdce446c';
  const report = 'cbda107776-independent';
  const asPage = (id: string) => {
    const d = corpusDoc(id);
    return pageToCheck(d.url, d.body, { published: d.published });
  };

  it('does not take the report for a rewrite of the original', () => {
    expect(checkPage(asPage(report), corpusLibraryOf(story)).verdict.kind).toBe('none');
  });
});
