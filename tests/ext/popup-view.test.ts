import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { renderPopup } from '../../src/ui/popup-view.ts';

beforeAll(() => {
  const { window } = parseHTML('<!doctype html><html><body><main id="app"></main></body></html>');
  Object.assign(globalThis, { document: window.document, HTMLAnchorElement: window.HTMLAnchorElement });
});

const rewrite: TabVerdict = {
  url: 'https://farm.example/a',
  checkedAt: '2025-10-22T16:00:00Z',
  librarySize: 12,
  verdict: {
    kind: 'uncredited-rewrite',
    score: 0.9,
    original: { id: 'x', url: 'https://www.cnbc.com/a', title: 'Russia was smug', site: 'cnbc.com', siteName: 'CNBC', published: '2025-10-22T06:47:32Z' },
    evidence: {
      pairs: [{ page: 0, original: 0, similarity: 0.8, pageText: '<img src=x onerror=alert(1)>', originalText: 'Russia scrambled.' }],
      pageCoverage: 0.95,
      originalCoverage: 0.9,
      orderedCoverage: 0.95,
      chainedCoverage: 0.9,
      strongChainedPairs: 20,
      strongOwnWordsInOrder: 15,
      novelNameShare: 0,
    },
  },
};

describe('popup view', () => {
  it('names and links the original, and shows page text as text', () => {
    const root = document.getElementById('app')!;
    renderPopup(root, rewrite);
    expect(root.dataset.verdict).toBe('uncredited-rewrite');
    const link = root.querySelector('a[data-original-url]')!;
    expect(link.getAttribute('href')).toBe('https://www.cnbc.com/a');
    expect(link.getAttribute('data-original-url')).toBe('https://www.cnbc.com/a');
    expect(root.textContent).toContain('CNBC');
    expect(root.textContent).toContain('No credit to CNBC found');
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
  it('gives a short status for other verdicts', () => {
    const root = document.getElementById('app')!;
    renderPopup(root, { ...rewrite, verdict: { kind: 'none', score: 0 } });
    expect(root.dataset.verdict).toBe('none');
    expect(root.textContent).toContain('Library: 12 articles');
    renderPopup(root, undefined);
    expect(root.dataset.verdict).toBe('unchecked');
  });
});
