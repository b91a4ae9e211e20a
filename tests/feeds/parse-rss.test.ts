import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { fixture, parseOk } from './fixture.ts';

describe('RSS 2.0', () => {
  it('reads a broadcaster feed: CDATA, namespaces, ttl, tracking parameters, duplicate items', () => {
    const feed = parseOk('rss2-broadcaster.xml', 'https://feeds.broadcaster.example/news/world/rss.xml');
    expect(feed.title).toBe('Example Broadcaster News - World');
    expect(feed.siteUrl).toBe('https://www.broadcaster.example/news/world');
    expect(feed.ttlMinutes).toBe(15);
    expect(feed.items).toHaveLength(2);
    expect(feed.skipped).toBe(1); // the same article again, with #comments
    expect(feed.items[0]).toEqual({
      title: "Kremlin says summit preparations 'take time' as Budapest talks stall",
      link: 'https://www.broadcaster.example/news/articles/c5y0k1e2r3ro?at_medium=RSS&at_campaign=rss',
      published: '2025-10-22T06:47:32.000Z',
      outlet: 'Example Broadcaster News - World',
      summary: 'Moscow insists work continues after Washington signalled the meeting may not happen soon.',
      guid: 'https://www.broadcaster.example/news/articles/c5y0k1e2r3ro#0',
    });
  });

  it('gives every item the outlet name it was given, over the feed title', () => {
    const feed = parseOk('rss2-broadcaster.xml', 'https://feeds.broadcaster.example/rss.xml', { outlet: '  Broadcaster  ' });
    expect(feed.items.every((i) => i.outlet === 'Broadcaster')).toBe(true);
    expect(feed.title).toBe('Example Broadcaster News - World');
  });

  it('reads a WordPress feed: entities, HTML descriptions, content:encoded, sy:updatePeriod, "appeared first on"', () => {
    const feed = parseOk('rss2-wordpress.xml', 'https://techdaily.example/feed/');
    expect(feed.title).toBe('Tech Daily – Technology News');
    expect(feed.ttlMinutes).toBe(30); // hourly, twice
    const [a, b] = feed.items;
    expect(a!.title).toBe('Chipmaker’s profit jumps 40% on data-center demand');
    expect(a!.summary).toBe('The company said revenue rose to $12.4 billion in the quarter…');
    expect(a!.published).toBe('2025-10-21T21:30:00.000Z');
    expect(a!.guid).toBe('https://techdaily.example/?p=123456');
    // An empty description falls back to content:encoded, stripped of tags.
    expect(b!.summary).toBe('Regulators said the chargers could overheat.');
  });

  it('copes with a hand-rolled feed: relative links, xml:base, bare &, escaped HTML, missing dates', () => {
    const feed = parseOk('rss2-quirks.xml', 'https://www.localpaper.example/rss');
    expect(feed.title).toBe('The Local Paper & Gazette');
    expect(feed.siteUrl).toBe('https://www.localpaper.example/');
    const byTitle = new Map(feed.items.map((i) => [i.title, i]));
    const council = byTitle.get('Council approves new budget')!;
    expect(council.link).toBe('https://www.localpaper.example/news/2025/10/20/council-budget.html');
    expect(council.summary).toBe('The council voted 7–2. More soon.'); // the escaped <script> is dropped
    expect(council.published).toBe('2025-10-20T22:05:00.000Z'); // "Mon, 20 Oct 25 17:05 EST"
    expect(byTitle.get('Item without a link but with a permalink guid')!.link).toBe('https://www.localpaper.example/news/2025/10/19/guid-only.html');
    expect(byTitle.get('Item without a link but with a permalink guid')!.published).toBe('2025-10-19T08:00:00.000Z');
    expect(byTitle.get('Syndicated through a feed proxy')!.link).toBe('https://www.localpaper.example/news/2025/10/17/proxy.html');
    const untitled = feed.items.find((i) => i.link.endsWith('school-board.html'))!;
    expect(untitled.title.startsWith('An item with no title')).toBe(true);
    expect(untitled.title.length).toBeLessThanOrEqual(120);
    expect(untitled.published).toBeUndefined(); // "not a date"
    expect(untitled.link).toBe('https://www.localpaper.example/news/2025/10/18/school-board.html');
    expect(feed.items.some((i) => i.link.startsWith('javascript:'))).toBe(false);
    expect(feed.items.some((i) => i.title === 'Guid that is not a permalink')).toBe(false);
    expect(feed.skipped).toBe(2);
  });

  it('reads RSS 0.91 with its Netscape DOCTYPE (no internal subset)', () => {
    const feed = parseOk('rss091-netscape.xml', 'http://oldtimes.example/rss.xml');
    expect(feed.items).toEqual([
      { title: 'Venerable feed still publishes', link: 'http://oldtimes.example/story.html', outlet: 'Old Times', summary: 'Some sites never upgraded.' },
    ]);
  });

  it('drops control characters that XML forbids', () => {
    const text = fixture('rss2-quirks.xml').replace('Control char test: cafe', 'Control char test: caf\u0001e\u0008');
    const r = parseFeed(text, 'https://www.localpaper.example/rss');
    expect(r.ok && r.feed.items.some((i) => i.title === 'Control char test: cafe')).toBe(true);
  });

  it('reads namespaces by URI, not by prefix, and tolerates an undeclared dc: prefix', () => {
    const text = `<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:meta="http://purl.org/dc/elements/1.1/">
      <channel><title>T</title>
        <item><title>A</title><link>https://x.example/a</link><c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded><meta:date>2025-01-02T03:04:05Z</meta:date></item>
        <item><title>B</title><link>https://x.example/b</link><dc:date>2025-01-03T00:00:00Z</dc:date></item>
      </channel></rss>`;
    const r = parseFeed(text, 'https://x.example/rss');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.items[0]).toMatchObject({ summary: 'Body', published: '2025-01-02T03:04:05.000Z' });
    expect(r.feed.items[1]!.published).toBe('2025-01-03T00:00:00.000Z');
  });

  it('prefers an RSS <link> over atom:link rel="self", and uses atom:link rel="alternate" when <link> is missing', () => {
    const text = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
      <atom:link rel="self" href="https://x.example/rss"/>
      <item><title>A</title><atom:link rel="alternate" href="https://x.example/a"/></item>
      </channel></rss>`;
    const r = parseFeed(text, 'https://x.example/rss');
    expect(r.ok && r.feed.items[0]!.link).toBe('https://x.example/a');
    expect(r.ok && r.feed.siteUrl).toBeUndefined();
  });
});

describe('RSS 2.0 media and bases', () => {
  it('reads titles and descriptions from a media:group (video feeds), and an item-level xml:base', () => {
    const text = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Video</title>
      <item xml:base="https://video.example/clips/"><link>42</link>
        <media:group><media:title>Clip title</media:title><media:description>What the clip shows.</media:description></media:group></item>
      </channel></rss>`;
    const r = parseFeed(text, 'https://feeds.video.example/rss');
    expect(r.ok && r.feed.items).toEqual([{ title: 'Clip title', link: 'https://video.example/clips/42', outlet: 'Video', summary: 'What the clip shows.' }]);
  });

  it('takes a permalink guid as the link only when it is an absolute URL', () => {
    const r = parseFeed('<rss><channel><title>T</title><item><title>A</title><guid>12345</guid></item></channel></rss>', 'https://news.example/rss');
    expect(r.ok && r.feed.items).toEqual([]);
    expect(r.ok && r.feed.skipped).toBe(1);
  });

  it('names the outlet after the host when the feed has no title', () => {
    const r = parseFeed('<rss><channel><item><title>A</title><link>https://www.news.example/a</link></item></channel></rss>', 'https://www.news.example/rss');
    expect(r.ok && r.feed.items[0]!.outlet).toBe('news.example');
  });
});

describe('RSS 1.0 / RDF', () => {
  it('reads items beside the channel, dc:date, rdf:about and the syndication module', () => {
    const feed = parseOk('rss1-rdf.xml', 'https://rss.wave.example/rdf/rss-en-all');
    expect(feed.title).toBe('Wave International | All news');
    expect(feed.ttlMinutes).toBe(60); // daily, 24 times
    expect(feed.items.map((i) => [i.title, i.link, i.published])).toEqual([
      [
        'Climate talks open with calls for faster cuts',
        'https://www.wave.example/en/climate-talks-open/a-74412345?maca=en-rss-en-all-1573-rdf',
        '2025-10-20T09:15:00.000Z',
      ],
      ['Election results delayed by recount', 'https://www.wave.example/en/election-results/a-74412399', '2025-10-20T12:40:00.000Z'],
    ]);
  });
});
