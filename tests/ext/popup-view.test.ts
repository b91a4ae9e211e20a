import { parseHTML } from 'linkedom';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveTabVerdict, type TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import type { LookupProgress } from '../../src/lookup/progress.ts';
import { mountPopup, type PopupHost } from '../../src/ui/popup-controller.ts';
import { renderPopup } from '../../src/ui/popup-view.ts';
import { originalVerdict, type UncreditedVerdict, type Verdict } from '../../src/core/verdict.ts';
import { flaggedWith, lookupProgress } from '../ui/popup-fixtures.ts';

beforeAll(() => {
  const { window } = parseHTML('<!doctype html><html><body><main id="app"></main></body></html>');
  Object.assign(globalThis, { document: window.document, HTMLAnchorElement: window.HTMLAnchorElement });
});

/** A fresh root for each render sequence (the popup keeps its live region between renders of one root). */
const freshRoot = () => {
  const root = document.createElement('main');
  root.id = 'app';
  document.body.replaceChildren(root);
  return root;
};

const rewriteVerdict: UncreditedVerdict = flaggedWith('<img src=x onerror=alert(1)>');

const rewrite: TabVerdict = {
  url: 'https://farm.example/a',
  checkedAt: '2025-10-22T16:00:00Z',
  librarySize: 12,
  verdict: rewriteVerdict,
};

const none: TabVerdict = { ...rewrite, title: 'Moscow worried', verdict: { kind: 'none', reason: 'no article in the library shares its sentences' } };

const NOW = Date.parse('2025-10-22T16:01:00Z');
const lookup = lookupProgress;
const candidates: LookupProgress['candidates'] = [
  { url: 'https://www.cnbc.com/b', title: 'Trump and Putin talks', site: 'cnbc.com', result: 'not-source' },
  { url: 'https://www.bbc.co.uk/news/c', title: 'Summit on hold', site: 'bbc.co.uk', result: 'failed' },
  { url: 'https://apnews.com/d', title: 'Budapest summit', site: 'apnews.com' },
];
const statusOf = (root: HTMLElement) => root.querySelector('[data-role=lookup-status]')!;
const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('button[data-role=lookup-start]');

