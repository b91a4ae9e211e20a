import { describe, expect, it } from 'vitest';
import { PairPostings } from '../../src/library/pair-postings.ts';
import { RetrievalIndex, sentenceAnchors } from '../../src/library/retrieval-index.ts';
import { libraryArticle } from '../helpers.ts';

/** A distinct name for each number ("Qbc"). */
const name = (i: number) => 'Q' + [...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('');
const WORDS = 'river council morning bridge budget winter market school harbour station village storm festival museum railway tenant garden factory'.split(' ');
/** An article of plain sentences whose wording is its own: words drawn from its number. */
const text = (i: number, lines = 12) => {
  let seed = (i * 2654435761 + 1) >>> 0;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const word = () => WORDS[next() % WORDS.length]! + [...String(next() % 1000)].map((d) => 'aeiouylmnr'[Number(d)]).join('');
  return Array.from(
    { length: lines },
    () => `The ${word()} and the ${word()} of ${name(i)} met the ${word()} near the ${word()} before the ${word()} closed for the ${word()}.`,
  ).join('\n');
};
const article = (i: number) => libraryArticle(`a${i}`, `https://site${i % 50}.example/${i}`, text(i));
const none = () => false;

/** A page on another subject with three of article `i`'s sentences pasted into it, fingerprinted with no terms: only its phrases can find anything. */
function pastedFrom(i: number) {
  const own = 'The weather turned cold over the weekend and the ferry timetable was cut to two crossings a day until spring.';
  const pasted = text(i).split('\n').slice(4, 7).join(' ');
  const fp = libraryArticle('page', 'https://farm.example/p', `${own}\n${pasted}\n${own.replace('weekend', 'holiday')}`).fingerprint;
  return { terms: [], sentences: fp.sentences };
}

describe('sentence anchors: finding the article a page pastes sentences from, whatever its subject', () => {
  it('posts one anchor per sentence long enough for a copy to count, the same for the same words', () => {
    const fp = libraryArticle('x', 'https://x.example/1', `${text(1, 3)}\nToo short to count.`).fingerprint;
    const anchors = sentenceAnchors(fp.sentences);
    expect(anchors).toHaveLength(3);
    expect(sentenceAnchors(libraryArticle('y', 'https://y.example/1', text(1, 3)).fingerprint.sentences)).toEqual(anchors);
  });

  it('finds the article by its pasted sentences alone, beyond the term candidates, and keeps doing so after a snapshot', () => {
    const index = new RetrievalIndex();
    for (let i = 0; i < 300; i++) index.add(article(i));
    expect(index.candidates(pastedFrom(123), 8, none).map((c) => c.key.id)).toEqual(['a123']);
    const copy = RetrievalIndex.fromSnapshot(structuredClone(index.snapshot()))!;
    expect(copy.candidates(pastedFrom(123), 8, none).map((c) => c.key.id)).toEqual(['a123']);
    copy.add(article(900));
    expect(copy.candidates(pastedFrom(900), 8, none).map((c) => c.key.id)).toEqual(['a900']);
  });

  it('forgets a removed article, through merges and compaction', () => {
    const index = new RetrievalIndex();
    for (let i = 0; i < 40; i++) index.add(article(i));
    index.remove('a7');
    expect(index.candidates(pastedFrom(7), 8, none)).toEqual([]);
    const copy = RetrievalIndex.fromSnapshot(structuredClone(index.snapshot()))!; // compacts: numbers change
    expect(copy.candidates(pastedFrom(7), 8, none)).toEqual([]);
    expect(copy.candidates(pastedFrom(30), 8, none).map((c) => c.key.id)).toEqual(['a30']);
  });

  it('leaves out what the caller excludes, and does not follow a stock phrase many articles share', () => {
    const index = new RetrievalIndex();
    for (let i = 0; i < 40; i++) index.add(article(i));
    expect(index.candidates(pastedFrom(5), 8, (k) => k.id === 'a5')).toEqual([]);
    const stock = new RetrievalIndex();
    // Forty articles share two standard lines word for word: their anchors name them all.
    const lines =
      'The council said it would publish the full list of changes on its website later this week.\nResidents who want to comment can write to the planning office before the end of the month.';
    for (let i = 0; i < 40; i++) stock.add(libraryArticle(`s${i}`, `https://site${i}.example/s`, `${lines}\nResidents of ${name(i)} said nothing.`));
    const page = libraryArticle('page', 'https://farm.example/p', lines).fingerprint;
    expect(stock.candidates({ terms: [], sentences: page.sentences }, 8, none)).toEqual([]);
  });
});

describe('PairPostings', () => {
  it('merges recent pairs in key order, renumbers and drops documents, and refuses unsorted arrays', () => {
    const p = new PairPostings();
    p.add(9, 1);
    p.add(3, 2);
    p.add(9, 0);
    p.pack((n) => n);
    expect([...p.keys]).toEqual([3, 9, 9]);
    expect([...p.docs]).toEqual([2, 0, 1]);
    p.add(5, 4);
    p.pack((n) => (n === 0 ? -1 : n - 1));
    expect([...p.keys]).toEqual([3, 5, 9]);
    expect([...p.docs]).toEqual([1, 3, 0]);
    const seen: number[] = [];
    p.forEach(9, (n) => seen.push(n));
    expect(seen).toEqual([0]);
    expect(p.count(9, 16)).toBe(1);
    expect(PairPostings.from(Uint32Array.from([2, 1]), Int32Array.from([0, 0]))).toBeNull();
    expect(PairPostings.from(Uint32Array.from([1]), Int32Array.from([0, 0]))).toBeNull();
  });
});
