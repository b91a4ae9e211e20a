import { describe, expect, it } from 'vitest';
import type { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';

const check = (id: string, index: LibraryIndex) => {
  const d = corpusDoc(id);
  return checkPage(pageToCheck(d.url, d.body, { published: d.published }), index);
};

describe("pasted passages (corpus kind excerpt): the original's sentences word for word among the writer's own", () => {
  it.each([
    // Two long sentences pasted after a line of the writer's own that lacks its full stop.
    ['a75063a4d5-excerpt', 'a75063a4d5a775da77292c573d06bb7f'],
    // A pasted list, run into one line, and a sentence of it elsewhere.
    ['1acdfb830a-excerpt', '1acdfb830a9f40ac864f63b75f4853e1'],
    // Four sentences pasted among text quoting a NASA engineer (no credit to NASA's article).
    ['0853c6d83c-excerpt', '0853c6d83cb97eb87fa075c28109bc40'],
  ])('catches %s and names its original', (page, original) => {
    const { verdict, matched } = check(page, corpusLibraryOf(original, 'ecb-10_1ecb'));
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(original);
    expect(verdict.reason).toMatch(/word for word/);
  });

  it('does not take two lines shared by two reports of one fire for a copy, and says what it saw', () => {
    const { verdict } = check('ecb-14_4ecb', corpusLibraryOf('ecb-14_1ecb'));
    expect(verdict.kind).toBe('none');
    expect(verdict.reason).toMatch(/^2 of its sentences match .* word for word or nearly \(\d+ words\): too little for a copy/);
  });
});
