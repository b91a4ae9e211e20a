import { describe, expect, it } from 'vitest';
import type { Evidence, Verdict } from '../../src/core/verdict.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
import type { LibraryArticle } from '../../src/library/article.ts';
import { observationsOf } from '../../src/library/article.ts';
import { toRef } from '../../src/library/match.ts';
import { pageToCheck, readArticle } from '../../src/library/page.ts';
import { mergeObservations, type Observation } from '../../src/library/provenance.ts';
import { readEntries, verdictForRead } from '../../src/library/read-entry.ts';
import { libraryArticle } from '../helpers.ts';

const BODY = 'The council approved the new budget on Tuesday.\nIt sets aside money for roads and schools across the county.';

const extracted = (extra: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
  url: 'https://reader.example/news/budget?utm_source=x',
  canonicalUrl: 'https://reader.example/news/budget',
  title: 'Budget approved',
  byline: 'A. Writer',
  siteName: 'Reader News',
  published: '2025-05-01T08:00:00Z',
  declaredSources: [],
  paragraphs: BODY.split('\n'),
  links: [],
  ...extra,
});

const SEEN = '2025-06-01T12:00:00Z';
const read = readArticle(extracted());
const page = pageToCheck(read, SEEN, [{ at: SEEN, by: 'read' }]);

const evidence: Evidence = {
  pairs: [{ page: 0, original: 0, similarity: 0.9, pageText: 'p', originalText: 'o' }],
  pageCoverage: 0.8,
  originalCoverage: 0.7,
  orderedCoverage: 0.8,
  chainedCoverage: 0.6,
  strongChainedPairs: 4,
  strongOwnWordsInOrder: 3,
  novelNameShare: 0,
};

const wire = libraryArticle('https://wire.example/budget', 'https://wire.example/budget', BODY, { firstSeen: '2025-04-30T00:00:00Z', source: 'feed' });
const ref = toRef(wire);

const uncredited: Verdict = { kind: 'uncredited-rewrite', score: 0.7, original: ref, evidence };
const credited: Verdict = { kind: 'credited', score: 0.7, original: ref, evidence, credit: { kind: 'link', detail: wire.url } };
const disputed: Verdict = { kind: 'disputed', score: 0.7, original: ref, evidence, dispute: { page: {}, other: {}, why: 'unsettled' } };
const none: Verdict = { kind: 'none', reason: 'nothing shares its sentences' };
const nearest: Verdict = { kind: 'none', reason: 'too little', nearest: ref, evidence };