describe('popup view', () => {
  it('names and links the original, and shows page text as text', () => {
    const root = document.getElementById('app')!;
    renderPopup(root, rewrite);
    expect(root.dataset.verdict).toBe('uncredited-rewrite');
    const link = root.querySelector('a[data-original-url]')!;
    expect(link.getAttribute('href')).toBe('https://www.cnbc.com/a');
    expect(link.getAttribute('data-original-url')).toBe('https://www.cnbc.com/a');
    expect(root.textContent).toContain('CNBC');
    expect(root.textContent).toContain('Unspun found no credit to CNBC on this page');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });
  it('refuses non-http links from the verdict', () => {
    const root = document.getElementById('app')!;
    const hostile = structuredClone(rewrite);
    hostile.verdict.original!.url = 'javascript:alert(1)';
    renderPopup(root, hostile);
    expect(root.querySelector('a[data-original-url]')!.getAttribute('href')).toBeNull();
  });
  it('says in plain words what was found', () => {
    const root = freshRoot();
    const told = structuredClone(rewrite);
    told.verdict.reason = "retells CNBC's article in its order: 14 of its 18 sentences follow the original's";
    renderPopup(root, told);
    expect(root.querySelector('.reason')!.textContent).toBe("This page retells CNBC's article in its order: 14 of its 18 sentences follow the original's.");
  });
  it('names the closest article when nothing derives, with what it shares and why that is not enough', () => {
    const root = freshRoot();
    const { original, evidence } = rewrite.verdict;
    renderPopup(root, {
      ...rewrite,
      verdict: { kind: 'none', nearest: original, evidence, reason: "2 of its sentences match CNBC's article word for word or nearly: too few for a copy" },
    });
    expect(root.dataset.verdict).toBe('none');
    expect(root.textContent).toContain('Nothing to report');
    expect(root.querySelector('.nearest a')!.getAttribute('href')).toBe('https://www.cnbc.com/a');
    expect(root.querySelector('.reason')!.textContent).toBe("2 of its sentences match CNBC's article word for word or nearly: too few for a copy.");
    const details = root.querySelector<HTMLDetailsElement>('details.evidence')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('Russia scrambled.');
    // Without a nearest article, no evidence section.
    renderPopup(root, { ...rewrite, verdict: { kind: 'none', reason: 'no article in the library shares its sentences' } });
    expect(root.querySelector('.nearest')).toBeNull();
  });
  it('gives a short status for other verdicts', () => {
    const root = document.getElementById('app')!;
    renderPopup(root, { ...rewrite, verdict: { kind: 'none', reason: 'no article in the library shares its sentences' } });
    expect(root.dataset.verdict).toBe('none');
    // The library count is the library page's (storage-info), not the record's index size.
    expect(root.textContent).not.toContain('12 articles');
    renderPopup(root, none, { libraryArticles: 6 });
    expect(root.querySelector('[data-role=library-count]')!.textContent).toContain('6 articles');
    renderPopup(root, undefined);
    expect(root.dataset.verdict).toBe('unchecked');
  });

  it('offers a lookup on every article state, not on a page that is not one or was not checked', () => {
    const root = freshRoot();
    const { original, evidence } = rewriteVerdict;
    const verdicts: Verdict[] = [
      { kind: 'none', reason: 'no article in the library shares its sentences' },
      rewriteVerdict,
      { ...rewriteVerdict, kind: 'credited', credit: { kind: 'link', detail: original.url } },
      { ...rewriteVerdict, kind: 'disputed', dispute: { page: {}, other: {}, why: 'unsettled' } },
      originalVerdict([original], { score: 0.9, evidence }),
    ];
    for (const verdict of verdicts) {
      const kind = verdict.kind;
      renderPopup(root, { ...rewrite, verdict });
      expect(button(root)?.textContent, kind).toBe('Look for the original');
      expect(button(root)!.disabled).toBe(false);
    }
    renderPopup(root, { ...rewrite, verdict: { kind: 'not-article', reason: 'not readerable' } });
    expect(button(root)).toBeNull();
    renderPopup(root, undefined);
    expect(button(root)).toBeNull();
  });

  it('shows each lookup phase in one live region, with the button disabled while it runs', () => {
    const root = freshRoot();
    renderPopup(root, { ...none, lookup: lookup({}) }, {}, NOW);
    const live = statusOf(root);
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Searching GDELT…');
    expect(button(root)!.disabled).toBe(true);

    renderPopup(root, { ...none, lookup: lookup({ phase: 'fetching', candidates }) }, {}, NOW);
    expect(statusOf(root)).toBe(live); // the same node: a screen reader announces its changes
    expect(live.textContent).toBe('Fetching 3 candidates…');
    expect(root.textContent).toContain('Summit on hold');

    renderPopup(root, { ...none, lookup: lookup({ phase: 'done', outcome: 'not-found', candidates, finishedAt: '2025-10-22T16:00:50Z' }) }, {}, NOW);
    expect(live.textContent).toBe('No earlier version found in GDELT between 1 Oct 2025 and 22 Oct 2025.');
    const tried = [...root.querySelectorAll('[data-role=lookup-candidates] li')].map((li) => li.textContent);
    expect(tried).toEqual([
      'Trump and Putin talks · cnbc.com · not the source',
      'Summit on hold · bbc.co.uk · could not be fetched',
      'Budapest summit · apnews.com · not fetched',
    ]);
    expect(button(root)!.disabled).toBe(false);

    renderPopup(root, { ...none, lookup: lookup({ phase: 'done', outcome: 'error', message: 'GDELT answered HTTP 429' }) }, {}, NOW);
    expect(live.textContent).toBe('The lookup in GDELT failed: GDELT answered HTTP 429');
  });

  it('tells how a lookup that found something ended, beside the new verdict', () => {
    const root = freshRoot();
    const done = (outcome: LookupProgress['outcome']) => lookup({ phase: 'done', outcome, candidates: [{ ...candidates[0]!, result: 'source' }] });
    renderPopup(root, { ...rewrite, lookup: done('found-uncredited') }, {}, NOW);
    expect(statusOf(root).textContent).toBe('Found an earlier version in GDELT: this page rewrites it without credit.');
    expect(root.querySelector('a[data-original-url]')!.getAttribute('href')).toBe('https://www.cnbc.com/a');
    expect(root.querySelector('[data-role=lookup-candidates]')!.textContent).toContain('the source');
    renderPopup(
      root,
      {
        ...rewrite,
        verdict: { ...rewriteVerdict, kind: 'credited', credit: { kind: 'link', detail: rewriteVerdict.original.url } },
        lookup: done('found-credited'),
      },
      {},
      NOW,
    );
    expect(statusOf(root).textContent).toBe('Found the original in GDELT: this page credits it.');
    renderPopup(root, { ...rewrite, lookup: done('disputed') }, {}, NOW);
    expect(statusOf(root).textContent).toBe('Found a copy in GDELT, but which came first is disputed.');
  });

  it('does not leave the button disabled by a lookup that never finished', () => {
    const root = freshRoot();
    renderPopup(root, { ...none, lookup: lookup({ startedAt: '2025-10-22T15:00:00Z' }) }, {}, NOW);
    expect(button(root)!.disabled).toBe(false);
    expect(statusOf(root).textContent).toBe('The lookup in GDELT did not finish.');
  });

  it('shows a disputed verdict: both copies, their claimed and observed times, the other linked, and why', () => {
    const root = freshRoot();
    renderPopup(root, {
      ...rewrite,
      title: 'Moscow anxious after talks stall',
      verdict: {
        ...rewriteVerdict,
        kind: 'disputed',
        dispute: {
          page: { claimed: '2025-10-21T06:00:00Z', observed: '2025-10-22T09:00:00Z', observedBy: 'first read by you' },
          other: { claimed: '2025-10-22T06:47:32Z', observed: '2025-10-22T07:10:00Z', observedBy: 'GDELT' },
          why: 'This page claims an earlier date, but GDELT saw the other copy first.',
        },
      },
    });
    expect(root.dataset.verdict).toBe('disputed');
    expect(root.querySelector('h1')!.textContent).toBe('Which came first is disputed');
    const link = root.querySelector('a[data-original-url]')!;
    expect(link.getAttribute('href')).toBe('https://www.cnbc.com/a');
    const copies = [...root.querySelectorAll('.copy')].map((c) => c.textContent!);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toContain('Moscow anxious after talks stall');
    expect(copies[0]).toContain('(first read by you)');
    expect(copies[1]).toContain('CNBC');
    expect(copies[1]).toContain('(GDELT)');
    expect(copies[1]).toMatch(/Claims to be published: .*2025/);
    expect(root.textContent).toContain('GDELT saw the other copy first.');
  });
});

