import { describe, expect, it } from 'vitest';
import {
  correctionsFor,
  MAX_CORRECTIONS,
  NO_CORRECTIONS,
  parseCorrections,
  withNotDerived,
  withoutCorrection,
  withTrustedSite,
} from '../../src/library/corrections.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { libraryArticle, pageToCheck, seedRewriteBody, seedText } from '../helpers.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';
const AT = '2026-12-02T10:00:00.000Z';

function seed() {
  const body = seedRewriteBody();
  const index = new LibraryIndex();
  index.add(libraryArticle('cnbc', CNBC, seedText('original-cnbc'), { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }));
  return { index, page: pageToCheck(FARM, body, { published: '2025-10-22T15:10:00Z' }) };
}

describe('corrections', () => {
  it('keeps well-formed entries of whatever storage holds, drops the rest, and bounds their number', () => {
    expect(parseCorrections(undefined)).toEqual(NO_CORRECTIONS);
    expect(parseCorrections('nonsense')).toEqual(NO_CORRECTIONS);
    const parsed = parseCorrections({
      notDerived: [
        { page: 'p', original: 'o', at: AT, pageTitle: 'A page' },
        { page: '', original: 'o', at: AT },
        { page: 'p', original: 'o2', at: 'yesterday' },
        null,
        7,
      ],
      trustedSites: [
        { site: 'example.org', at: AT },
        { site: 3, at: AT },
      ],
    });
    expect(parsed).toEqual({ notDerived: [{ page: 'p', original: 'o', at: AT, pageTitle: 'A page' }], trustedSites: [{ site: 'example.org', at: AT }] });
    const many = { notDerived: Array.from({ length: MAX_CORRECTIONS + 10 }, (_, i) => ({ page: `p${i}`, original: 'o', at: AT })), trustedSites: [] };
    const kept = parseCorrections(many).notDerived;
    expect(kept).toHaveLength(MAX_CORRECTIONS);
    expect(kept[0]!.page).toBe('p10'); // the oldest dropped first
  });

  it('adds a correction once, and takes it back', () => {
    let c = withNotDerived(NO_CORRECTIONS, { page: 'p', original: 'o', at: AT });
    c = withNotDerived(c, { page: 'p', original: 'o', at: AT });
    c = withTrustedSite(c, { site: 'example.org', at: AT });
    expect(c.notDerived).toHaveLength(1);
    expect(correctionsFor(c, 'p', 'example.org')).toEqual({ notFrom: new Set(['o']), trustedSite: true });
    expect(correctionsFor(c, 'other', 'example.net')).toEqual({ notFrom: new Set(), trustedSite: false });
    c = withoutCorrection(withoutCorrection(c, { page: 'p', original: 'o' }), { site: 'example.org' });
    expect(c).toEqual(NO_CORRECTIONS);
  });

  it('never matches a page with an article the reader said it does not derive from', () => {
    const { index, page } = seed();
    expect(checkPage(page, index).verdict.kind).toBe('uncredited-rewrite');
    const corrected = checkPage({ ...page, corrections: { notFrom: new Set(['cnbc']), trustedSite: false } }, index);
    expect(corrected.verdict.kind).toBe('none');
    expect(corrected.matched).toBeUndefined();
    // Another article is still matched.
    expect(checkPage({ ...page, corrections: { notFrom: new Set(['elsewhere']), trustedSite: false } }, index).verdict.kind).toBe('uncredited-rewrite');
  });

  it("never flags a trusted site's page, and still shows what it resembles and why", () => {
    const { index, page } = seed();
    const { verdict, nearest } = checkPage({ ...page, corrections: { notFrom: new Set(), trustedSite: true } }, index);
    expect(verdict.kind).toBe('none');
    expect(nearest?.id).toBe('cnbc');
    expect(verdict.kind === 'none' && verdict.nearest?.url).toBe(CNBC);
    expect(verdict.reason).toMatch(/^you marked buyersinsight\.net as trusted, so its articles are never flagged \(retells CNBC's article in its order/);
  });
});
