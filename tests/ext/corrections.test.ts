// "This is wrong", end to end in the background: corrections stored on the machine are respected by
// the next check of the page (the pair is never matched again; a trusted site is never flagged),
// and taking them back restores the warning.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import type { CheckArticleMessage } from '../../src/ext/protocol.ts';
import { readCorrections, updateCorrections } from '../../src/ext/corrections-store.ts';
import { NO_CORRECTIONS, withNotDerived, withoutCorrection, withTrustedSite } from '../../src/library/corrections.ts';
import { articleIdFor } from '../../src/library/page.ts';
import { normalizeUrl } from '../../src/core/site.ts';
import { seedRewriteBody, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';
const AT = '2026-12-02T10:00:00.000Z';

const message = (url: string, body: string, extra: Partial<CheckArticleMessage['article']> = {}): CheckArticleMessage => ({
  type: 'unspun/check-article',
  article: { url, title: 'title', paragraphs: body.split(/\n+/).filter(Boolean), links: [], declaredSources: [], ...extra },
});
const fromTab = (id: number, url: string) => ({ id: browser.runtime.id, tab: { id } as never, url });
const rewrite = () => message(FARM, seedRewriteBody(), { published: '2025-10-22T15:10:00Z' });

describe('corrections in the background', () => {
  let library: LibraryService;
  beforeEach(async () => {
    freshExtension();
    library = new LibraryService();
    await handleMessage(message(CNBC, seedText('original-cnbc'), { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }), fromTab(1, CNBC), library);
  });

  it('respects "not from this article" on the next check, and flags again once it is taken back', async () => {
    expect((await handleMessage(rewrite(), fromTab(2, FARM), library))?.kind).toBe('uncredited-rewrite');
    const pair = { page: articleIdFor(FARM), original: normalizeUrl(CNBC) };
    await updateCorrections((c) => withNotDerived(c, { ...pair, at: AT }));
    expect((await handleMessage(rewrite(), fromTab(2, FARM), library))?.kind).toBe('none');
    await updateCorrections((c) => withoutCorrection(c, pair));
    const again = await handleMessage(rewrite(), fromTab(2, FARM), library);
    expect(again?.kind).toBe('uncredited-rewrite');
  });

  it('never flags a page of a trusted site', async () => {
    await updateCorrections((c) => withTrustedSite(c, { site: 'buyersinsight.net', at: AT }));
    const verdict = await handleMessage(rewrite(), fromTab(2, FARM), library);
    expect(verdict?.kind).toBe('none');
    expect(verdict?.reason).toMatch(/^you marked buyersinsight\.net as trusted/);
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('');
  });

  it('keeps every change when several arrive at once, and reads a corrupt value as what is valid in it', async () => {
    await Promise.all([1, 2, 3].map((i) => updateCorrections((c) => withTrustedSite(c, { site: `site${i}.example`, at: AT }))));
    expect((await readCorrections()).trustedSites.map((t) => t.site).sort()).toEqual(['site1.example', 'site2.example', 'site3.example']);
    await browser.storage.local.set({ corrections: { notDerived: 'broken', trustedSites: [{ site: 'ok.example', at: AT }, 5] } });
    expect(await readCorrections()).toEqual({ ...NO_CORRECTIONS, trustedSites: [{ site: 'ok.example', at: AT }] });
  });
});
