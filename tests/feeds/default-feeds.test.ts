import { describe, expect, it } from 'vitest';
import { bundleOrigins, DEFAULT_FEEDS, FEED_BUNDLE, feedHostPattern, feedHostPatterns, feedOrigins } from '../../src/feeds/default-feeds.ts';

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

  it('names a dozen outlets for the first-run bundle, each feed a different outlet', () => {
    const feeds = FEED_BUNDLE.map((id) => DEFAULT_FEEDS.find((f) => f.id === id)!);
    expect(feeds.every(Boolean)).toBe(true);
    expect(feeds.length).toBeGreaterThanOrEqual(10);
    expect(feeds.length).toBeLessThanOrEqual(12);
    expect(new Set(feeds.map((f) => f.outlet)).size).toBe(feeds.length);
  });

  it("asks for a feed's host and the sites its articles live on, both schemes, never *://", () => {
    const bbc = DEFAULT_FEEDS.find((f) => f.id === 'bbc-top')!;
    expect(feedOrigins(bbc).sort()).toEqual(
      [
        'https://feeds.bbci.co.uk/*',
        'http://*.bbci.co.uk/*',
        'https://*.bbci.co.uk/*',
        'http://*.bbc.co.uk/*',
        'https://*.bbc.co.uk/*',
        'http://*.bbc.com/*',
        'https://*.bbc.com/*',
      ].sort(),
    );
    // A subscription stored before articleSites existed still gets them, by its URL.
    expect(feedOrigins({ url: bbc.url })).toContain('https://*.bbc.com/*');
    const all = bundleOrigins();
    expect(all).toEqual([...new Set(all)].sort());
    expect(all).toEqual(
      expect.arrayContaining([
        'https://feeds.bbci.co.uk/*',
        'https://*.bbc.co.uk/*',
        'http://*.nytimes.com/*',
        'https://*.nytimes.com/*',
        'https://*.sky.com/*',
        'https://*.npr.org/*',
      ]),
    );
    expect(all.every((o) => /^https?:\/\/[^/]+\/\*$/.test(o))).toBe(true);
  });
});
