import { describe, expect, it } from 'vitest';
import { findCredit, isAttributionLine, type CreditSignals } from '../../src/core/credit.ts';

const original = { url: 'https://www.cnbc.com/2025/10/22/story.html', siteName: 'CNBC' };
const signals = (over: Partial<CreditSignals>): CreditSignals => ({ declaredSources: [], links: [], paragraphs: [], ...over });
const attribution = (line: string) => findCredit(signals({ paragraphs: ['Body text.', line] }), original)?.kind;

describe('findCredit', () => {
  it('accepts a canonical or declared source on the original site', () => {
    expect(findCredit(signals({ canonicalUrl: 'https://cnbc.com/2025/10/22/story.html' }), original)?.kind).toBe('canonical');
    expect(findCredit(signals({ declaredSources: ['https://www.cnbc.com/x'] }), original)?.kind).toBe('meta');
  });
  it('accepts a body link to the original site', () => {
    expect(findCredit(signals({ links: [{ href: 'https://www.cnbc.com/2025/10/22/story.html', text: 'Source: CNBC' }] }), original)?.kind).toBe('link');
  });
  it.each([
    'This story was originally published by CNBC.',
    'This article first appeared on CNBC.',
    'Source: CNBC',
    'Reprinted with permission from CNBC.',
    '© CNBC 2025',
    'Copyright 2025 CNBC LLC. All rights reserved.',
    'Prices rose 3%, according to CNBC.',
    'Publicado originalmente por CNBC.',
    'Fuente: CNBC',
    'Según CNBC, los precios subieron.',
    'Publié initialement par CNBC.',
    "D'après CNBC, les prix ont augmenté.",
    'Quelle: CNBC',
    'Zuerst erschienen bei CNBC.',
    'Pubblicato originariamente su CNBC.',
    'Fonte: CNBC',
    'Oorspronkelijk verschenen op CNBC.',
  ])('accepts an attribution line naming the outlet: %s', (line) => {
    expect(attribution(line)).toBe('attribution');
  });
  it('does not take a bare mention of the outlet as credit', () => {
    expect(findCredit(signals({ paragraphs: ['CNBC and Reuters reported similar figures last year.'] }), original)).toBeUndefined();
    expect(findCredit(signals({ links: [{ href: 'https://www.reuters.com/x', text: 'Reuters' }] }), original)).toBeUndefined();
  });
  it("does not take a source quoted as an outlet's employee for credit to the outlet's article", () => {
    // Regression (0853c6d83c-excerpt): four pasted sentences of a NASA article passed as credited for
    // "according to David Israel, a NASA communications architect".
    expect(attribution('Experiments are now under way, according to Jane Doe, a CNBC producer.')).toBeUndefined();
    expect(attribution('Prices rose, according to Jane Doe (CNBC).')).toBeUndefined();
    expect(attribution('Prices rose 3%, according to a CNBC report.')).toBe('attribution');
    expect(attribution("Prices rose 3%, according to CNBC's Jane Doe.")).toBe('attribution');
  });
  it('does not take an attribution phrase far from a passing mention in a long paragraph', () => {
    const long =
      'CNBC was among the outlets at the briefing, where the minister spoke for an hour about the budget, the deficit, the pension reform and the long delays on the new rail line that has been promised to the northern towns for a decade, according to people who attended.';
    expect(attribution(long)).toBeUndefined();
  });
});

describe('isAttributionLine', () => {
  it.each(['Originally published by Example Wire.', 'Source: Example Wire', '© 2025 Example Wire', 'Quelle: dpa', 'Fonte: Ansa'])('%s', (line) => {
    expect(isAttributionLine(line)).toBe(true);
  });
  it.each(['According to the minister, prices rose.', 'Shared via Twitter', 'Trending now'])('not: %s', (line) => {
    expect(isAttributionLine(line)).toBe(false);
  });
});
