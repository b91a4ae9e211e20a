import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_ARTICLES_RANGE, mergeSettings } from '../../src/ext/settings-schema.ts';

describe('the library size setting', () => {
  it('takes a whole number of articles within the range, and keeps the current value otherwise', () => {
    expect(DEFAULT_SETTINGS.maxArticles).toBe(100_000);
    expect(mergeSettings(DEFAULT_SETTINGS, { maxArticles: 25_000 }).maxArticles).toBe(25_000);
    for (const bad of [MAX_ARTICLES_RANGE[0] - 1, MAX_ARTICLES_RANGE[1] + 1, 5000.5, Number.NaN, '5000' as unknown as number]) {
      expect(mergeSettings(DEFAULT_SETTINGS, { maxArticles: bad }).maxArticles).toBe(100_000);
    }
  });
});
