import { describe, expect, it } from 'vitest';
import { opening, SHORT_PAGE } from '../../src/cli/eval.ts';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';

/** A corpus page cut to its opening paragraphs (at most 350 words), as a brief or a short rewrite. */
function shortPage(id: string) {
  const d = corpusDoc(id);
  const paragraphs = opening(d.body.split(/\n+/), SHORT_PAGE.maxWords);
  const words = paragraphs.join(' ').split(/\s+/).length;
  expect(words).toBeGreaterThanOrEqual(SHORT_PAGE.minWords);
  expect(words).toBeLessThanOrEqual(SHORT_PAGE.maxWords);
  return pageToCheck(d.url, paragraphs.join('\n'), { published: d.published });
}

describe('short pages (150–350 words), derived from the corpus', () => {
  it('catches the opening of a heavy rewrite and of a condensed one, naming the original', () => {
    for (const story of ['c9ef7a5856bad3a30adcaf124a0bca53', 'f000f523957b279e6db299c443d3cc2b']) {
      const index = corpusLibraryOf(story, 'ecb-10_1ecb');
      for (const kind of ['heavy', 'condensed']) {
        const { verdict, matched } = checkPage(shortPage(`${story.slice(0, 10)}-${kind}`), index);
        expect(verdict.kind, `${story} ${kind}`).toBe('uncredited-rewrite');
        expect(matched?.id).toBe(story);
      }
    }
  });

  it("does not flag the opening of a same-facts report, whose lede follows the original's by the nature of news", () => {
    const { verdict } = checkPage(shortPage('cbda107776-independent'), corpusLibraryOf('cbda107776ab9d3db8c155adcdce446c'));
    expect(verdict.kind).toBe('none');
    expect(verdict.nearest?.id).toBe('cbda107776ab9d3db8c155adcdce446c');
  });

  it('does not flag the opening of real coverage of the same event by another outlet', () => {
    const index = corpusLibraryOf('ecb-10_1ecb');
    for (const id of ['ecb-10_2ecb', 'ecb-10_3ecb']) expect(checkPage(shortPage(id), index).verdict.kind).toBe('none');
  });
});
