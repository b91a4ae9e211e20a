// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreditedVerdict } from '../../src/core/verdict.ts';
import { getSettings, saveSettings } from '../../src/ext/settings.ts';
import { getTabReloadMark, markTabForReload, saveTabVerdict, type TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { coverageSentence, creditSentence, differingWords } from '../../src/ui/format.ts';
import { mountPopup, type PopupHost } from '../../src/ui/popup-controller.ts';
import { renderPopup } from '../../src/ui/popup-view.ts';
import { libraryArticle } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';
import { serveBackground } from './background-fixture.ts';
import { evidence, original, rewrite, rewriteRecord } from './popup-fixtures.ts';

const credited = (credit: CreditedVerdict['credit']): TabVerdict => ({ ...rewrite, verdict: { kind: 'credited', score: 0.9, original, evidence, credit } });

const q = <T extends Element = HTMLElement>(role: string) => document.querySelector<T>(`[data-role=${role}]`);
const control = (role: string) => q<HTMLButtonElement>(role)!;
const visible = (role: string) => !!q<HTMLButtonElement>(role) && !q<HTMLButtonElement>(role)!.hidden;
const app = () => document.getElementById('app')!;
const freshRoot = () => {
  const root = document.createElement('main');
  root.id = 'app';
  document.body.replaceChildren(root);
  return root;
};

describe('popup: plain-language evidence', () => {
  it('describes each kind of credit in words, with what the reader can see, never a field name or the address', () => {
    expect(creditSentence({ kind: 'link', detail: 'Original story at CNBC (https://www.cnbc.com/a)' }, original)).toEqual({
      text: "Links to CNBC's article.",
      quote: 'Original story at CNBC',
    });
    expect(creditSentence({ kind: 'link', detail: ' (https://www.cnbc.com/a(b))' }, original)).toEqual({ text: "Links to CNBC's article." });
    expect(creditSentence({ kind: 'attribution', detail: 'Source: CNBC' }, original)).toEqual({ text: 'Names CNBC as its source.', quote: 'Source: CNBC' });
    expect(creditSentence({ kind: 'canonical', detail: 'https://www.cnbc.com/a' }, original).text).toBe("Declares CNBC's article as its canonical source.");
    expect(creditSentence({ kind: 'meta', detail: 'https://www.cnbc.com/a' }, original).text).toMatch(/^Declares CNBC's article as its source/);
    expect(creditSentence({ kind: 'link', detail: 'here (https://reuters.com/x)' }, { ...original, siteName: 'Reuters' }).text).toBe(
      "Links to Reuters' article.",
    );

    for (const kind of ['link', 'canonical', 'meta', 'attribution'] as const) {
      const root = freshRoot();
      renderPopup(root, credited({ kind, detail: kind === 'attribution' ? 'Originally published by CNBC' : 'Read more (https://www.cnbc.com/a)' }));
      const text = root.querySelector('[data-role=credit]')!.textContent!;
      expect(text, kind).not.toMatch(/Credit found|\((link|canonical|meta|attribution)\)|https?:/);
      expect(root.textContent, kind).not.toContain('https://www.cnbc.com/a');
    }
  });

  it('renders page-derived credit text as text, not HTML', () => {
    const root = freshRoot();
    renderPopup(root, credited({ kind: 'attribution', detail: 'Source: <img src=x onerror=alert(1)>' }));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-role=credit] q')!.textContent).toBe('Source: <img src=x onerror=alert(1)>');
  });

  it('marks the words that differ between a page sentence and the original', () => {
    const page = 'Russia rushed Wednesday to salvage the talks.';
    const orig = 'Russia scrambled on Wednesday to salvage the talks.';
    expect(differingWords(page, orig)).toEqual([
      { text: 'Russia ', differs: false },
      { text: 'rushed', differs: true },
      { text: ' Wednesday to salvage the talks.', differs: false },
    ]);
    expect(differingWords(orig, page)).toEqual([
      { text: 'Russia ', differs: false },
      { text: 'scrambled on', differs: true },
      { text: ' Wednesday to salvage the talks.', differs: false },
    ]);
    // Case and punctuation are no difference; the runs give the text back.
    expect(differingWords('"The Talks," he said.', 'the talks he said').every((s) => !s.differs)).toBe(true);
    expect(
      differingWords('  a  b ', 'b')
        .map((s) => s.text)
        .join(''),
    ).toBe('  a  b ');
    const root = freshRoot();
    renderPopup(root, rewrite);
    expect([...root.querySelectorAll('.page-sentence mark')].map((m) => m.textContent)).toEqual(['Moscow was worried.']);
    expect(root.querySelector('.page-sentence')!.textContent).toBe('This pageMoscow was worried.');
    const hostile = structuredClone(rewrite);
    hostile.verdict.evidence!.pairs[0]!.pageText = '<img src=x onerror=alert(1)> Russia scrambled.';
    renderPopup(root, hostile);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.page-sentence mark')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says coverage in one short sentence', () => {
    expect(coverageSentence(evidence, 'the original')).toBe('95% of this page matches the original sentence by sentence, and 90% follows its order.');
    expect(coverageSentence({ ...evidence, pairs: [], pageCoverage: 0 }, 'the original')).toBe("None of this page's sentences match the original.");
    const root = freshRoot();
    renderPopup(root, rewrite);
    expect(root.querySelector('.figures')!.textContent).toBe('95% of this page matches the original sentence by sentence, and 90% follows its order.');
    expect(root.querySelector('.evidence summary')!.textContent).toBe('Compare 1 sentence with the original');
    expect(root.querySelector('.similarity')!.textContent).toBe('80% alike');
    expect(root.querySelector('.evidence')!.textContent).not.toContain('not shown');
  });

  it('titles a page close to retelling its closest article apart from one with nothing to report', () => {
    const reason =
      "14 of its sentences resemble CNBC's article and 9 follow its order: it may retell CNBC's reporting, but not closely enough to call this page a rewrite of it";
    const close: TabVerdict = {
      ...rewrite,
      verdict: { kind: 'none', reason, reasonMessage: { key: 'reasonCloseRetelling', args: ['CNBC', '14', '9'] }, nearest: original, evidence },
    };
    const root = freshRoot();
    renderPopup(root, close);
    expect(root.dataset.verdict).toBe('none');
    expect(root.querySelector('h1')!.textContent).toBe("Close to CNBC's reporting");
    expect(root.querySelector('.status p')!.textContent).toContain("Unspun's rules do not call this page a rewrite");
    expect(root.textContent).toContain("14 of its sentences resemble CNBC's article and 9 follow its order: it may retell CNBC's reporting");
    renderPopup(root, { ...close, verdict: { ...close.verdict, reasonMessage: { key: 'reasonTooFewResembling', args: ['CNBC', '14'] } } } as TabVerdict);
    expect(root.querySelector('h1')!.textContent).toBe('Nothing to report');
  });

  it('says how many aligned pairs the list leaves out', () => {
    const root = freshRoot();
    renderPopup(root, rewriteRecord(original, { ...evidence, notShown: 8 }));
    const notes = [...root.querySelectorAll('.evidence .legend')].map((p) => p.textContent);
    expect(notes).toContain('8 more pairs are not shown: short lines such as photo captions, or pairs less alike than those listed.');
    renderPopup(root, rewriteRecord(original, { ...evidence, notShown: 1 }));
    expect(root.querySelector('.evidence')!.textContent).toContain(
      '1 more pair is not shown: a short line such as a photo caption, or one less alike than those listed.',
    );
  });
});

describe('popup: states', () => {
  const actions = { openLibrary: () => {}, setPaused: () => {}, excludeSite: () => {}, recheck: () => {} };

  it('shows a paused tab as paused, not as "Not checked", and offers to resume', () => {
    const root = freshRoot();
    renderPopup(root, undefined, { settings: { paused: true, excludedSites: [] }, actions });
    expect(root.dataset.verdict).toBe('paused');
    expect(root.querySelector('h1')!.textContent).toBe('Checking is paused');
    expect(root.textContent).not.toContain('Not checked');
    expect(control('pause').textContent).toBe('Resume checking');
    expect(visible('recheck')).toBe(false);
    // A record the background wrote while paused is no verdict either.
    renderPopup(root, { ...rewrite, verdict: { kind: 'none', reason: 'checking is paused' } }, { settings: { paused: true, excludedSites: [] }, actions });
    expect(root.dataset.verdict).toBe('paused');
    // Paused with a verdict from before: the verdict, under a note.
    renderPopup(root, rewrite, { settings: { paused: true, excludedSites: [] }, actions });
    expect(root.dataset.verdict).toBe('uncredited-rewrite');
    expect(q('paused-note')!.textContent).toMatch(/Checking is paused/);
  });

  it('offers the next step in every state', () => {
    const settings = { paused: false, excludedSites: [] };
    const states: [string, TabVerdict | undefined, string[]][] = [
      ['unchecked', undefined, ['recheck', 'pause', 'open-library']],
      [
        'none',
        { ...rewrite, verdict: { kind: 'none', reason: 'no article in the library shares its sentences' } },
        ['lookup-start', 'recheck', 'pause', 'exclude-site', 'open-library'],
      ],
      ['uncredited-rewrite', rewrite, ['lookup-start', 'recheck', 'pause', 'exclude-site', 'open-library']],
      ['not-article', { ...rewrite, verdict: { kind: 'not-article', reason: 'not readerable' } }, ['recheck', 'pause', 'exclude-site', 'open-library']],
    ];
    for (const [kind, state, offered] of states) {
      const root = freshRoot();
      renderPopup(root, state, { settings, actions });
      expect(root.dataset.verdict).toBe(kind);
      const shown = [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.hidden).map((b) => b.dataset.role);
      expect(shown, kind).toEqual(offered);
    }
    expect(control('exclude-site').textContent).toBe('Never check farm.example');
    expect(control('recheck').textContent).toBe('Check this page again');
  });

  it('shows an excluded site as such, with the way back', () => {
    const root = freshRoot();
    renderPopup(root, rewrite, { settings: { paused: false, excludedSites: ['farm.example'] }, actions });
    expect(root.dataset.verdict).toBe('excluded');
    expect(root.textContent).toContain('never to check farm.example');
    expect(control('exclude-site').textContent).toBe('Check farm.example again');
    expect(visible('lookup-start')).toBe(false);
    expect(visible('recheck')).toBe(false);
  });

  it('gives every control an accessible name and keeps status text in polite live regions', () => {
    const root = freshRoot();
    renderPopup(root, rewrite, { settings: { paused: false, excludedSites: [] }, actions, said: { text: 'Checking is on again.' } });
    for (const b of root.querySelectorAll('button')) expect((b.textContent ?? '').trim() || b.getAttribute('aria-label'), b.outerHTML).toBeTruthy();
    for (const role of ['lookup-status', 'popup-status']) {
      expect(q(role)!.getAttribute('role')).toBe('status');
      expect(q(role)!.getAttribute('aria-live')).toBe('polite');
    }
    expect(q('popup-status')!.textContent).toBe('Checking is on again.');
    const nav = root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBeTruthy();
  });
});

describe('popup controller: a control centre', () => {
  let host: PopupHost & { openLibrary: ReturnType<typeof vi.fn>; reloadTab: ReturnType<typeof vi.fn> };
  let settingsChanged: (() => void) | undefined;
  let stop: (() => void) | undefined;
  beforeEach(() => {
    freshExtension();
    settingsChanged = undefined;
    host = {
      ...browserUiHost(),
      openLibrary: vi.fn(async () => {}),
      reloadTab: vi.fn(async () => {}),
      needsReload: async (tabId) => !!(await getTabReloadMark(tabId)),
      watchSettings: (onChange) => ((settingsChanged = onChange), () => (settingsChanged = undefined)),
    };
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.useRealTimers();
  });

  it('redraws when the verdict arrives after it opened', async () => {
    serveBackground();
    stop = await mountPopup(freshRoot(), 5, host);
    expect(app().dataset.verdict).toBe('unchecked');
    await saveTabVerdict(5, rewrite);
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('uncredited-rewrite'));
    expect(app().querySelector('a[data-original-url]')!.getAttribute('href')).toBe(original.url);
  });

  it('reads the record again even when no storage event announces the change', async () => {
    serveBackground();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const silent: PopupHost = { ...host, watchTabVerdict: () => () => {} };
    stop = await mountPopup(freshRoot(), 6, silent);
    expect(app().dataset.verdict).toBe('unchecked');
    await saveTabVerdict(6, rewrite);
    expect(app().dataset.verdict).toBe('unchecked');
    await vi.advanceTimersByTimeAsync(2_100);
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('uncredited-rewrite'));
  });

  it('pauses and resumes checking through the background, and shows it', async () => {
    serveBackground();
    stop = await mountPopup(freshRoot(), 5, host);
    await vi.waitFor(() => expect(visible('pause')).toBe(true));
    control('pause').click();
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('paused'));
    expect((await getSettings()).paused).toBe(true);
    expect(q('popup-status')!.textContent).toMatch(/Checking is paused/);
    expect(control('pause').textContent).toBe('Resume checking');
    control('pause').click();
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('unchecked'));
    expect((await getSettings()).paused).toBe(false);
  });

  it('follows the settings changed elsewhere (the library page)', async () => {
    serveBackground();
    stop = await mountPopup(freshRoot(), 5, host);
    await saveSettings({ paused: true });
    settingsChanged!();
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('paused'));
  });

  it("never checks the page's site, and undoes it", async () => {
    serveBackground();
    await saveTabVerdict(5, rewrite);
    await saveSettings({ excludedSites: ['other.example'] });
    stop = await mountPopup(freshRoot(), 5, host);
    await vi.waitFor(() => expect(control('exclude-site').textContent).toBe('Never check farm.example'));
    control('exclude-site').click();
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('excluded'));
    expect((await getSettings()).excludedSites).toEqual(['other.example', 'farm.example']);
    expect(q('popup-status')!.textContent).toBe('Unspun will never check pages on farm.example. You can undo this here or on the library page.');
    control('exclude-site').click();
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('uncredited-rewrite'));
    expect((await getSettings()).excludedSites).toEqual(['other.example']);
  });

  it('checks the page again by loading its tab again, and says what the new check found', async () => {
    serveBackground();
    await saveTabVerdict(5, { ...rewrite, verdict: { kind: 'none', reason: 'no article in the library shares its sentences' } });
    stop = await mountPopup(freshRoot(), 5, host);
    await vi.waitFor(() => expect(visible('recheck')).toBe(true));
    control('recheck').click();
    await vi.waitFor(() => expect(host.reloadTab).toHaveBeenCalledWith(5));
    expect(control('recheck').disabled).toBe(true);
    expect(q('popup-status')!.textContent).toMatch(/loading again/);
    await saveTabVerdict(5, { ...rewrite, checkedAt: new Date().toISOString() });
    await vi.waitFor(() => expect(q('popup-status')!.textContent).toBe('Checked this page again: an uncredited rewrite.'));
    expect(app().dataset.verdict).toBe('uncredited-rewrite');
    expect(control('recheck').disabled).toBe(false);
  });

  it('tells the reader to reload a tab that was open before Unspun was installed, and reloads it', async () => {
    serveBackground();
    await markTabForReload(9, { markedAt: new Date().toISOString(), reason: 'no-access' });
    stop = await mountPopup(freshRoot(), 9, host);
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('reload-to-check'));
    expect(app().querySelector('h1')!.textContent).toBe('Reload to check');
    expect(control('recheck').textContent).toBe('Reload this page');
    control('recheck').click();
    await vi.waitFor(() => expect(host.reloadTab).toHaveBeenCalledWith(9));
    // The tab's verdict removes the mark; the popup shows the verdict.
    await saveTabVerdict(9, { ...rewrite, checkedAt: new Date().toISOString() });
    await vi.waitFor(() => expect(app().dataset.verdict).toBe('uncredited-rewrite'));
  });

  it('opens the library page', async () => {
    serveBackground();
    stop = await mountPopup(freshRoot(), 5, host);
    control('open-library').click();
    expect(host.openLibrary).toHaveBeenCalledOnce();
  });

  it("counts the library as the library page does (no feed items not fetched yet), not the record's index size", async () => {
    const library = serveBackground();
    await library.put(libraryArticle('cnbc', 'https://www.cnbc.com/a', 'An original article about the summit.'));
    await library.put(libraryArticle('copy', 'https://farm.example/x', 'A rewrite of it.', { derivedFrom: 'cnbc' }));
    await library.addFeedStubs([
      libraryArticle('feed-1', 'https://www.bbc.co.uk/news/1', 'A feed item about the harbour bridge.', { source: 'feed', stub: true }),
    ]);
    // What the library page shows: its storage figures and its list.
    const info = (await host.send({ type: 'unspun/storage-info' })) as { ok: true; articles: number };
    const listed = (await host.send({ type: 'unspun/library-list' })) as { ok: true; entries: unknown[] };
    expect(info.articles).toBe(2);
    expect(listed.entries).toHaveLength(2);
    await saveTabVerdict(5, rewrite); // librarySize 99
    stop = await mountPopup(freshRoot(), 5, host);
    await vi.waitFor(() => expect(q('library-count')!.textContent).toBe('Your library: 2 articles on this device.'));
  });
});
