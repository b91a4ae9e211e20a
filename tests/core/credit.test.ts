import { describe, expect, it } from 'vitest';
import { findCredit, type CreditSignals } from '../../src/core/credit.ts';

const original = { url: 'https://www.cnbc.com/2025/10/22/story.html', siteName: 'CNBC' };
const signals = (over: Partial<CreditSignals>): CreditSignals => ({ declaredSources: [], links: [], paragraphs: [], ...over });

describe('findCredit', () => {
  it('accepts a canonical or declared source on the original site', () => {
    expect(findCredit(signals({ canonicalUrl: 'https://cnbc.com/2025/10/22/story.html' }), original)?.kind).toBe('canonical');
    expect(findCredit(signals({ declaredSources: ['https://www.cnbc.com/x'] }), original)?.kind).toBe('meta');
  });
  it('accepts a body link to the original site', () => {
    expect(findCredit(signals({ links: [{ href: 'https://www.cnbc.com/2025/10/22/story.html', text: 'Source: CNBC' }] }), original)?.kind).toBe('link');
  });
  it('accepts an attribution line naming the outlet, in several languages', () => {
    for (const line of ['This story was originally published by CNBC.', 'Source: CNBC', 'Publicado originalmente por CNBC.', 'Quelle: CNBC', '© CNBC 2025']) {
      expect(findCredit(signals({ paragraphs: ['Body text.', line] }), original)?.kind, line).toBe('attribution');
    }
  });
  it('does not take a bare mention of the outlet as credit', () => {
    expect(findCredit(signals({ paragraphs: ['CNBC and Reuters reported similar figures last year.'] }), original)).toBeUndefined();
    expect(findCredit(signals({ links: [{ href: 'https://www.reuters.com/x', text: 'Reuters' }] }), original)).toBeUndefined();
  });
});
