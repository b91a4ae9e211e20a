import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryService } from '../../src/ext/library-service.ts';
import { storageEvents } from '../../src/ext/storage-events.ts';
import { IdbArticleStore } from '../../src/library/idb-store.ts';
import { checkPage } from '../../src/library/match.ts';
import { libraryArticle, pageToCheck, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/story.html';
const FARM = 'https://farm.example/rewrite';
const name = (i: number) => 'Q' + [...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('');
const story = (i: number) =>
  `Officials in ${name(i)}ton said the ${name(i)} Bridge project would cost ${1000 + i} million. The mayor of ${name(i)}ton defended the plan on Monday. Critics of the ${name(i)} Bridge called it wasteful.`;
const other = (i: number) => libraryArticle(`a${i}`, `https://site${i}.example/${i}`, story(i));

/** A service as a restarted worker makes it: a new object over the same IndexedDB. */
const restarted = () => new LibraryService(new IdbArticleStore(), 10);

describe('the library index across service worker restarts', () => {
  beforeEach(freshExtension);

  it('is read back from its saved snapshot, not rebuilt from every article', async () => {
    const library = restarted();
    for (let i = 0; i < 20; i++) await library.put(other(i));
    await library.put(libraryArticle('cnbc', CNBC, seedText('original-cnbc'), { siteName: 'CNBC' }));
    await library.saveNow();
    const next = restarted();
    const each = vi.spyOn(next.store, 'each');
    const page = pageToCheck(FARM, seedText('rewrite-content-farm'));
    const { verdict } = checkPage(page, await next.candidatesFor(page));
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(each).not.toHaveBeenCalled();
    expect((await next.index()).size).toBe(21);
  });

  it('takes in what was stored or removed after the snapshot (a worker stopped before saving)', async () => {
    const library = new LibraryService(new IdbArticleStore(), 60_000);
    for (let i = 0; i < 5; i++) await library.put(other(i));
    await library.saveNow();
    await library.put(libraryArticle('cnbc', CNBC, seedText('original-cnbc')));
    await library.store.delete('a3'); // as a removal whose snapshot was never saved
    const next = restarted();
    const index = await next.index();
    expect(index.has('cnbc')).toBe(true);
    expect(index.has('a3')).toBe(false);
    expect(index.size).toBe(5);
  });

  it('keeps articles found to derive from another out, across restarts, without reading them each time', async () => {
    const library = restarted();
    await library.put(other(1));
    await library.put({ ...other(2), derivedFrom: 'a1' });
    await library.saveNow();
    const next = restarted();
    const getMany = vi.spyOn(next.store, 'getMany');
    const index = await next.index();
    expect(index.has('a2')).toBe(false);
    expect(getMany.mock.calls.flatMap((c) => c[0])).not.toContain('a2');
  });

  it('rebuilds from the articles when the snapshot is unusable', async () => {
    const library = restarted();
    for (let i = 0; i < 5; i++) await library.put(other(i));
    await library.saveNow();
    const stored = (await library.store.getRetrieval())!;
    await library.store.putRetrieval({ ...stored, snapshot: { ...stored.snapshot, postDocs: new Int32Array([99]) } });
    const next = restarted();
    const each = vi.spyOn(next.store, 'each');
    expect((await next.index()).size).toBe(5);
    expect(each).toHaveBeenCalledOnce();
    // And saves a good one for the next start.
    expect((await restarted().index()).size).toBe(5);
  });

  it('saves the snapshot a moment after changes, once for a burst', async () => {
    // Only the save timer is faked (fake-indexeddb schedules with setImmediate): no race with a busy machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const library = new LibraryService(new IdbArticleStore(), 200);
      const save = vi.spyOn(library.store, 'putRetrieval');
      await library.index();
      save.mockClear();
      for (let i = 0; i < 3; i++) {
        await library.put(other(i));
        await vi.advanceTimersByTimeAsync(150); // each write restarts the wait
      }
      expect(save).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(50);
      expect(save).toHaveBeenCalledOnce();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(save).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('articles in IndexedDB', () => {
  beforeEach(freshExtension);

  it('are stored with packed fingerprints, and records of the earlier shape are stored again packed', async () => {
    const library = restarted();
    const a = libraryArticle('cnbc', CNBC, seedText('original-cnbc'));
    await library.put(a);
    // Saved now, so its pending save (10 ms) cannot land after the snapshot is spoilt below.
    await library.saveNow();
    expect(await library.get('cnbc')).toEqual(a);
    // A record written before fingerprints were packed: read as it is, then stored packed at the next rebuild.
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('unspun');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const raw = (key: string) =>
      new Promise<{ fingerprint: unknown }>((ok) => {
        const r = db.transaction('articles').objectStore('articles').get(key);
        r.onsuccess = () => ok(r.result);
      });
    expect((await raw('cnbc')).fingerprint).toHaveProperty('packed');
    await new Promise<void>((ok) => {
      const tx = db.transaction('articles', 'readwrite');
      tx.objectStore('articles').put({ ...other(1) });
      tx.oncomplete = () => ok();
    });
    db.close();
    expect((await restarted().get('a1'))?.fingerprint).toEqual(other(1).fingerprint);
    await restarted().store.putRetrieval({ snapshot: undefined as never, skipped: [] }); // no usable snapshot: rebuild
    const next = restarted();
    expect((await next.index()).has('a1')).toBe(true);
    const db2 = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('unspun');
      r.onsuccess = () => ok(r.result);
    });
    const stored = await new Promise<{ fingerprint: unknown }>((ok) => {
      const r = db2.transaction('articles').objectStore('articles').get('a1');
      r.onsuccess = () => ok(r.result);
    });
    db2.close();
    expect(stored.fingerprint).toHaveProperty('packed');
  });
});

describe('the library size limit', () => {
  beforeEach(freshExtension);

  it('removes the oldest feed items not fetched first, then fetched ones, then other articles, and says so', async () => {
    const library = restarted();
    const at = (day: number) => `2025-10-${String(day).padStart(2, '0')}T00:00:00Z`;
    for (let i = 0; i < 4; i++) await library.put({ ...other(i), source: 'feed', stub: true, firstSeen: at(10 + i) });
    for (let i = 4; i < 6; i++) await library.put({ ...other(i), source: 'feed', firstSeen: at(1 + i) });
    for (let i = 6; i < 10; i++) await library.put({ ...other(i), source: 'read', firstSeen: at(i - 5) });
    expect(await library.keepWithin(20)).toBe(0);
    expect(await library.keepWithin(5)).toBe(5);
    const left = (await library.store.ids()).sort();
    expect(left).toEqual(['a5', 'a6', 'a7', 'a8', 'a9']);
    expect((await library.index()).has('a0')).toBe(false);
    expect(await storageEvents.getValue()).toMatchObject({ evicted: 5, reason: 'limit' });
  });
});

describe('the saved index and the writes it holds', () => {
  beforeEach(freshExtension);

  it('is trusted without reading every id when it holds every write, and reconciled when one is missing', async () => {
    const library = restarted();
    for (let i = 0; i < 5; i++) await library.put(other(i));
    await library.saveNow();
    const next = restarted();
    const ids = vi.spyOn(next.store, 'ids');
    expect((await next.index()).size).toBe(5);
    expect(ids).not.toHaveBeenCalled();
    // A write the saved index does not hold (made outside the service here, as a worker stopped before saving).
    await next.store.delete('a2');
    const third = restarted();
    const ids3 = vi.spyOn(third.store, 'ids');
    expect((await third.index()).has('a2')).toBe(false);
    expect(ids3).toHaveBeenCalledOnce();
  });
});
