import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { backgroundHandlers } from '../../src/ext/background-messages.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { PackTransfers } from '../../src/ext/pack-transfer.ts';
import { dispatch, LIMITS, type Sender } from '../../src/ext/protocol.ts';
import { storageEvents } from '../../src/ext/storage-events.ts';
import { IdbArticleStore } from '../../src/library/idb-store.ts';
import { exportPack } from '../../src/library/pack.ts';
import type { LibraryArticle } from '../../src/library/article.ts';
import { libraryArticle, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const page = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const NOW = new Date('2025-10-23T08:00:00Z');

/** A store whose next multi-article write finds the disk full, as a browser over its quota does. */
class FullOnceStore extends IdbArticleStore {
  fullNext = false;
  override async putMany(articles: LibraryArticle[]): Promise<number> {
    if (this.fullNext) {
      this.fullNext = false;
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    }
    return super.putMany(articles);
  }
}

const feedItem = (i: number) =>
  libraryArticle(`feed-${i}`, `https://www.bbc.co.uk/news/${i}`, `Feed item number ${i} about the harbour bridge.`, {
    source: 'feed',
    stub: true,
    // Item 0 is the oldest.
    published: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    firstSeen: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
  });

const originals = () => [
  libraryArticle('cnbc', CNBC, seedText('original-cnbc'), { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }),
  libraryArticle(
    'ap',
    'https://apnews.com/article/harbor-bridge',
    'Port officials closed the Harbor Street bridge to freight traffic on Tuesday after inspectors found cracks in two girders.',
  ),
];

/** The library page's side of an import: the pack in parts of `partChars`, as `packs-view` sends them. */
async function importInParts(handlers: ReturnType<typeof backgroundHandlers>, text: string, partChars: number, transfer = 'import-1') {
  let reply: unknown;
  for (let part = 0, i = 0; ; part++, i += partChars) {
    const last = i + partChars >= text.length;
    reply = await dispatch(
      'background',
      { type: 'unspun/pack-import', transfer, part, text: text.slice(i, i + partChars), last },
      page(),
      ownExtension(),
      handlers,
    );
    if (last) return reply;
    expect(reply).toEqual({ ok: true, done: false });
  }
}

describe('a pack import is a request to the background, which owns the library', () => {
  let store: FullOnceStore;
  let library: LibraryService;
  let handlers: ReturnType<typeof backgroundHandlers>;
  beforeEach(() => {
    freshExtension();
    store = new FullOnceStore();
    library = new LibraryService(store);
    handlers = backgroundHandlers({ library, now: () => NOW, transfers: new PackTransfers() });
  });

  it('imports a valid pack sent in parts: validated, indexed as candidate originals, dated by the import', async () => {
    const text = exportPack(originals(), new Date('2025-10-22T12:00:00Z'));
    const reply = await importInParts(handlers, text, 1000);
    expect(reply).toEqual({ ok: true, done: true, imported: 2, skipped: [] });
    const index = await library.index();
    expect((await library.get('cnbc'))?.source).toBe('pack');
    expect(index.has('cnbc')).toBe(true);
    expect(index.get('ap')).toBeDefined();
    expect((await store.get('cnbc'))?.firstSeen).toBe(NOW.toISOString());
    // The page lists them through the background too.
    const listed = await dispatch('background', { type: 'unspun/library-list' }, page(), ownExtension(), handlers);
    expect(listed).toMatchObject({
      ok: true,
      entries: expect.arrayContaining([expect.objectContaining({ id: 'cnbc', source: 'pack' }), expect.objectContaining({ id: 'ap' })]),
    });
    expect(JSON.stringify(listed)).not.toContain('fingerprint'); // a listing carries no text or fingerprint
  });

  it("applies the background's quota rule: storage full, the oldest feed items make room and the whole pack goes in", async () => {
    // 120 feed items, already stored and indexed.
    expect(await library.addFeedStubs(Array.from({ length: 120 }, (_, i) => feedItem(i)))).toBe(120);
    store.fullNext = true;
    const reply = await importInParts(handlers, exportPack(originals(), NOW), 100_000);
    expect(reply).toMatchObject({ ok: true, done: true, imported: 2 });
    const left = (await store.all()).filter((a) => a.source === 'feed').map((a) => a.id);
    // The 100 oldest went (a batch), the 20 newest stayed, and the eviction is recorded for the page.
    expect(left.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `feed-${100 + i}`).sort());
    expect(await storageEvents.getValue()).toMatchObject({ evicted: 100 });
    const index = await library.index();
    expect(index.get('feed-0')).toBeUndefined();
    expect(index.get('cnbc')).toBeDefined();
    expect(await store.get('ap')).toBeDefined();
  });

  it('skips lines that fail validation, and articles the library has, and says why', async () => {
    await library.put(libraryArticle('mine', `${CNBC}?utm_source=x`, 'An article I read.'));
    const [header, cnbc, ap] = exportPack(originals(), NOW).trim().split('\n');
    const broken = JSON.stringify({ ...JSON.parse(ap!), url: 'ftp://example.com/x' });
    const reply = await importInParts(handlers, [header, cnbc, broken].join('\n'), 50_000);
    expect(reply).toMatchObject({ ok: true, done: true, imported: 0 });
    expect((reply as { skipped: { line: number; reason: string }[] }).skipped).toEqual([
      { line: 2, reason: expect.stringMatching(/^duplicate URL/) },
      { line: 3, reason: expect.stringMatching(/"url"/) },
    ]);
  });

  it.each([
    ['not a pack at all', 'this is not a pack\n{"id":"x"}\n', /not an Unspun pack: the first line is not JSON/],
    ['a pack of another format', '{"format":"other-pack","version":1}\n', /not an Unspun pack \(format is "other-pack"/],
    ['an empty file', '', /empty/],
    [
      'a pack from a newer Unspun',
      '{"format":"unspun-pack","version":99,"created":"2025-10-22T00:00:00Z","articles":0,"fingerprintVersion":4}\n',
      /newer than this Unspun reads/,
    ],
  ])('refuses a corrupt pack with a clear error and loses nothing: %s', async (_name, text, error) => {
    for (const a of originals()) await library.put(a);
    await library.addFeedStubs([feedItem(1)]);
    const before = (await store.all()).map((a) => a.id).sort();
    const reply = await importInParts(handlers, text, 10);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect((await store.all()).map((a) => a.id).sort()).toEqual(before);
    expect((await library.index()).size).toBe(3);
  });

  it('a failed write stores nothing of the pack and keeps the library', async () => {
    await library.put(originals()[0]!);
    store.fullNext = true;
    // Full again after the eviction: the write fails whole.
    const putMany = store.putMany.bind(store);
    let calls = 0;
    store.putMany = async (articles) => {
      calls++;
      if (calls === 2) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      return putMany(articles);
    };
    const pack = exportPack([originals()[1]!, libraryArticle('bbc', 'https://www.bbc.co.uk/news/a', 'A third story about the bridge.')], NOW);
    const reply = await importInParts(handlers, pack, 100_000);
    expect(reply).toEqual({ ok: false, error: 'The quota has been exceeded.' });
    expect((await store.all()).map((a) => a.id)).toEqual(['cnbc']);
    expect((await library.index()).get('ap')).toBeUndefined();
  });

  it('refuses parts out of order, a transfer that never started, and a pack over the size limit', async () => {
    const send = (msg: object) => dispatch('background', { type: 'unspun/pack-import', ...msg }, page(), ownExtension(), handlers);
    expect(await send({ transfer: 'a', part: 1, text: 'x', last: true })).toEqual({ ok: false, error: expect.stringMatching(/interrupted/) });
    expect(await send({ transfer: 'b', part: 0, text: 'x', last: false })).toEqual({ ok: true, done: false });
    expect(await send({ transfer: 'b', part: 2, text: 'x', last: true })).toEqual({ ok: false, error: expect.stringMatching(/out of order/) });
    const small = backgroundHandlers({ library, transfers: new PackTransfers(Date.now, 10) });
    const reply = await dispatch(
      'background',
      { type: 'unspun/pack-import', transfer: 'c', part: 0, text: 'x'.repeat(11), last: true },
      page(),
      ownExtension(),
      small,
    );
    expect(reply).toEqual({ ok: false, error: 'the pack is larger than 10 bytes' });
    expect(await store.count()).toBe(0);
  });

  it('a part larger than a message may carry is refused by the validator', () => {
    const msg = { type: 'unspun/pack-import', transfer: 'd', part: 0, text: 'x'.repeat(LIMITS.packPartChars + 1), last: true };
    expect(dispatch('background', msg, page(), ownExtension(), handlers)).toBeUndefined();
  });
});

describe('a pack export is a request to the background', () => {
  beforeEach(freshExtension);

  it("writes the library's originals once and hands them out in parts that join to the pack", async () => {
    const library = new LibraryService();
    for (const a of originals()) await library.put(a);
    await library.put(libraryArticle('copy', 'https://farm.example/x', 'A rewrite.', { derivedFrom: 'cnbc' }));
    await library.addFeedStubs([feedItem(1)]);
    const handlers = backgroundHandlers({ library, now: () => NOW });
    const parts: string[] = [];
    let reply = (await dispatch('background', { type: 'unspun/pack-export', part: 0 }, page(), ownExtension(), handlers)) as {
      ok: true;
      transfer: string;
      text: string;
      last: boolean;
      articles: number;
    };
    parts.push(reply.text);
    while (!reply.last) {
      reply = (await dispatch(
        'background',
        { type: 'unspun/pack-export', transfer: reply.transfer, part: parts.length },
        page(),
        ownExtension(),
        handlers,
      )) as typeof reply;
      parts.push(reply.text);
    }
    expect(reply.articles).toBe(2);
    const originalsStored = (await library.store.all()).filter((a) => !a.derivedFrom && !a.stub);
    expect(parts.join('')).toBe(exportPack(originalsStored, NOW));
    // A finished transfer is forgotten.
    expect(await dispatch('background', { type: 'unspun/pack-export', transfer: reply.transfer, part: 0 }, page(), ownExtension(), handlers)).toEqual({
      ok: false,
      error: expect.stringMatching(/interrupted/),
    });
  });

  it('splits a large pack into parts a message can carry', () => {
    const transfers = new PackTransfers();
    const text = 'y'.repeat(LIMITS.packPartChars * 2 + 5);
    const { transfer, parts } = transfers.offer(text, 1);
    expect(parts).toBe(3);
    const got = [0, 1, 2].map((i) => transfers.part(transfer, i));
    expect(got.map((g) => g.ok && g.last)).toEqual([false, false, true]);
    expect(got.map((g) => (g.ok ? g.text : '')).join('')).toBe(text);
  });
});
