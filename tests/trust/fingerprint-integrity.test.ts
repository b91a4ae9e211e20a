// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { handleMessage } from '../../src/ext/handle-message.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { parseContentMessage, type CheckArticleMessage } from '../../src/ext/protocol.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { exportPack, importPack } from '../../src/library/pack.ts';
import { articleIdFor } from '../../src/library/page.ts';
import { PACK_LIMITS } from '../../src/library/pack-format.ts';
import { isFingerprintOf } from '../../src/library/pack-validate.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { packsSection } from '../../src/ui/packs-view.ts';
import { serveBackground } from '../ui/background-fixture.ts';
import { libraryArticle, pageToCheck } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

/**
 * Defect 9: a fingerprint was never checked against its sentences, so a message or a pack could
 * match by one text and show another as the evidence; a pack could claim any `firstSeen`; the
 * options page read a whole pack file before checking its size. Since issue 12 a content script
 * sends its article only and the background fingerprints it, so a message has no fingerprint to
 * check: one sent along is dropped. Inputs built in code.
 */

const ORIGINAL = 'https://www.cnbc.com/2025/03/04/harbor-bridge.html';
const STORY = [
  'Port officials closed the Harbor Street bridge to freight traffic on Tuesday after inspectors found cracks in two of its steel girders.',
  'The 61-year-old bridge carries about 14,000 vehicles on a typical weekday, roughly a fifth of them heavy trucks bound for the container terminals.',
  'Inspectors from the state transportation department discovered the damage during a routine review last week.',
  'Terminal operators said the detour adds between 40 and 70 minutes to each round trip.',
  'Mayor Teresa Okafor called the closure a painful but necessary step and promised repairs within a month.',
  'Engineers estimate that replacing the damaged girders will cost about $18 million and take at least nine months.',
];
const MADE_UP = STORY.map((_, i) => `The mayor admitted in secret recordings number ${i + 1} that the bridge was never inspected at all.`);

const swapped = (s: string[]) => [s[1]!, s[0]!, ...s.slice(2)];

const PAGE = 'https://www.dailytrendwire.net/bridge';

/** A content script's article message, with whatever else a page might add to it. */
function message(extra: Record<string, unknown> = {}) {
  return {
    type: 'unspun/check-article',
    article: { url: PAGE, title: 'Bridge', paragraphs: STORY, links: [], declaredSources: [] },
    ...extra,
  } satisfies CheckArticleMessage;
}

describe('a content message cannot bring sentences or a fingerprint of its own', () => {
  it('is read as its article alone', () => {
    expect(parseContentMessage(message({ sentences: MADE_UP, fingerprint: fingerprintSentences(STORY) }))).toEqual(message());
  });

  it.each([
    ['two sentences swapped, the fingerprint kept', swapped(STORY)],
    ['made-up sentences with the real fingerprint', MADE_UP],
    ['one sentence edited', [...STORY.slice(0, 5), STORY[5]!.replace('$18 million', '$180 million')]],
  ])('%s: the library keeps the sentences and fingerprint of the article itself', async (_name, sentences) => {
    freshExtension();
    const library = new LibraryService();
    const sender = { id: browser.runtime.id, tab: { id: 3 } as never, url: PAGE };
    expect(isFingerprintOf(fingerprintSentences(STORY), sentences)).toBe(false);
    expect(await handleMessage(message({ sentences, fingerprint: fingerprintSentences(STORY) }), sender, library)).toBeDefined();
    const stored = await library.get(articleIdFor(PAGE));
    expect(stored?.sentences).toEqual(STORY);
    expect(isFingerprintOf(stored!.fingerprint, STORY)).toBe(true);
  });
});

