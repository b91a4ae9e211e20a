import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, feedHostPattern, feedHostPatterns } from '../../src/feeds/default-feeds.ts';

describe('default feeds', () => {
  it('lists a few dozen feeds, all off, with unique ids and URLs and an outlet name', () => {
    expect(DEFAULT_FEEDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEFAULT_FEEDS.map((f) => f.id)).size).toBe(DEFAULT_FEEDS.length);
    expect(new Set(DEFAULT_FEEDS.map((f) => f.url)).size).toBe(DEFAULT_FEEDS.length);
    for (const f of DEFAULT_FEEDS) {
      expect(f.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.outlet.trim()).not.toBe('');
      expect(f.enabled).toBe(false);
      expect(feedHostPattern(f.url)).toBeDefined();
    }
  });

  it('gives each feed host a match pattern', () => {
    expect(feedHostPattern('https://feeds.bbci.co.uk/news/rss.xml')).toBe('https://feeds.bbci.co.uk/*');
    expect(feedHostPattern('http://rss.cnn.com/rss/edition.rss')).toBe('http://rss.cnn.com/*');
    expect(feedHostPattern('https://Feeds.Example.COM:8443/x?y#z')).toBe('https://feeds.example.com/*');
    expect(feedHostPattern('ftp://a.example/feed')).toBeUndefined();
    expect(feedHostPattern('not a url')).toBeUndefined();
    const patterns = feedHostPatterns(DEFAULT_FEEDS);
    expect(patterns).toContain('https://www.cnbc.com/*');
    expect(patterns.length).toBeLessThan(DEFAULT_FEEDS.length); // several feeds share a host
    expect([...patterns].sort()).toEqual(patterns);
  });
});
