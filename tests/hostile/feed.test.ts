import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { FEED_LIMITS } from '../../src/feeds/types.ts';
import { escapeBareAmpersands } from '../../src/feeds/xml.ts';
import { BUDGET_MS, timed, unclosedCdataFeed } from './inputs.ts';

/** The regex this replaced: quadratic on unclosed `<![CDATA[` (kept as the oracle of its results). */
function escapeBareAmpersandsByRegex(text: string): string {
  if (!text.includes('&')) return text;
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g, '&amp;')))
    .join('');
}

describe('defect 1: unclosed CDATA in a feed', () => {
  it('parseFeed reads a 5 MB feed of one &amp; and unclosed <![CDATA[ well under a second, and refuses it', () => {
    const feed = unclosedCdataFeed();
    expect(feed.length).toBeGreaterThan(5_000_000);
    expect(feed.length).toBeLessThanOrEqual(FEED_LIMITS.maxChars);
    const { ms, value } = timed(() => parseFeed(feed, 'https://feeds.example.com/rss'));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.error).toMatch(/not well-formed/);
  });

  it('escapeBareAmpersands alone is linear on the same input', () => {
    const feed = unclosedCdataFeed();
    const { ms, value } = timed(() => escapeBareAmpersands(feed));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value).toBe(feed); // its one & starts an entity; the unclosed sections are text
  });

  it('still leaves closed CDATA alone and escapes bare & around it', () => {
    expect(escapeBareAmpersands('a & b<![CDATA[ x & y ]]>c &amp; d & e<![CDATA[ & ')).toBe('a &amp; b<![CDATA[ x & y ]]>c &amp; d &amp; e<![CDATA[ &amp; ');
  });

  fcTest.prop([
    fc.array(fc.constantFrom('&', '&amp;', '&#38;', '&x', '<![CDATA[', ']]>', ']]', 'a', ' ', ';', '<t>', '#'), { maxLength: 40 }).map((a) => a.join('')),
  ])('gives what the regex gave, on any mix of &, entities and CDATA', (text) => {
    expect(escapeBareAmpersands(text)).toBe(escapeBareAmpersandsByRegex(text));
  });
});
