// "This is wrong" through the background's messages: only the extension's own pages may add, list
// or take back corrections, in the shapes the protocol allows; adding one for a tab checks that tab
// again at once (its record, its badge), and taking it back restores the warning.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { backgroundHandlers } from '../../src/ext/background-messages.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { acceptMessage, dispatch, type CheckArticleMessage, type Sender } from '../../src/ext/protocol.ts';
import { readCorrections } from '../../src/ext/corrections-store.ts';
import { getTabVerdict } from '../../src/ext/tab-verdicts.ts';
import { articleIdFor } from '../../src/library/page.ts';
import { normalizeUrl } from '../../src/core/site.ts';
import { seedRewriteBody, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';

const message = (url: string, body: string, extra: Partial<CheckArticleMessage['article']> = {}): CheckArticleMessage => ({
  type: 'unspun/check-article',
  article: { url, title: 'Moscow is worried', paragraphs: body.split(/\n+/).filter(Boolean), links: [], declaredSources: [], ...extra },
});
const fromTab = (id: number, url: string): Sender => ({ id: browser.runtime.id, tab: { id }, url });
const popup = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const rewrite = () => message(FARM, seedRewriteBody(), { published: '2025-10-22T15:10:00Z' });
const pair = () => ({
  kind: 'not-derived' as const,
  page: articleIdFor(FARM),
  original: normalizeUrl(CNBC),
  pageTitle: 'Moscow is worried',
  originalTitle: 'Russia was smug',
});

describe('correction requests', () => {
  let library: LibraryService;
  let send: (msg: unknown, sender?: Sender) => Promise<any> | undefined;
  beforeEach(async () => {
    freshExtension();
    library = new LibraryService();
    const handlers = backgroundHandlers({ library });
    send = (msg, sender = popup()) => dispatch('background', msg, sender, ownExtension(), handlers);
    await handleMessage(message(CNBC, seedText('original-cnbc'), { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }), fromTab(1, CNBC), library);
    expect((await handleMessage(rewrite(), fromTab(2, FARM), library))?.kind).toBe('uncredited-rewrite');
  });

  it('are taken from extension pages only, in their exact shapes', () => {
    const self = ownExtension();
    const add = { type: 'unspun/correction-add', correction: pair(), tabId: 2 };
    expect(acceptMessage(add, popup(), self, 'background')).toEqual(add);
    // A content script (a web page) may not correct anything, not even for its own page.
    expect(acceptMessage(add, fromTab(2, FARM), self, 'background')).toBeNull();
    expect(acceptMessage({ type: 'unspun/corrections-list' }, fromTab(2, FARM), self, 'background')).toBeNull();
    expect(acceptMessage(add, { id: 'another-extension', url: 'chrome-extension://other/popup.html' }, self, 'background')).toBeNull();
    const bad = [
      { ...add, correction: { ...pair(), page: '' } },
      { ...add, correction: { ...pair(), original: 'x'.repeat(2049) } },
      { ...add, correction: { ...pair(), original: pair().page } },
      { ...add, correction: { ...pair(), pageTitle: 5 } },
      { ...add, correction: { kind: 'trusted-site', site: 'evil.example/<script>' } },
      { ...add, correction: { kind: 'trusted-site', site: '' } },
      { ...add, correction: { kind: 'something-else', site: 'a.example' } },
      { ...add, tabId: -1 },
      { ...add, tabId: '2' },
      { type: 'unspun/correction-remove', correction: 'cnbc.com' },
    ];
    for (const m of bad) expect(acceptMessage(m, popup(), self, 'background'), JSON.stringify(m)).toBeNull();
    // Long titles are cut to what the list keeps; a site is kept in lower case; fields beyond the shape are dropped.
    const long = acceptMessage({ ...add, correction: { ...pair(), pageTitle: 't'.repeat(1000), extra: 1 } }, popup(), self, 'background');
    expect(long).toMatchObject({ correction: { pageTitle: 't'.repeat(300) } });
    expect((long as { correction: object }).correction).not.toHaveProperty('extra');
    expect(acceptMessage({ ...add, correction: { kind: 'trusted-site', site: 'BuyersInsight.net' } }, popup(), self, 'background')).toMatchObject({
      correction: { kind: 'trusted-site', site: 'buyersinsight.net' },
    });
  });

  it('adding "not from this article" for a tab checks it again at once; taking it back flags it again', async () => {
    const added = await send({ type: 'unspun/correction-add', correction: pair(), tabId: 2 });
    expect(added).toMatchObject({ ok: true, rechecked: true });
    expect(added.corrections.notDerived).toEqual([expect.objectContaining({ page: pair().page, original: pair().original, originalTitle: 'Russia was smug' })]);
    expect((await getTabVerdict(2))?.verdict.kind).toBe('none');
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('');
    expect((await send({ type: 'unspun/corrections-list' }))?.corrections).toEqual(await readCorrections());

    const removed = await send({
      type: 'unspun/correction-remove',
      correction: { kind: 'not-derived', page: pair().page, original: pair().original },
      tabId: 2,
    });
    expect(removed).toMatchObject({ ok: true, rechecked: true, corrections: { notDerived: [], trustedSites: [] } });
    expect((await getTabVerdict(2))?.verdict.kind).toBe('uncredited-rewrite');
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('!');
  });

  it('trusting a site clears its tab; without a tab, or for a tab with no article kept, nothing is checked again', async () => {
    const trusted = await send({ type: 'unspun/correction-add', correction: { kind: 'trusted-site', site: 'buyersinsight.net' }, tabId: 2 });
    expect(trusted).toMatchObject({ ok: true, rechecked: true, corrections: { trustedSites: [expect.objectContaining({ site: 'buyersinsight.net' })] } });
    expect((await getTabVerdict(2))?.verdict).toMatchObject({ kind: 'none', reason: expect.stringMatching(/^you marked buyersinsight\.net as trusted/) });
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('');
    expect(await send({ type: 'unspun/correction-remove', correction: { kind: 'trusted-site', site: 'buyersinsight.net' } })).toMatchObject({
      ok: true,
      rechecked: false,
    });
    expect((await getTabVerdict(2))?.verdict.kind).toBe('none'); // not checked again: no tab named
    expect(await send({ type: 'unspun/correction-add', correction: pair(), tabId: 99 })).toMatchObject({ ok: true, rechecked: false });
  });
});
