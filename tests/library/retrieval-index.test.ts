import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/core/hash.ts';
import { termOf } from '../../src/core/tokens.ts';
import { POSTED_TERMS, postedTerms, RetrievalIndex, type RetrievalSnapshot } from '../../src/library/retrieval-index.ts';
import { libraryArticle } from '../helpers.ts';

/** A distinct name for each number ("Qbc"): words with digits split into a word and a number. */
const name = (i: number) => 'Q' + [...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('');
const story = (i: number) =>
  `Officials in ${name(i)}ton said the ${name(i)} Bridge project would cost ${1000 + i} million. The mayor of ${name(i)}ton defended the plan on Monday. Critics of the ${name(i)} Bridge called it wasteful.`;
const article = (i: number, extra = {}) => libraryArticle(`a${i}`, `https://site${i % 50}.example/${i}`, story(i), extra);
const query = (i: number) => libraryArticle('q', 'https://other.example/q', story(i)).fingerprint;
const none = () => false;
const term = (word: string) => fnv1a32(termOf(word)!);

function filled(n: number): RetrievalIndex {
  const index = new RetrievalIndex();
  for (let i = 0; i < n; i++) index.add(article(i));
  return index;
}

describe('RetrievalIndex', () => {
  it('reads back from its snapshot, as IndexedDB returns it, with the same candidates and weights', () => {
    const index = filled(500);
    index.remove('a3');
    const copy = RetrievalIndex.fromSnapshot(structuredClone(index.snapshot()))!;
    expect(copy.size).toBe(499);
    expect(copy.has('a3')).toBe(false);
    for (const i of [0, 42, 499]) {
      expect(copy.candidates(query(i), 3, none).map((c) => c.key.id)).toEqual(index.candidates(query(i), 3, none).map((c) => c.key.id));
    }
    expect(copy.idf(term('mayor'))).toBe(index.idf(term('mayor')));
    // Articles added after loading join the same postings.
    copy.add(article(900));
    expect(copy.candidates(query(900), 1, none)[0]?.key.id).toBe('a900');
  });

  it('saves recent changes unmerged (a save after one article rebuilds no postings) and reads them back', () => {
    const index = filled(300);
    const snapshot = index.snapshot();
    expect(snapshot.postDocs.length).toBe(0); // 300 articles: all still recent
    expect(snapshot.recentTerms.length).toBeGreaterThan(0);
    expect(snapshot.recentAnchorKeys.length).toBe(900); // three sentences an article, each an anchor
    const copy = RetrievalIndex.fromSnapshot(structuredClone(snapshot))!;
    expect(copy.df(term('mayor'))).toBe(300);
    expect(copy.candidates(query(42), 1, none)[0]?.key.id).toBe('a42');
    expect(RetrievalIndex.fromSnapshot({ ...snapshot, recentDocs: snapshot.recentDocs.slice(1) })).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...snapshot, dfDeltaCounts: new Int32Array(0) })).toBeNull();
  });

  it('refuses a snapshot of another fingerprint version, or one that does not hold together', () => {
    const good = filled(20).snapshot();
    expect(RetrievalIndex.fromSnapshot({ ...good, fingerprintVersion: good.fingerprintVersion - 1 })).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...good, postStart: good.postStart.slice(1) })).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...good, dfCounts: [1, 2] } as unknown as RetrievalSnapshot)).toBeNull();
    expect(RetrievalIndex.fromSnapshot(undefined)).toBeNull();
  });

  it('stores keys as columns, reads every field back, and refuses older formats (rebuilt from the articles)', () => {
    const index = new RetrievalIndex();
    index.add(article(1, { derivatives: ['copy'], canonicalUrl: 'https://canonical.example/one' }));
    index.add(article(2, { stub: true }));
    index.add({ ...article(3), id: 'odd\nid' }); // a newline in a value: the column falls back to JSON
    const snapshot = index.snapshot();
    expect(snapshot.format).toBe(4);
    expect(Array.isArray(snapshot.keys)).toBe(false);
    const copy = RetrievalIndex.fromSnapshot(structuredClone(snapshot))!;
    for (const id of ['a1', 'a2', 'odd\nid']) expect(copy.get(id)).toEqual(index.get(id));
    expect(copy.get('a1')).toMatchObject({ canonicalUrl: 'https://canonical.example/one', publishesOriginals: true, stub: false });
    expect(copy.get('a2')).toMatchObject({ stub: true, publishesOriginals: false });
    expect(copy.get('a2')).not.toHaveProperty('canonicalUrl');
    expect(copy.publishesOriginals('site1.example')).toBe(true);
    expect(copy.publishesOriginals('site2.example')).toBe(false);
    // Snapshots saved before sentence anchors (format 2) or before keys were columns (format 1).
    const keys = ['a1', 'a2', 'odd\nid'].map((id) => index.get(id)!);
    expect(RetrievalIndex.fromSnapshot(structuredClone({ ...snapshot, format: 1, keys }))).toBeNull();
    const { anchorKeys: _k, anchorDocs: _d, ...before } = snapshot;
    expect(RetrievalIndex.fromSnapshot(structuredClone({ ...before, format: 2 } as unknown as RetrievalSnapshot))).toBeNull();
  });

  it('refuses key columns that do not hold one value per article', () => {
    const good = filled(5).snapshot();
    const columns = good.keys as Exclude<RetrievalSnapshot['keys'], unknown[]>;
    expect(RetrievalIndex.fromSnapshot({ ...good, keys: { ...columns, ids: columns.ids.split('\n').slice(1).join('\n') } })).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...good, keys: { ...columns, sites: '\u0000[broken' } })).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...good, keys: { ...columns, flags: [0, 0] } } as unknown as RetrievalSnapshot)).toBeNull();
    expect(RetrievalIndex.fromSnapshot({ ...good, format: 1 })).toBeNull();
  });

  it('ignores postings that name no article (a damaged snapshot) instead of checking millions at load', () => {
    const good = filled(20).snapshot();
    const damaged = RetrievalIndex.fromSnapshot(
      structuredClone({ ...good, postDocs: Int32Array.from([...good.postDocs].map((n, i) => (i % 2 ? 10_000 : -5))) }),
    )!;
    expect(damaged.size).toBe(20);
    expect(damaged.candidates(query(3), 5, none).every((c) => c.key.id.startsWith('a'))).toBe(true);
    damaged.add(article(77));
    expect(damaged.candidates(query(77), 1, none)[0]?.key.id).toBe('a77');
    expect(() => damaged.snapshot()).not.toThrow();
  });

  it('finds ids after a snapshot is read, before and after its id map is built', () => {
    const copy = RetrievalIndex.fromSnapshot(structuredClone(filled(40).snapshot()))!;
    for (let i = 0; i < 20; i++) expect(copy.has(`a${i}`)).toBe(true); // past the first scans, the map is built
    const fresh = RetrievalIndex.fromSnapshot(structuredClone(filled(40).snapshot()))!;
    fresh.add(article(3, { stub: true })); // replaces a3 while ids are still found by scanning
    fresh.remove('a5');
    expect(fresh.get('a3')?.stub).toBe(true);
    expect(fresh.has('a5')).toBe(false);
    expect(fresh.size).toBe(39);
    expect([...fresh.ids()]).toHaveLength(39);
    expect(fresh.get('a3')?.stub).toBe(true);
  });

  it('takes an article back out of the frequencies it added, before and after merging', () => {
    const index = filled(30);
    const town = term(name(7).toLowerCase() + 'ton');
    expect(index.df(town)).toBe(1);
    index.snapshot(); // merges
    index.remove('a7');
    expect(index.df(town)).toBe(0);
    expect(index.candidates(query(7), 3, none).map((c) => c.key.id)).not.toContain('a7');
    // After a reload the terms are not kept: `forget` gives them.
    const reloaded = RetrievalIndex.fromSnapshot(structuredClone(filled(30).snapshot()))!;
    reloaded.forget('a8', article(8).fingerprint);
    expect(reloaded.df(term(name(8).toLowerCase() + 'ton'))).toBe(0);
  });

  it("in a small library, reaches past the rarest terms when they are all one close copy's", () => {
    // A fresh install after a lookup: a copy of the page, and the article the copy took a passage
    // from, which shares only words the copy has too. The rarest terms are all the copy's alone.
    const words = Array.from({ length: 60 }, (_, i) => `${name(i + 100).toLowerCase()}ing`);
    const text = (ws: string[]) => ws.map((w, i) => (i % 6 === 5 ? `${w}.` : w)).join(' ');
    const page = libraryArticle('p', 'https://page.example/p', text(words)).fingerprint;
    const index = new RetrievalIndex();
    index.add(libraryArticle('copy', 'https://copy.example/c', text(words)));
    index.add(libraryArticle('source', 'https://source.example/s', text([...words.slice(50), 'harbour', 'tugboat', 'Monday', 'pier', 'crane'])));
    expect(index.candidates(page, 8, none).map((c) => c.key.id)).toEqual(['copy', 'source']);
    // A library that answers `limit` articles from the rarest terms asks nothing more.
    expect(index.candidates(page, 1, none).map((c) => c.key.id)).toEqual(['copy']);
  });

  it('never lets the page itself or its own site be a candidate', () => {
    const index = filled(100);
    expect(index.candidates(query(12), 3, (k) => k.site === 'site12.example').map((c) => c.key.id)).not.toContain('a12');
  });

  it('knows the sites that publish originals: copied by others, or read through a feed', () => {
    const index = new RetrievalIndex();
    index.add(article(1, { derivatives: ['copy'] }));
    index.add(article(2, { source: 'feed' }));
    index.add(article(3));
    expect(index.publishesOriginals('site1.example')).toBe(true);
    expect(index.publishesOriginals('site2.example')).toBe(true);
    expect(index.publishesOriginals('site3.example')).toBe(false);
    index.remove('a1');
    expect(index.publishesOriginals('site1.example')).toBe(false);
  });

  it('posts at most POSTED_TERMS terms of an article, names and repeated terms first', () => {
    const long = libraryArticle(
      'long',
      'https://a.example/l',
      Array.from({ length: 40 }, (_, i) => `Zelenskyy met people about ${name(i)} and ${name(i + 100)}ville today.`).join('\n'),
    ).fingerprint;
    const posted = postedTerms(long);
    expect(posted).toHaveLength(POSTED_TERMS);
    expect(posted).toContain(term('zelenskyy'));
    expect(posted).not.toContain(term('people'));
  });
});

describe('RetrievalIndex at the size of a large library', () => {
  it('compacts and merges more documents than a call may take as arguments (a service worker allows about 80,000)', () => {
    const index = new RetrievalIndex();
    const shared = term('bridge');
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      index.add({
        id: `d${i}`,
        site: `s${i % 100}.example`,
        url: `https://s${i % 100}.example/${i}`,
        source: 'read',
        fingerprint: { version: 5, sentences: [], terms: [shared, i], minhash: [] },
      });
    }
    for (let i = 0; i < 10; i++) index.remove(`d${i}`);
    const copy = RetrievalIndex.fromSnapshot(structuredClone(index.snapshot()))!; // merges and compacts
    expect(copy.size).toBe(n - 10);
    expect(copy.candidates({ terms: [12345], sentences: [] }, 1, none)[0]?.key.id).toBe('d12345');
    expect(index.candidates({ terms: [199_999], sentences: [] }, 1, none)[0]?.key.id).toBe('d199999');
  }, 60_000);
});
