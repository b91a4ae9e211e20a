import { beforeEach, describe, expect, it } from 'vitest';
import { findCredit } from '../../src/core/credit.ts';
import { normalizeUrl, registrableDomain, siteOf } from '../../src/core/site.ts';
import { checkReadArticle } from '../../src/ext/check-article.ts';
import { articleIdFor, readArticle, type ReadArticle } from '../../src/library/page.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { bundleOrigins, feedOrigins } from '../../src/feeds/default-feeds.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { feedOrigins as sourcesFeedOrigins } from '../../src/ui/sources-view.ts';
import { libraryArticle, pageToCheck } from '../helpers.ts';
import { freshExtension } from '../setup-extension.ts';

/**
 * Defect 6: sites under a shared public suffix (github.io, blogspot.com, netlify.app) were one
 * site, so a page on attacker.github.io with `rel=canonical` to victim.github.io/story took the
 * victim's library id and replaced its sentences and URL. Inputs built in code.
 */

const VICTIM_TEXT = [
  'The volunteer fire brigade of Lower Ashby received a new pumper truck on Saturday after a three-year fundraising campaign by local residents.',
  'The truck, which cost about $410,000, replaces a 1987 model that failed its safety inspection in the spring and had to be taken out of service.',
  'Chief Ellen Marsh said the brigade answered 212 calls last year, most of them road accidents on the highway that runs through the village.',
  'Donations came from bake sales, a charity football match against the neighbouring town and a grant of $150,000 from the county council.',
  'The old truck will be sold to a museum of firefighting in the state capital, where it will be restored and put on display next year.',
].join('\n');
const ATTACKER_TEXT = [
  'Buy cheap followers now with our limited offer, the best deals on the internet for growing your audience overnight.',
  'Thousands of customers trust our service and report huge gains in engagement within the first week of using it.',
].join('\n');

const SUFFIXES = [
  ['github.io', 'https://victim.github.io/story/', 'https://attacker.github.io/story/'],
  ['blogspot.com', 'https://victim.blogspot.com/2025/03/story.html', 'https://attacker.blogspot.com/2025/03/story.html'],
  ['netlify.app', 'https://victim.netlify.app/story', 'https://attacker.netlify.app/story'],
] as const;

/** The article a content script sends, as the background reads it. */
function message(url: string, body: string, canonicalUrl?: string): ReadArticle {
  return readArticle({ url, canonicalUrl, title: 'title', paragraphs: body.split('\n'), links: [], declaredSources: [] });
}

