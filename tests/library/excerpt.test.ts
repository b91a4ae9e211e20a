import { describe, expect, it } from 'vitest';
import type { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { splitSentences } from '../../src/core/sentences.ts';
import { corpusDoc, corpusIds, corpusLibraryOf, pageToCheck } from '../helpers.ts';

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

  // A short page (about 250 words) in the writer's own words on a related subject, with three of the
  // original's sentences pasted among them, as people write: the library also holds 300 other articles.
  const own = [
    'Doctors who study memory say that sudden losses of it are rarer than television dramas suggest, and that most patients recover within a day.',
    'Neurologists call the condition transient global amnesia when a person cannot form new memories for a few hours and cannot explain why.',
    'Researchers at several universities have tried for decades to find a single cause, and most now think there are several.',
    'Some patients describe a bad headache or a hard swim in cold water shortly before the episode begins, others describe nothing at all.',
    'Cases in which years of memories disappear for good are far rarer, and specialists often disagree about them.',
    'One such case drew wide attention this year.',
    'Specialists say families should keep notes on what a patient remembers each day, since the pattern helps doctors decide on tests.',
    'Brain scans usually look normal, which can make the diagnosis slow and frustrating for everyone involved.',
    'Support groups for families of patients with lasting memory loss have grown in number, and many now meet online every week.',
  ];
  const pasted = (n: number) => {
    const original = corpusDoc('c9ef7a5856bad3a30adcaf124a0bca53').body.split(/\n+/);
    return [...own.slice(0, 6), original.slice(0, n).join(' '), ...own.slice(6)].join('\n');
  };
  const distractors = () => corpusLibraryOf('c9ef7a5856bad3a30adcaf124a0bca53', ...corpusIds('library').slice(0, 300));

  it("catches three of the original's sentences pasted into a short page of the writer's own, among many library articles", () => {
    const index = distractors();
    const { verdict, matched } = checkPage(pageToCheck('https://blog.example/memory', pasted(3), { published: '2030-01-01T00:00:00Z' }), index);
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe('c9ef7a5856bad3a30adcaf124a0bca53');
    expect(verdict.reason).toMatch(/^copies 3 of .*'s sentences word for word or nearly, one after another/);
  });

  it('names one pasted sentence as what it is, too little for a copy, and shows the article', () => {
    const { verdict } = checkPage(pageToCheck('https://blog.example/memory', pasted(1), { published: '2030-01-01T00:00:00Z' }), distractors());
    expect(verdict.kind).toBe('none');
    expect(verdict.nearest?.id).toBe('c9ef7a5856bad3a30adcaf124a0bca53');
    expect(verdict.reason).toMatch(/^1 of its sentences matches .*'s article word for word or nearly \(\d+ words\): too little for a copy/);
  });

  it('does not take two lines shared by two reports of one fire for a copy, and says what it saw', () => {
    const { verdict } = check('ecb-14_4ecb', corpusLibraryOf('ecb-14_1ecb'));
    expect(verdict.kind).toBe('none');
    expect(verdict.reason).toMatch(/^2 of its sentences match .* word for word or nearly \(\d+ words\): too little for a copy/);
  });
});

describe("near copies scattered through the writer's own article: the original's sentences with a light edit every dozen words", () => {
  // CNBC's article (the E2E story) and a same-facts article written from its fact sheet: three long
  // sentences of CNBC's own (no quotation), from its start, middle and end, each with one word dropped
  // every `every` words, set apart in the writer's article.
  const story = 'cbda107776ab9d3db8c155adcdce446c';
  const hostId = 'cbda107776-independent';
  const split = (body: string) => body.split(/\n+/).flatMap(splitSentences);
  const long = split(corpusDoc(story).body).filter((s) => s.split(' ').length >= 20 && !/["“”]/.test(s));
  const picks = [long[0]!, long[Math.floor(long.length / 2)]!, long[long.length - 1]!];
  const dropEvery = (s: string, every: number) =>
    s
      .split(' ')
      .filter((_, i) => i === 0 || i % every !== every / 2)
      .join(' ');
  const page = (every: number) => {
    const host = split(corpusDoc(hostId).body);
    const out = [...host];
    picks.forEach((s, k) => out.splice(Math.round(((k + 1) * host.length) / 4) + k, 0, dropEvery(s, every)));
    return pageToCheck('https://blog.example/uk-economy', out.join(' '), { published: '2030-01-01T00:00:00Z' });
  };
  const library = () => corpusLibraryOf(story, 'ecb-10_1ecb', ...corpusIds('library').slice(0, 100));

  it("leaves the writer's article alone clear, and catches it with three sentences pasted in, naming the original, as a phrase checker would", () => {
    const host = corpusDoc(hostId);
    expect(checkPage(pageToCheck(host.url, host.body, { published: host.published }), library()).verdict.kind).toBe('none');
    const { verdict, matched } = checkPage(page(12), library());
    expect(verdict.kind, verdict.reason).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(story);
    expect(verdict.reason).toMatch(/^copies \d+ of cnbc.com's sentences word for word or nearly \(\d+ words\), among text of its own$/);
    // The three pasted sentences are in the evidence, beside the original's.
    for (const s of picks) expect(verdict.evidence!.pairs.some((p) => p.originalText === s && p.similarity > 0.9)).toBe(true);
  });

  it('does not call sentences with a word changed every six a copy: that is close paraphrase, which alone decides nothing', () => {
    const { verdict } = checkPage(page(6), library());
    expect(verdict.kind, verdict.reason).toBe('none');
  });
});
