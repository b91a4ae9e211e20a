import { describe, expect, it } from 'vitest';
import { whichCameFirst, type Appearance } from '../../src/library/provenance.ts';

const at = (iso: string, by: 'read' | 'feed' | 'index' | 'lookup') => ({ at: iso, by });

describe('whichCameFirst', () => {
  it('decides by sightings near publication (feed, index) hours apart, whatever the claims', () => {
    const page: Appearance = { claimed: '2025-01-01T00:00:00Z', observations: [at('2025-03-05T10:00:00Z', 'index')] };
    const other: Appearance = { claimed: '2025-03-04T00:00:00Z', observations: [at('2025-03-04T01:00:00Z', 'feed')] };
    expect(whichCameFirst(page, other)).toBe('other');
    expect(whichCameFirst(other, page)).toBe('page');
  });

  it('takes an article seen before the other even claims to exist as the first', () => {
    const page: Appearance = { claimed: '2025-03-10T00:00:00Z', observations: [] };
    const other: Appearance = { claimed: undefined, observations: [at('2025-03-01T00:00:00Z', 'read')] };
    expect(whichCameFirst(page, other)).toBe('other');
    expect(
      whichCameFirst({ claimed: undefined, observations: [at('2025-03-01T00:00:00Z', 'read')] }, { claimed: '2025-03-10T00:00:00Z', observations: [] }),
    ).toBe('page');
  });

  it('keeps the library article when it claims no date and both were seen by an index hours apart', () => {
    // An article without a claimed date claims nothing a sighting could beat: that it carries no date
    // is no evidence that it appeared after the page.
    const page: Appearance = { claimed: '2023-12-18T13:00:00Z', observations: [at('2023-12-18T13:00:00Z', 'index')] };
    const other: Appearance = { claimed: undefined, observations: [at('2023-12-18T10:00:00Z', 'index'), at('2026-01-01T00:00:00Z', 'lookup')] };
    expect(whichCameFirst(page, other)).toBe('other');
  });

  it("is disputed when only the page's own markup says it is older than an article an index saw appear", () => {
    const page: Appearance = { claimed: '2025-03-01T00:00:00Z', observations: [at('2025-03-09T00:00:00Z', 'read')] };
    const other: Appearance = { claimed: '2025-03-05T00:00:00Z', observations: [at('2025-03-05T00:10:00Z', 'index')] };
    expect(whichCameFirst(page, other)).toBe('disputed');
  });

  it('believes an older claim when no sighting contradicts it, and keeps the library article within a day', () => {
    const read = (iso: string) => ({ claimed: iso, observations: [at('2025-03-09T00:00:00Z', 'read')] });
    expect(whichCameFirst(read('2025-03-01T00:00:00Z'), read('2025-03-05T00:00:00Z'))).toBe('page');
    expect(whichCameFirst(read('2025-03-05T00:00:00Z'), read('2025-03-01T00:00:00Z'))).toBe('other');
    expect(whichCameFirst(read('2025-03-04T12:00:00Z'), read('2025-03-05T00:00:00Z'))).toBe('other');
    expect(whichCameFirst({ observations: [] }, { observations: [] })).toBe('other');
  });

  it('lets the texts decide what the times leave open, and calls it disputed when the two conflict', () => {
    const read = (iso: string) => ({ claimed: iso, observations: [at('2025-03-09T00:00:00Z', 'read')] });
    // Claims hours apart settle nothing: the texts say the page came first.
    expect(whichCameFirst(read('2025-03-04T14:00:00Z'), read('2025-03-04T12:00:00Z'), 'page')).toBe('page');
    // The times say the page came first too.
    expect(whichCameFirst(read('2025-03-01T00:00:00Z'), read('2025-03-05T00:00:00Z'), 'page')).toBe('page');
    // An index saw the other hours before the page, or it claims a day more: the evidence conflicts.
    const seen = (iso: string): Appearance => ({ claimed: iso, observations: [at(iso, 'index')] });
    expect(whichCameFirst(seen('2023-12-01T14:00:00Z'), seen('2023-12-01T08:00:00Z'), 'page')).toBe('disputed');
    expect(whichCameFirst(read('2025-03-05T00:00:00Z'), read('2025-03-01T00:00:00Z'), 'page')).toBe('disputed');
  });
});