describe('a pack article whose fingerprint is not its sentences is skipped', () => {
  const NOW = new Date('2025-06-01T12:00:00.000Z');
  const article = libraryArticle('cnbc', ORIGINAL, STORY.join('\n'), {
    siteName: 'CNBC',
    published: '2025-03-04T08:00:00Z',
    firstSeen: '2025-03-04T09:00:00Z',
  });
  const packWith = (edit: (line: Record<string, unknown>) => Record<string, unknown>) => {
    const [header, line] = exportPack([article], NOW).trim().split('\n');
    return `${header}\n${JSON.stringify(edit(JSON.parse(line!) as Record<string, unknown>))}\n`;
  };

  it.each([
    ['two sentences swapped, the fingerprint kept', (l: Record<string, unknown>) => ({ ...l, sentences: swapped(l['sentences'] as string[]) })],
    ['made-up evidence text with the real fingerprint', (l: Record<string, unknown>) => ({ ...l, sentences: MADE_UP })],
  ])('%s', (_name, edit) => {
    const r = importPack(packWith(edit), { now: NOW });
    expect(r.articles).toEqual([]);
    expect(r.skipped).toEqual([{ line: 2, reason: expect.stringMatching(/fingerprint is not that of the sentences/) }]);
  });

  it('so made-up text can never be shown as the original', () => {
    // What the forged pack would have done: matched by the real fingerprint, shown the invented sentences.
    const forged = { ...article, sentences: MADE_UP };
    const index = new LibraryIndex();
    index.add(forged);
    const shown =
      checkPage(pageToCheck('https://www.dailytrendwire.net/bridge', STORY.join('\n')), index).verdict.evidence?.pairs.map((p) => p.originalText) ?? [];
    expect(shown.some((t) => t.includes('secret recordings'))).toBe(true);
    expect(
      importPack(
        packWith((l) => ({ ...l, sentences: MADE_UP })),
        { now: NOW },
      ).articles,
    ).toEqual([]);
  });

  it('takes a consistent article, recomputes an old-version fingerprint, and dates it by the import, not by its claim', () => {
    const claimed = importPack(
      packWith((l) => ({ ...l, firstSeen: '2001-01-01T00:00:00Z' })),
      { now: NOW },
    );
    expect(claimed.articles).toHaveLength(1);
    expect(claimed.articles[0]!.firstSeen).toBe(NOW.toISOString());
    expect(claimed.articles[0]!.published).toBe('2025-03-04T08:00:00Z');
    const old = importPack(
      packWith((l) => ({ ...l, sentences: swapped(l['sentences'] as string[]), fingerprint: { version: 1 } })),
      { now: NOW },
    );
    expect(old.articles[0]!.fingerprint).toEqual(fingerprintSentences(swapped(STORY)));
    // Without a time given, the import's own time.
    const before = Date.now();
    const t = Date.parse(importPack(packWith((l) => l)).articles[0]!.firstSeen);
    expect(t).toBeGreaterThanOrEqual(before);
  });

  it('costs little: recomputing the fingerprints of a pack of 200 articles like this one', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...article, id: `a${i}`, url: `${ORIGINAL}?n=${i}` }));
    const text = exportPack(many, NOW);
    const t0 = performance.now();
    const r = importPack(text, { now: NOW });
    const ms = performance.now() - t0;
    expect(r.articles).toHaveLength(200);
    // A generous bound for a shared CI machine; the import takes some tens of milliseconds on a laptop.
    expect(ms).toBeLessThan(5_000);
  });
});

describe('the options page checks a pack file by its size before reading it', () => {
  beforeEach(freshExtension);

  it('refuses a file larger than the limit without reading it', async () => {
    const say = vi.fn();
    const sent: unknown[] = [];
    serveBackground({}, sent);
    const section = packsSection(browserUiHost(), say);
    document.body.replaceChildren(section);
    const input = section.querySelector<HTMLInputElement>('input[data-role=pack-import]')!;
    // Every way of reading a file, watched.
    const read = { text: vi.fn(async () => ''), slice: vi.fn(() => new Blob([''])), arrayBuffer: vi.fn(async () => new ArrayBuffer(0)), stream: vi.fn() };
    Object.defineProperty(input, 'files', { value: [{ name: 'huge.jsonl', size: PACK_LIMITS.maxBytes + 1, ...read }], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(say).toHaveBeenCalled());
    expect(say).toHaveBeenCalledWith(expect.stringMatching(/Nothing imported: the pack is larger than/), true);
    for (const f of Object.values(read)) expect(f).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('reads and imports a file within the limit', async () => {
    const say = vi.fn();
    const library = serveBackground();
    const section = packsSection(browserUiHost(), say);
    const pack = exportPack([libraryArticle('cnbc', ORIGINAL, STORY.join('\n'))], new Date());
    const input = section.querySelector<HTMLInputElement>('input[data-role=pack-import]')!;
    Object.defineProperty(input, 'files', { value: [new File([pack], 'ok.jsonl')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(say).toHaveBeenCalled());
    expect(say).toHaveBeenCalledWith(expect.stringMatching(/^Imported 1 article/));
    expect((await library.index()).get('cnbc')).toBeDefined();
  });
});