describe('siteOf uses the Public Suffix List', () => {
  it.each([
    ['https://www.cnbc.com/2025/a.html', 'cnbc.com'],
    ['https://news.bbc.co.uk/x', 'bbc.co.uk'],
    ['https://www.abc.net.au/news', 'abc.net.au'],
    ['https://alice.github.io/post', 'alice.github.io'],
    ['https://blog.alice.github.io/post', 'alice.github.io'],
    ['https://foo.blogspot.com/', 'foo.blogspot.com'],
    ['https://x.netlify.app/', 'x.netlify.app'],
    ['https://city.kawasaki.jp/', 'city.kawasaki.jp'],
    ['https://github.io/', 'github.io'],
    ['http://127.0.0.1:8080/a', '127.0.0.1'],
    ['http://localhost/a', 'localhost'],
    ['not a url', ''],
    // The documentation domains (RFC 2606) belong to no outlet: each host under them is a site (the
    // corpus stands outlet498.example.com and outlet891.example.com for two outlets).
    ['https://outlet498.example.com/story/a', 'outlet498.example.com'],
    ['https://www.news.example.org/a', 'news.example.org'],
    ['https://m.cnbc.test/a', 'cnbc.test'],
    ['https://example.com/a', 'example.com'],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('has no registrable domain for a public suffix, an IP address or a single label', () => {
    expect(registrableDomain('github.io')).toBeUndefined();
    expect(registrableDomain('co.uk')).toBeUndefined();
    expect(registrableDomain('10.0.0.1')).toBeUndefined();
    expect(registrableDomain('localhost')).toBeUndefined();
  });
});

describe.each(SUFFIXES)('two sites under %s', (_suffix, victim, attacker) => {
  beforeEach(freshExtension);

  it('are different sites', () => {
    expect(siteOf(victim)).not.toBe(siteOf(attacker));
  });

  it("a page's canonical URL on the other site does not give it the other's library id", () => {
    expect(articleIdFor(attacker, victim)).toBe(normalizeUrl(attacker));
    expect(articleIdFor(victim + '?utm_source=x', victim)).toBe(normalizeUrl(victim));
  });

  it("cannot overwrite the other's library entry through its canonical URL", async () => {
    const library = new LibraryService();
    await checkReadArticle(message(victim, VICTIM_TEXT), library, new Date('2025-03-01T10:00:00Z'));
    await checkReadArticle(message(attacker, ATTACKER_TEXT, victim), library, new Date('2025-03-02T10:00:00Z'));
    const stored = await library.get(normalizeUrl(victim));
    expect(stored?.url).toBe(victim);
    expect(stored?.sentences.join(' ')).toContain('pumper truck');
    expect(stored?.firstSeen).toBe('2025-03-01T10:00:00.000Z');
    const own = await library.get(normalizeUrl(attacker));
    expect(own?.url).toBe(attacker);
  });

  it('a copy on one is flagged against the other\'s original (it is no longer "the same site")', () => {
    const index = new LibraryIndex();
    index.add(libraryArticle('victim', victim, VICTIM_TEXT));
    const { verdict } = checkPage(pageToCheck(attacker, VICTIM_TEXT), index);
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(verdict.original?.url).toBe(victim);
  });

  it("a link to a third site under the suffix is no credit to the original; a link to the original's site is", () => {
    const original = { url: victim };
    const third = victim.replace('victim', 'someone-else');
    expect(findCredit({ declaredSources: [], paragraphs: [], links: [{ href: third, text: 'source' }] }, original)).toBeUndefined();
    expect(findCredit({ declaredSources: [], paragraphs: [], links: [{ href: victim, text: 'source' }] }, original)?.kind).toBe('link');
  });
});

describe('articles stored before', () => {
  beforeEach(freshExtension);

  it('get their site recomputed when the library loads (github.io was one site then)', async () => {
    const library = new LibraryService();
    const old = libraryArticle('https://alice.github.io/post', 'https://alice.github.io/post', VICTIM_TEXT, { site: 'github.io' });
    await library.store.put(old);
    expect((await library.index()).get(old.id)?.site).toBe('alice.github.io');
    expect((await library.get(old.id))?.site).toBe('alice.github.io');
    // A page on another github.io site is no longer "the same site" as it, and is checked against it.
    const page = pageToCheck('https://bob.github.io/post', VICTIM_TEXT);
    expect(checkPage(page, await library.candidatesFor(page)).verdict.kind).toBe('uncredited-rewrite');
  });
});

describe('feed host permissions follow registrable domains', () => {
  it.each([
    ['https://alice.github.io/feed.xml', 'alice.github.io'],
    ['https://foo.blogspot.com/feeds/posts/default', 'foo.blogspot.com'],
    ['https://x.netlify.app/rss.xml', 'x.netlify.app'],
  ])('a feed on %s asks for its own site, never the whole suffix', (url, site) => {
    for (const origins of [feedOrigins({ url }), sourcesFeedOrigins(url)]) {
      expect(origins).toContain(`https://*.${site}/*`);
      expect(origins.some((o) => /\/\/\*\.(github\.io|blogspot\.com|netlify\.app)\//.test(o))).toBe(false);
    }
  });

  it('leaves out an article site that is a public suffix, and asks only for the host of an IP address', () => {
    expect(feedOrigins({ url: 'https://alice.github.io/feed.xml', articleSites: ['github.io', 'bbc.com'] })).toEqual([
      'https://alice.github.io/*',
      'http://*.alice.github.io/*',
      'https://*.alice.github.io/*',
      'http://*.bbc.com/*',
      'https://*.bbc.com/*',
    ]);
    expect(feedOrigins({ url: 'http://192.168.1.20:8080/feed' })).toEqual(['http://192.168.1.20/*']);
  });

  it('still asks for the BBC feed host and both BBC sites', () => {
    expect(bundleOrigins()).toEqual(expect.arrayContaining(['https://feeds.bbci.co.uk/*', 'https://*.bbc.co.uk/*', 'https://*.bbc.com/*']));
  });
});
