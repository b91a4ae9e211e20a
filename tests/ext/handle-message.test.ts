import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { articleIdFor, capArticle } from '../../src/library/page.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { LIMITS, type CheckArticleMessage } from '../../src/ext/protocol.ts';
import { getTabVerdict } from '../../src/ext/tab-verdicts.ts';
import { seedRewriteBody, seedText } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';

function checkMessage(url: string, body: string, extra: Partial<CheckArticleMessage['article']> = {}): CheckArticleMessage {
  const paragraphs = body.split(/\n+/).filter(Boolean);
  return { type: 'unspun/check-article', article: { url, title: 'title', paragraphs, links: [], declaredSources: [], ...extra } };
}

const fromTab = (id: number, url: string) => ({ id: browser.runtime.id, tab: { id } as never, url });
const rewriteBody = seedRewriteBody;

describe('background message handling', () => {
  let library: LibraryService;
  beforeEach(() => {
    freshExtension();
    library = new LibraryService();
  });

  it('flags the seed rewrite on its own tab only, and keeps the verdict for the popup', async () => {
    const first = await handleMessage(
      checkMessage(CNBC, seedText('original-cnbc'), { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }),
      fromTab(1, CNBC),
      library,
    );
    expect(first?.kind).toBe('none');
    const second = await handleMessage(checkMessage(FARM, rewriteBody(), { published: '2025-10-22T15:10:00Z' }), fromTab(2, FARM), library);
    expect(second?.kind).toBe('uncredited-rewrite');
    expect(second?.original?.url).toBe(CNBC);
    // The in-memory index holds no text; the evidence still shows the original's sentences.
    expect(second?.evidence?.pairs.every((p) => p.originalText.length > 0)).toBe(true);
    expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('!');
    expect(await browser.action.getBadgeText({ tabId: 1 })).toBe('');
    const stored = await getTabVerdict(2);
    expect(stored).toMatchObject({ url: FARM, verdict: { kind: 'uncredited-rewrite', original: { siteName: 'CNBC' } }, librarySize: 1 });
  });

  it('survives a restarted worker: a fresh service reloads the library from IndexedDB', async () => {
    await handleMessage(checkMessage(CNBC, seedText('original-cnbc')), fromTab(1, CNBC), library);
    const restarted = new LibraryService();
    const verdict = await handleMessage(checkMessage(FARM, rewriteBody()), fromTab(3, FARM), restarted);
    expect(verdict?.kind).toBe('uncredited-rewrite');
    expect(verdict?.evidence?.pairs[0]?.originalText).toBeTruthy();
    // Recording the derivative kept the original's text in the store.
    expect((await restarted.get(articleIdFor(CNBC)))?.sentences.length).toBeGreaterThan(30);
  });

  it('tells the original that it was copied, once a rewrite of it has been seen', async () => {
    await handleMessage(checkMessage(CNBC, seedText('original-cnbc')), fromTab(1, CNBC), library);
    await handleMessage(checkMessage(FARM, rewriteBody()), fromTab(2, FARM), library);
    const again = await handleMessage(checkMessage(CNBC, seedText('original-cnbc')), fromTab(1, CNBC), library);
    expect(again?.kind).toBe('original');
    expect(again?.derivatives?.[0]?.url).toBe(FARM);
  });

  it('ignores messages from other extensions, from pages without a tab, and about another URL', async () => {
    const msg = checkMessage(CNBC, seedText('original-cnbc'));
    expect(await handleMessage(msg, { id: 'some-other-extension', tab: { id: 1 } as never, url: CNBC }, library)).toBeUndefined();
    expect(await handleMessage(msg, { id: browser.runtime.id, url: CNBC }, library)).toBeUndefined();
    expect(await handleMessage(msg, fromTab(1, 'https://elsewhere.example/'), library)).toBeUndefined();
    expect((await library.index()).size).toBe(0);
  });

  it('ignores malformed and oversized messages', async () => {
    const good = checkMessage(CNBC, seedText('original-cnbc'));
    const bad: unknown[] = [
      null,
      'check',
      { type: 'unspun/check-article' },
      { ...good, article: { ...good.article, url: 'javascript:alert(1)' } },
      { ...good, article: { ...good.article, paragraphs: Array(10_000).fill('x') } },
      { ...good, article: { ...good.article, paragraphs: ['x'.repeat(LIMITS.paragraphChars + 1)] } },
      { ...good, article: { ...good.article, links: [{ href: 'javascript:alert(1)', text: 'x' }] } },
      { ...good, article: undefined },
    ];
    for (const m of bad) expect(await handleMessage(m, fromTab(1, CNBC), library)).toBeUndefined();
    expect(await getTabVerdict(1)).toBeUndefined();
  });

  it('records a non-article page and clears the badge', async () => {
    const v = await handleMessage({ type: 'unspun/not-article', url: CNBC, reason: 'not-article' }, fromTab(4, CNBC), library);
    expect(v?.kind).toBe('not-article');
    expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('');
  });
});

describe('capArticle', () => {
  it('trims a huge article so that its message is accepted, keeping its start', async () => {
    freshExtension();
    const huge = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} says something about the economy and the markets today.`);
    const article = capArticle({ url: CNBC, title: 't'.repeat(5000), paragraphs: huge, links: [], declaredSources: [] });
    expect(article.paragraphs.length).toBeLessThanOrEqual(LIMITS.paragraphs);
    expect(article.paragraphs[0]).toBe(huge[0]);
    const library = new LibraryService();
    expect(await handleMessage({ type: 'unspun/check-article', article }, fromTab(9, CNBC), library)).toMatchObject({ kind: 'none' });
    // The background split and fingerprinted the article itself, as readArticle does for the CLI.
    const stored = await library.get(articleIdFor(CNBC));
    expect(stored?.sentences).toEqual(fingerprintText(article.paragraphs.join('\n')).sentences);
    expect(stored?.fingerprint).toEqual(fingerprintText(article.paragraphs.join('\n')).fingerprint);
  });
});
