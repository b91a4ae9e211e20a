import { describe, expect, it } from 'vitest';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';

// Pages written from one outlet's facts that come close to a rule without reaching it: the verdict
// stays `none`, and the reason says what the reader can see in the evidence, that the page follows
// the article's order in places and may retell its reporting.
const asPage = (id: string) => {
  const d = corpusDoc(id);
  return pageToCheck(d.url, d.body, { published: d.published });
};

describe('a page close to a retelling of the nearest article', () => {
  it('says it may retell the reporting of a retold page that falls short of a rule (8c6685fcd8-independent-b)', () => {
    const story = '8c6685fcd8fabb9632d6c49412e753ec';
    const { verdict } = checkPage(asPage('8c6685fcd8-independent-b'), corpusLibraryOf(story));
    expect(verdict.kind).toBe('none');
    expect(verdict.nearest?.id).toBe(story);
    expect(verdict.reason).toMatch(
      /^\d+ of its sentences resemble fastcompany\.com's article and \d+ follow its order: it may retell fastcompany\.com's reporting, but not closely enough to call this page a rewrite of it$/,
    );
    expect(verdict.reasonMessage?.key).toBe('reasonCloseRetelling');
  });

  it('keeps the plain reason for a page far from every rule (a same-facts report told its own way)', () => {
    const story = 'a43382be7d901c2436f871052cfed9ba';
    const { verdict } = checkPage(asPage('a43382be7d-independent-b'), corpusLibraryOf(story));
    expect(verdict.kind).toBe('none');
    expect(verdict.reason).toMatch(/too few or too scattered to call this page a rewrite of it$/);
  });
});
