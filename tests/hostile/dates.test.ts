import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/dates.ts';
import { BUDGET_MS, IMPOSSIBLE_OFFSET, timed } from './inputs.ts';

describe('defect 10: impossible time-zone offsets', () => {
  it(`refuses ${IMPOSSIBLE_OFFSET} (it was read as four days earlier)`, () => {
    expect(parseDate(IMPOSSIBLE_OFFSET)).toBeUndefined();
  });

  it('refuses minutes over 59 and offsets beyond −12:00 and +14:00, in every form', () => {
    for (const s of [
      '2019-11-19T10:00:00+05:60',
      '2019-11-19T10:00:00+1500',
      '2019-11-19T10:00:00-13:00',
      '2019-11-19T10:00:00+99',
      'Tue, 19 Nov 2019 08:00:00 +9999',
      'November 19, 2019 10:07 -2400',
    ]) {
      expect(parseDate(s), s).toBeUndefined();
    }
  });

  it('still reads every real offset', () => {
    expect(parseDate('2019-11-19T10:00:00+14:00')).toBe('2019-11-18T20:00:00.000Z');
    expect(parseDate('2019-11-19T10:00:00-12:00')).toBe('2019-11-19T22:00:00.000Z');
    expect(parseDate('2019-11-19T10:00:00+05:45')).toBe('2019-11-19T04:15:00.000Z');
    expect(parseDate('2019-11-19T10:00:00-0330')).toBe('2019-11-19T13:30:00.000Z');
    expect(parseDate('Tue, 19 Nov 2019 08:00:00 +0100')).toBe('2019-11-19T07:00:00.000Z');
    expect(parseDate('2019-11-19T10:00:00+00')).toBe('2019-11-19T10:00:00.000Z');
  });

  it('reads no date from long text, quickly (a trailing comment once took seconds on "((((…")', () => {
    for (const s of ['('.repeat(100_000), ' ('.repeat(100_000), `2019-11-19 ${'x'.repeat(100_000)}`]) {
      const { ms, value } = timed(() => parseDate(s));
      expect(ms).toBeLessThan(BUDGET_MS);
      expect(value).toBeUndefined();
    }
  });
});