describe('readEntries', () => {
  it("builds the page's entry from the read article and the page, with no original for a none verdict", () => {
    expect(page.id).toBe('https://reader.example/news/budget');
    const { entry, original } = readEntries(read, page, undefined, none, undefined);
    expect(entry).toStrictEqual({
      id: 'https://reader.example/news/budget',
      url: 'https://reader.example/news/budget?utm_source=x',
      canonicalUrl: 'https://reader.example/news/budget',
      site: 'reader.example',
      siteName: 'Reader News',
      title: 'Budget approved',
      byline: 'A. Writer',
      published: '2025-05-01T08:00:00Z',
      firstSeen: SEEN,
      source: 'read',
      sentences: read.sentences,
      fingerprint: read.fingerprint,
      derivatives: undefined,
      derivedFrom: undefined,
      observations: [{ at: SEEN, by: 'read' }],
    });
    expect(read.sentences).toHaveLength(2);
    expect(original).toBeUndefined();
  });

  it('sets derivedFrom and adds the page to the original for an uncredited rewrite and for a credited copy', () => {
    for (const verdict of [uncredited, credited]) {
      const { entry, original } = readEntries(read, page, undefined, verdict, wire);
      expect(entry.derivedFrom).toBe('https://wire.example/budget');
      expect(original).toStrictEqual({ ...wire, derivatives: ['https://reader.example/news/budget'] });
    }
    expect(wire.derivatives).toBeUndefined();
  });

  it('sets no derivedFrom and changes no original for the other verdicts, even with a matched article', () => {
    const others: Verdict[] = [disputed, none, nearest, { kind: 'original', derivatives: [ref] }, { kind: 'not-article', reason: 'no' }];
    for (const verdict of others) {
      const { entry, original } = readEntries(read, page, undefined, verdict, wire);
      expect(entry.derivedFrom).toBeUndefined();
      expect(original).toBeUndefined();
    }
  });

  it('sets no derivedFrom for a derived verdict without a matched article', () => {
    const { entry, original } = readEntries(read, page, undefined, uncredited, undefined);
    expect(entry.derivedFrom).toBeUndefined();
    expect(original).toBeUndefined();
  });

  it("appends the page to the original's derivatives once, keeping their order, and leaves the stored original untouched", () => {
    const had = { ...wire, derivatives: ['https://a.example/1', 'https://b.example/2'] };
    expect(readEntries(read, page, undefined, uncredited, had).original?.derivatives).toEqual([
      'https://a.example/1',
      'https://b.example/2',
      'https://reader.example/news/budget',
    ]);
    expect(had.derivatives).toEqual(['https://a.example/1', 'https://b.example/2']);

    const already = { ...wire, derivatives: ['https://reader.example/news/budget', 'https://b.example/2'] };
    expect(readEntries(read, page, undefined, credited, already).original?.derivatives).toEqual(['https://reader.example/news/budget', 'https://b.example/2']);
  });

  it("keeps a known entry's source and derivatives, and its firstSeen through the page built from it", () => {
    const known: LibraryArticle = {
      ...libraryArticle(page.id, page.url, 'An older summary of the budget.', { source: 'feed', firstSeen: '2025-05-01T09:00:00Z' }),
      derivatives: ['https://copy.example/budget'],
      derivedFrom: 'https://stale.example/x',
      stub: true,
      feedId: 'feed-1',
      fetchFailedAt: '2025-05-02T00:00:00Z',
    };
    const again = pageToCheck(read, known.firstSeen, [{ at: known.firstSeen, by: 'feed' }]);
    const { entry } = readEntries(read, again, known, none, undefined);
    expect(entry.firstSeen).toBe('2025-05-01T09:00:00Z');
    expect(entry.source).toBe('feed');
    expect(entry.derivatives).toEqual(['https://copy.example/budget']);
    // The read text replaces the known one; its stub state and old derivation do not carry over.
    expect(entry.sentences).toEqual(read.sentences);
    expect(entry.derivedFrom).toBeUndefined();
    expect(entry).not.toHaveProperty('stub');
    expect(entry).not.toHaveProperty('feedId');
    expect(entry).not.toHaveProperty('fetchFailedAt');
  });

  it('takes firstSeen from the page, not from the known entry (the caller builds the page with the known firstSeen)', () => {
    const known = libraryArticle(page.id, page.url, BODY, { firstSeen: '2025-01-01T00:00:00Z' });
    expect(readEntries(read, page, known, none, undefined).entry.firstSeen).toBe(SEEN);
  });

  it("a known entry's derivatives survive a derived verdict too", () => {
    const known = { ...libraryArticle(page.id, page.url, BODY), derivatives: ['https://copy.example/1'] };
    const { entry } = readEntries(read, page, known, uncredited, wire);
    expect(entry.derivatives).toEqual(['https://copy.example/1']);
    expect(entry.derivedFrom).toBe(wire.id);
  });

  it("records the page's observations: the known entry's sightings merged with new ones, earliest per observer", () => {
    const known = libraryArticle(page.id, page.url, BODY, {
      source: 'feed',
      firstSeen: '2025-05-01T09:00:00Z',
      observations: [
        { at: '2025-05-01T09:00:00Z', by: 'feed', name: 'Reader feed' },
        { at: '2025-05-03T00:00:00Z', by: 'index', name: 'GDELT' },
      ],
    });
    const seenBy: Observation[] = [
      { at: '2025-05-02T00:00:00Z', by: 'index', name: 'GDELT' },
      { at: '2025-05-04T00:00:00Z', by: 'lookup', name: 'RSS' },
    ];
    const observations = mergeObservations(observationsOf(known), seenBy);
    const withSightings = pageToCheck(read, known.firstSeen, observations);
    expect(readEntries(read, withSightings, known, none, undefined).entry.observations).toEqual([
      { at: '2025-05-01T09:00:00Z', by: 'feed', name: 'Reader feed' },
      { at: '2025-05-02T00:00:00Z', by: 'index', name: 'GDELT' },
      { at: '2025-05-04T00:00:00Z', by: 'lookup', name: 'RSS' },
    ]);
  });

  it("does not merge by itself: the entry has the page's observations only, none when the page has none", () => {
    const known = libraryArticle(page.id, page.url, BODY, { observations: [{ at: '2025-05-01T00:00:00Z', by: 'feed' }] });
    expect(readEntries(read, page, known, none, undefined).entry.observations).toEqual([{ at: SEEN, by: 'read' }]);
    const bare = pageToCheck(read, SEEN);
    expect(readEntries(read, bare, known, none, undefined).entry.observations).toBeUndefined();
  });

  it('uses the page id (canonical URL on its own site), and the site of the URL', () => {
    const syndicated = readArticle(extracted({ url: 'https://mirror.example/s/1', canonicalUrl: 'https://wire.example/budget' }));
    const p = pageToCheck(syndicated, SEEN);
    const { entry } = readEntries(syndicated, p, undefined, none, undefined);
    expect(entry.id).toBe('https://mirror.example/s/1');
    expect(entry.site).toBe('mirror.example');
    expect(entry.canonicalUrl).toBe('https://wire.example/budget');
  });
});

