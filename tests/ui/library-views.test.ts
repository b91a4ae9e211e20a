import { describe, expect, it } from 'vitest';
import { inView, whatItIs, type LibraryEntry } from '../../src/ui/library-search.ts';
import { libraryEntry } from './popup-fixtures.ts';

const entry = libraryEntry;

describe('library views', () => {
  const original = entry('cnbc', { siteName: 'CNBC', title: 'Russia was smug', derivatives: ['farm', 'copy'] });
  const farm = entry('farm', { derivedFrom: 'cnbc' });
  const orphan = entry('orphan', { derivedFrom: 'gone' });
  const feed = entry('bbc', { source: 'feed' });
  const packed = entry('pack', { source: 'pack' });
  const all = [original, farm, orphan, feed, packed];
  const ids = (es: LibraryEntry[]) => es.map((e) => e.id);

  it('shows one kind at a time', () => {
    expect(ids(inView(all, 'all'))).toEqual(ids(all));
    expect(ids(inView(all, 'rewrites'))).toEqual(['farm', 'orphan']);
    expect(ids(inView(all, 'copied'))).toEqual(['cnbc']);
    expect(ids(inView(all, 'feeds'))).toEqual(['bbc']);
    expect(ids(inView(all, 'read'))).toEqual(['cnbc', 'farm', 'orphan']);
  });

  it('says what each row is, naming the original a rewrite copies when the library holds it', () => {
    const byId = new Map(all.map((e) => [e.id, e]));
    expect(whatItIs(farm, byId)).toBe("Rewrite of CNBC's “Russia was smug”");
    expect(whatItIs(orphan, byId)).toBe('Rewrite of another article');
    expect(whatItIs(original, byId)).toBe('Original: 2 rewrites of it found');
    expect(whatItIs(feed, byId)).toBe('Feed article');
    expect(whatItIs(packed, byId)).toBe('Article');
  });
});
