import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { blockTexts } from '../../src/extract/blocks.ts';
import { extractArticle, MAX_DEPTH, maxElementDepth, READABILITY_HOT_METHODS, TEXT_LIMITS, TOO_COMPLEX_MESSAGE } from '../../src/extract/extract-article.ts';
import { articlePage, BUDGET_MS, deepNestingMarkup, deepNestingPage, prose, timed } from './inputs.ts';

const URL = 'https://news.example.com/2025/03/04/harbour';

describe('defect 3: an article nested deep in <div>s', () => {
  for (const depth of [2_000, 10_000]) {
    for (const closed of [false, true]) {
      it(`refuses ${depth.toLocaleString('en')} levels (${closed ? 'closed' : 'unclosed, as reported'}) as too complex, well under a second`, () => {
        if (depth === 2_000 && !closed) expect(deepNestingMarkup(depth).length).toBeLessThan(11_000); // the 11 KB of the report
        const doc = parseHtmlDocument(deepNestingPage(depth, closed));
        expect(maxElementDepth(doc.documentElement)).toBeGreaterThan(depth);
        const { ms, value } = timed(() => extractArticle(doc, URL));
        expect(ms).toBeLessThan(BUDGET_MS);
        expect(value).toMatchObject({ ok: false, reason: 'too-complex' });
        if (!value.ok) expect(value.detail).toContain(TOO_COMPLEX_MESSAGE);
        // Forced (the CLI, fetched originals) is refused the same way.
        expect(extractArticle(doc, URL, { force: true, useLayout: false })).toMatchObject({ ok: false, reason: 'too-complex' });
      });
    }
  }

  it('still reads an article nested just under the limit', () => {
    const doc = parseHtmlDocument(deepNestingPage(MAX_DEPTH - 20, true));
    expect(maxElementDepth(doc.documentElement)).toBeLessThanOrEqual(MAX_DEPTH);
    // The cost grows with the cube of the depth: about half a second here on a 2-core machine.
    const { ms, value } = timed(() => extractArticle(doc, URL));
    expect(ms).toBeLessThan(5 * BUDGET_MS);
    expect(value.ok).toBe(true);
  });

  it('measures depth without recursion, 100,000 levels deep', () => {
    const doc = parseHtmlDocument('<!doctype html><html><head></head><body></body></html>');
    let el: Element = doc.body;
    for (let i = 0; i < 100_000; i++) el = el.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
    el.append('deep text');
    const { ms, value } = timed(() => maxElementDepth(doc.documentElement));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value).toBe(100_002); // html, body, then the chain
    expect(maxElementDepth(doc.documentElement, 50)).toBe(51); // stops once past the limit
    expect(blockTexts(doc.body)).toEqual(['deep text']); // no recursion there either
  });

  it('measures depth of siblings and leaves', () => {
    const doc = parseHtmlDocument('<html><head><title>t</title></head><body><p>a</p><div><ul><li>b</li></ul></div><p>c</p></body></html>');
    expect(maxElementDepth(doc.documentElement)).toBe(5); // html > body > div > ul > li
    expect(maxElementDepth(null)).toBe(0);
  });

  it('gives Readability a time budget: many nested blocks under the depth limit stop in time', () => {
    const chain = (i: number) => '<div>'.repeat(60) + prose(3, i) + '</div>'.repeat(60);
    const doc = parseHtmlDocument(articlePage([prose(12, 1), ...Array.from({ length: 60 }, (_, i) => chain(i)), prose(12, 3)]));
    const { ms, value } = timed(() => extractArticle(doc, URL, { timeBudgetMs: 100 }));
    expect(value).toMatchObject({ ok: false, reason: 'too-complex' });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('the time budget hooks methods this Readability has', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const name of READABILITY_HOT_METHODS) expect(typeof proto[name], name).toBe('function');
  });

  it('caps the text before the rules run: a huge page gives a capped article', () => {
    const para = prose(40, 1); // ~4,400 characters
    const doc = parseHtmlDocument(articlePage(Array.from({ length: 160 }, () => para)));
    const { value } = timed(() => extractArticle(doc, URL));
    expect(value.ok).toBe(true);
    if (!value.ok) return;
    const total = value.article.paragraphs.reduce((n, p) => n + p.length, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(total).toBeLessThanOrEqual(TEXT_LIMITS.totalChars);
    expect(value.article.paragraphs.length).toBeLessThan(160);
  });
});
