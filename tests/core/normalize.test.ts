import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize.ts';

describe('normalizeText', () => {
  it('unifies quotes, apostrophes, dashes and spaces', () => {
    expect(normalizeText('“Moscow’s  worried” — Peskov\u00a0said')).toBe('"Moscow\'s worried" - Peskov said');
  });
  test.prop([fc.string({ unit: 'binary' })])('is idempotent', (s) => {
    expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });
});