/** The real extension-page host over the fake browser, with the popup's own calls stubbed. */
const popupHost = (): PopupHost => ({
  ...browserUiHost(),
  openLibrary: async () => {},
  reloadTab: async () => {},
  needsReload: async () => false,
  watchSettings: () => () => {},
});
/** The popup also asks for the settings and the library count; these tests look at the rest. */
const isLookup = (msg: unknown) => (msg as { type?: string }).type === 'unspun/lookup';

describe('popup controller', () => {
  const requested: unknown[] = [];
  let grant = true;
  beforeEach(() => {
    fakeBrowser.reset();
    requested.length = 0;
    grant = true;
    // The fake browser has no permission prompt: record what is asked, answer as the user would.
    vi.spyOn(browser.permissions, 'request').mockImplementation(async (p) => (requested.push(p), grant));
  });

  it("sends the lookup request for its tab, and redraws as the tab's record changes", async () => {
    const root = freshRoot();
    await saveTabVerdict(7, none);
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (msg: unknown) => {
      if (!isLookup(msg)) return { ok: false, error: 'not in this test' };
      received.push(msg);
      await saveTabVerdict(7, { ...none, lookup: lookup({ startedAt: new Date().toISOString() }) });
      return { ok: true };
    });
    const stop = await mountPopup(root, 7, popupHost());
    expect(root.dataset.ready).toBe('1');
    expect(root.dataset.verdict).toBe('none');
    button(root)!.click();
    await vi.waitFor(() => expect(statusOf(root).textContent).toBe('Searching GDELT…'));
    expect(received).toEqual([{ type: 'unspun/lookup', tabId: 7 }]);
    expect(requested).toEqual([{ origins: ['http://*/*', 'https://*/*'] }]);
    expect(button(root)!.disabled).toBe(true);

    // The original arrives while the popup is open.
    const found = lookup({ phase: 'done', outcome: 'found-uncredited', startedAt: new Date().toISOString() });
    await saveTabVerdict(7, { ...rewrite, lookup: found });
    expect(root.dataset.verdict).toBe('uncredited-rewrite');
    expect(root.querySelector('a[data-original-url]')!.getAttribute('href')).toBe('https://www.cnbc.com/a');
    expect(button(root)!.disabled).toBe(false);
    // Another tab's record changes nothing.
    await saveTabVerdict(8, none);
    expect(root.dataset.verdict).toBe('uncredited-rewrite');
    stop();
  });

  it('sends nothing when the user refuses the permission', async () => {
    const root = freshRoot();
    await saveTabVerdict(4, none);
    grant = false;
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (msg: unknown) => (isLookup(msg) && received.push(msg), { ok: isLookup(msg) }));
    const stop = await mountPopup(root, 4, popupHost());
    button(root)!.click();
    await vi.waitFor(() => expect(statusOf(root).textContent).toMatch(/needs your permission/));
    expect(received).toEqual([]);
    stop();
  });

  it('shows the error of a refused request', async () => {
    const root = freshRoot();
    await saveTabVerdict(3, none);
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: false, error: 'looking up originals needs permission to read any site' }));
    const stop = await mountPopup(root, 3, popupHost());
    button(root)!.click();
    await vi.waitFor(() => expect(statusOf(root).textContent).toBe('Could not look for the original: looking up originals needs permission to read any site'));
    expect(button(root)!.disabled).toBe(false);
    stop();
  });
});

describe('popup: a page too complex to read', () => {
  it('says it was not checked, not that it is no article', () => {
    const root = parseHTML('<div id="app"></div>').document.getElementById('app') as unknown as HTMLElement;
    renderPopup(root, {
      url: 'https://x.example/a',
      checkedAt: '2025-10-22T00:00:00Z',
      librarySize: 0,
      verdict: { kind: 'not-article', reason: 'too-complex: this page is too complex to read safely' },
    });
    expect(root.textContent).toContain('too deeply to read safely');
    renderPopup(root, {
      url: 'https://x.example/a',
      checkedAt: '2025-10-22T00:00:00Z',
      librarySize: 0,
      verdict: { kind: 'not-article', reason: 'not readerable' },
    });
    expect(root.textContent).toContain('Not a news article');
  });
});