describe('verdictForRead', () => {
  const copy1 = libraryArticle('https://copy.example/1', 'https://copy.example/1', BODY, {
    title: 'Copy one',
    siteName: 'Copy',
    published: '2025-06-02T00:00:00Z',
  });
  const copy2 = libraryArticle('https://other.example/2', 'https://other.example/2', BODY, { title: 'Copy two', firstSeen: '2025-06-03T00:00:00Z' });
  const entryWith = (derivatives?: string[]): LibraryArticle => ({ ...libraryArticle(page.id, page.url, BODY), derivatives });

  it('calls a page nothing explains the original of the later copies that derive from it', () => {
    expect(verdictForRead(none, entryWith([copy1.id, copy2.id]), [copy1, copy2])).toStrictEqual({
      kind: 'original',
      derivatives: [
        {
          id: 'https://copy.example/1',
          url: 'https://copy.example/1',
          title: 'Copy one',
          site: 'copy.example',
          siteName: 'Copy',
          published: '2025-06-02T00:00:00Z',
        },
        // No claimed date: when Unspun first saw it.
        {
          id: 'https://other.example/2',
          url: 'https://other.example/2',
          title: 'Copy two',
          site: 'other.example',
          siteName: undefined,
          published: '2025-06-03T00:00:00Z',
        },
      ],
    });
  });

  it('names only the derivatives the caller still found in the library', () => {
    const v = verdictForRead(nearest, entryWith([copy1.id, 'https://gone.example/x']), [copy1]);
    expect(v.kind).toBe('original');
    expect(v.derivatives?.map((d) => d.id)).toEqual(['https://copy.example/1']);
    // All gone: nothing to name, so the verdict stays as the check found it.
    expect(verdictForRead(none, entryWith(['https://gone.example/x']), [])).toBe(none);
  });

  it('leaves a none verdict alone when the entry has no derivatives', () => {
    expect(verdictForRead(none, entryWith(undefined), [copy1])).toBe(none);
    expect(verdictForRead(none, entryWith([]), [copy1])).toBe(none);
  });

  it('leaves every verdict other than none alone, derivatives or not', () => {
    const others: Verdict[] = [uncredited, credited, disputed, { kind: 'original', derivatives: [ref] }, { kind: 'not-article', reason: 'no' }];
    for (const v of others) expect(verdictForRead(v, entryWith([copy1.id]), [copy1])).toBe(v);
  });
});
