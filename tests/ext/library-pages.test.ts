import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { FINGERPRINT_VERSION } from '../../src/core/fingerprint.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { handlePageRequest } from '../../src/ext/page-messages.ts';
import { getSettings, saveSettings } from '../../src/ext/settings.ts';
import { IdbArticleStore } from '../../src/library/idb-store.ts';
import { searchLibrary } from '../../src/ui/library-search.ts';
import { pageToCheck, libraryArticle, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const CNBC = 'https://www.cnbc.com/2025/10/22/story.html';

describe('library page requests', () => {
  let library: LibraryService;
  beforeEach(() => {
    freshExtension();
    library = new LibraryService();
  });

  it("removes one article and clears the library, for the extension's own pages only", async () => {
    await library.put(libraryArticle('a', CNBC, seedText('original-cnbc')));
    await library.put(libraryArticle('b', 'https://www.bbc.co.uk/news/x', 'Some other story about trade talks in Geneva.'));
    expect(
      await handlePageRequest({ type: 'unspun/library-remove', id: 'a' }, { id: browser.runtime.id, url: 'https://evil.example/' }, { library }),
    ).toBeUndefined();
    expect(await handlePageRequest({ type: 'unspun/library-clear' }, { id: 'other-extension', url: page().url }, { library })).toBeUndefined();
    expect((await library.index()).size).toBe(2);
    await handlePageRequest({ type: 'unspun/library-remove', id: 'a' }, page(), { library });
    expect((await library.index()).size).toBe(1);
    expect(await new IdbArticleStore().count()).toBe(1);
    await handlePageRequest({ type: 'unspun/library-clear' }, page(), { library });
    expect((await library.index()).size).toBe(0);
    expect(await new IdbArticleStore().count()).toBe(0);
  });

  it('forgets reading history older than the chosen number of days, not feed or pack articles', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await library.put(libraryArticle('old-read', CNBC, 'An old story.', { firstSeen: old, source: 'read' }));
    await library.put(libraryArticle('old-pack', 'https://apnews.com/x', 'An old packed story.', { firstSeen: old, source: 'pack' }));
    await library.put(libraryArticle('new-read', 'https://apnews.com/y', 'A new story.', { firstSeen: new Date().toISOString(), source: 'read' }));
    await saveSettings({ forgetReadAfterDays: 30 });
    expect(await handlePageRequest({ type: 'unspun/forget-now' }, page(), { library })).toEqual({ ok: true, forgotten: 1 });
    expect((await new IdbArticleStore().all()).map((a) => a.id).sort()).toEqual(['new-read', 'old-pack']);
  });

  it('expires feed items after the chosen number of days', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await library.put(
      libraryArticle('old-feed', 'https://www.bbc.co.uk/news/1', 'An old feed story.', { published: old, firstSeen: old, source: 'feed', stub: true }),
    );
    await library.put(
      libraryArticle('new-feed', 'https://www.bbc.co.uk/news/2', 'A new feed story.', { firstSeen: new Date().toISOString(), source: 'feed', stub: true }),
    );
    await saveSettings({ feedItemDays: 7 });
    await handlePageRequest({ type: 'unspun/forget-now' }, page(), { library });
    expect((await new IdbArticleStore().all()).map((a) => a.id)).toEqual(['new-feed']);
  });

  it("keeps a feed item delivered today that claims an old date, and the feed's sighting of it, as long as any other", async () => {
    const now = new Date().toISOString();
    const claimed = '2023-12-22T05:00:00Z';
    await library.put(
      libraryArticle('backdated', 'https://www.bbc.co.uk/news/3', 'An old-dated feed story.', {
        published: claimed,
        firstSeen: now,
        source: 'feed',
        stub: true,
        observations: [{ at: now, by: 'feed', name: 'BBC' }],
      }),
    );
    await saveSettings({ feedItemDays: 7 });
    await handlePageRequest({ type: 'unspun/forget-now' }, page(), { library });
    const kept = await new IdbArticleStore().get('backdated');
    expect(kept?.observations).toEqual([{ at: now, by: 'feed', name: 'BBC' }]);
  });

  it('recomputes fingerprints of an older version from the stored sentences (store migration)', async () => {
    const a = libraryArticle('a', CNBC, seedText('original-cnbc'));
    await new IdbArticleStore().put({ ...a, fingerprint: { ...a.fingerprint, version: FINGERPRINT_VERSION - 1, sentences: [] } });
    const library = new LibraryService();
    const { article } = (await library.candidatesFor(pageToCheck('https://farm.example/x', seedText('original-cnbc')))).candidates(
      a.fingerprint,
      1,
      () => false,
    )[0]!;
    expect(article.fingerprint).toEqual(a.fingerprint);
    expect((await new IdbArticleStore().get('a'))?.fingerprint.version).toBe(FINGERPRINT_VERSION);
  });
});

describe('privacy settings', () => {
  beforeEach(freshExtension);

  it('validates what the options page saves', async () => {
    const s = await saveSettings({ excludedSites: ['WWW.Example.com', 'not a site', 'news.example.org', 'example.com'], forgetReadAfterDays: -3 });
    expect(s.excludedSites).toEqual(['example.com', 'news.example.org']);
    expect(s.forgetReadAfterDays).toBeNull();
    expect(await getSettings()).toEqual(s);
  });

  it('reads nothing while paused or on an excluded site', async () => {
    const library = new LibraryService();
    const msg = {
      type: 'unspun/check-article',
      article: { url: CNBC, title: 't', paragraphs: ['x'], links: [], declaredSources: [] },
    };
    const tab = { id: browser.runtime.id, tab: { id: 3 } as never, url: CNBC };
    await saveSettings({ excludedSites: ['cnbc.com'] });
    expect((await handleMessage(msg, tab, library))?.reason).toBe('this site is excluded');
    await saveSettings({ excludedSites: [], paused: true });
    expect((await handleMessage(msg, tab, library))?.reason).toBe('checking is paused');
    expect((await library.index()).size).toBe(0);
  });
});

describe('library search', () => {
  const entries = [
    {
      id: '1',
      url: 'https://a.example/1',
      title: 'Russia was smug about Trump-Putin talks',
      site: 'cnbc.com',
      siteName: 'CNBC',
      published: '2025-10-22T06:00:00Z',
      firstSeen: '2025-10-22T07:00:00Z',
      source: 'read' as const,
    },
    {
      id: '2',
      url: 'https://a.example/2',
      title: 'Laser link from the space station',
      site: 'nasa.gov',
      siteName: 'NASA',
      published: '2023-12-13T13:00:00Z',
      firstSeen: '2023-12-13T13:00:00Z',
      source: 'feed' as const,
    },
  ];
  it('lists newest first, and finds by fuzzy title or outlet', () => {
    expect(searchLibrary(entries, '').map((e) => e.id)).toEqual(['1', '2']);
    expect(searchLibrary(entries, 'putin talk').map((e) => e.id)).toEqual(['1']);
    expect(searchLibrary(entries, 'nasa').map((e) => e.id)).toEqual(['2']);
  });
});
