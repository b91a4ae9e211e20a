// @vitest-environment happy-dom
// "This is wrong" in the popup: offered on every verdict that names an article, with the page's
// library id and the named article's id; the trust switch follows the stored corrections; the Undo
// after a correction is named after what it takes back.
import { describe, expect, it, vi } from 'vitest';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { renderPopup, type PopupActions } from '../../src/ui/popup-view.ts';
import { evidence, original as cnbc, rewriteRecord } from './popup-fixtures.ts';

// Library ids as the background gives them: the page's and the named article's.
const original = { ...cnbc, id: 'https://cnbc.com/a' };
const rewrite: TabVerdict = { ...rewriteRecord(original), url: 'https://www.news.farm.example/a/', librarySize: 9 };
const actions = (): PopupActions => ({
  openLibrary: vi.fn(),
  setPaused: vi.fn(),
  excludeSite: vi.fn(),
  recheck: vi.fn(),
  notDerived: vi.fn(),
  trustSite: vi.fn(),
});
const settings = { paused: false, excludedSites: [] };
const q = (root: HTMLElement, role: string) => root.querySelector<HTMLElement>(`[data-role=${role}]`)!;
const button = (root: HTMLElement, role: string) => q(root, role) as HTMLButtonElement;

describe('"This is wrong" in the popup', () => {
  it('offers both corrections on an uncredited rewrite, with the ids and titles the list needs', () => {
    const root = document.createElement('main');
    const a = actions();
    renderPopup(root, { ...rewrite, articleId: 'https://news.farm.example/a' }, { settings, actions: a });
    const wrong = q(root, 'wrong') as HTMLDetailsElement;
    expect(wrong.hidden).toBe(false);
    expect(wrong.querySelector('summary')?.textContent).toBe('This is wrong');
    expect(button(root, 'not-derived').textContent).toBe("This page is not from CNBC's article");
    expect(button(root, 'trust-site').textContent).toBe('Trust farm.example: never flag its articles');
    button(root, 'not-derived').click();
    expect(a.notDerived).toHaveBeenCalledWith(
      { page: 'https://news.farm.example/a', original: 'https://cnbc.com/a', pageTitle: 'Moscow worried', originalTitle: 'Russia was smug' },
      'CNBC',
    );
    button(root, 'trust-site').click();
    expect(a.trustSite).toHaveBeenCalledWith('farm.example', true);
  });

  it("names the page by its address when the record has no library id; 'none' with a nearest article offers it; a trusted site can be untrusted", () => {
    const root = document.createElement('main');
    const a = actions();
    const none: TabVerdict = { ...rewrite, verdict: { kind: 'none', reason: 'you marked farm.example as trusted', nearest: original, evidence } };
    renderPopup(root, none, { settings, actions: a, trustedSites: ['farm.example'] });
    expect(q(root, 'wrong').hidden).toBe(false);
    expect(button(root, 'trust-site').textContent).toBe('Stop trusting farm.example');
    button(root, 'trust-site').click();
    expect(a.trustSite).toHaveBeenCalledWith('farm.example', false);
    button(root, 'not-derived').click();
    expect(a.notDerived).toHaveBeenCalledWith(expect.objectContaining({ page: 'https://news.farm.example/a' }), 'CNBC');
  });

  it('is not offered where no article is named, nor without the actions', () => {
    for (const verdict of [
      { kind: 'none', reason: 'no article in the library shares its sentences' },
      { kind: 'not-article', reason: 'not readerable' },
      { kind: 'original', derivatives: [original] },
    ] as TabVerdict['verdict'][]) {
      const root = document.createElement('main');
      renderPopup(root, { ...rewrite, verdict }, { settings, actions: actions() });
      expect(q(root, 'wrong').hidden, verdict.kind).toBe(true);
    }
    const root = document.createElement('main');
    renderPopup(root, rewrite, { settings });
    expect(q(root, 'wrong').hidden).toBe(true);
  });

  it('shows an Undo named after what it takes back, only after a correction', () => {
    const root = document.createElement('main');
    const run = vi.fn();
    renderPopup(root, rewrite, { settings, actions: actions() });
    expect(button(root, 'undo').hidden).toBe(true);
    renderPopup(root, rewrite, { settings, actions: actions(), undo: { label: "Undo: this page is not from CNBC's article", run }, said: { text: 'Done.' } });
    expect(button(root, 'undo').hidden).toBe(false);
    expect(button(root, 'undo').getAttribute('aria-label')).toBe("Undo: this page is not from CNBC's article");
    button(root, 'undo').click();
    expect(run).toHaveBeenCalledOnce();
    expect(q(root, 'popup-status').textContent).toBe('Done.');
  });
});
