import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { parseOk } from './fixture.ts';

describe('Atom', () => {
  const feed = parseOk('atom-tech.xml', 'https://www.gadgetsite.example/rss/index.xml');

  it('reads the feed title and its alternate link against xml:base', () => {
    expect(feed.title).toBe('GadgetSite - All Posts');
    expect(feed.siteUrl).toBe('https://www.gadgetsite.example/');
  });

  it('takes rel="alternate" (HTML first), resolves relative hrefs, prefers published over updated', () => {
    expect(feed.items[0]).toEqual({
      title: 'The new headset is lighter, but is it better?',
      link: 'https://www.gadgetsite.example/reviews/headset-review',
      published: '2025-10-22T12:30:00.000Z',
      outlet: 'GadgetSite - All Posts',
      summary: 'The headset weighs 20 percent less than last year’s model.', // "Continue reading…" trailer dropped
      guid: 'https://www.gadgetsite.example/?p=9988',
    });
  });

  it('reads html titles, xhtml summaries, a link without rel, an entry-level xml:base and updated-only dates', () => {
    expect(feed.items[1]).toMatchObject({
      title: 'Court blocks app store rule',
      link: 'https://www.gadgetsite.example/news/2025/10/21/app-store-ruling',
      published: '2025-10-21T19:00:00.000Z',
      summary: 'A judge paused the rule. The company plans to appeal & fight.',
      guid: 'tag:gadgetsite.example,2025:app-store-ruling',
    });
  });

  it('falls back to an alternate of another type, then to an http id; keeps text content as text', () => {
    expect(feed.items[2]!.link).toBe('https://www.gadgetsite.example/report.pdf');
    expect(feed.items[2]!.published).toBeUndefined();
    expect(feed.items[3]).toMatchObject({ link: 'https://www.gadgetsite.example/id-as-link', summary: 'Plain text <not a tag> content.' });
  });

  it('reads Atom with a namespace prefix', () => {
    const f = parseOk('atom-prefixed.xml', 'https://wire.example/atom');
    expect(f.items).toEqual([
      {
        title: 'Prefixed entry',
        link: 'https://wire.example/story/1',
        published: '2025-10-22T12:00:00.000Z',
        outlet: 'Prefixed Wire',
        summary: 'Summary text',
      },
    ]);
  });

  it('reads an Atom feed that forgot its namespace, and Atom 0.3 dates', () => {
    const r = parseFeed(
      '<feed><title>Old</title><entry><title>E</title><link rel="alternate" type="text/html" href="/e"/><issued>2004-01-02T00:00:00Z</issued></entry></feed>',
      'https://old.example/atom.xml',
    );
    expect(r.ok && r.feed.items[0]).toMatchObject({ link: 'https://old.example/e', published: '2004-01-02T00:00:00.000Z' });
  });

  it('gives no text for out-of-line content', () => {
    const r = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title><link href="https://t.example/e"/><content src="https://t.example/e.html" type="text/html"/></entry></feed>',
      'https://t.example/atom',
    );
    expect(r.ok && r.feed.items[0]!.summary).toBe('');
  });
});

describe('JSON Feed', () => {
  const feed = parseOk('json-feed.json', 'https://indie.example/feed.json');

  it('reads url, external_url, content_html, summary, content_text and dates', () => {
    expect(feed.title).toBe('Indie Newsroom');
    expect(feed.siteUrl).toBe('https://indie.example/');
    expect(feed.items.map((i) => [i.title, i.link, i.published ?? null, i.summary, i.guid])).toEqual([
      [
        'Harbor workers strike over pay',
        'https://indie.example/2025/10/22/harbor-strike',
        '2025-10-22T14:00:00.000Z',
        'Dock workers walked out at dawn. Talks resume Friday.',
        'https://indie.example/2025/10/22/harbor-strike',
      ],
      ['A link post', 'https://elsewhere.example/original-story', '2025-10-21T10:00:00.000Z', 'Worth reading.', '42'],
      ['Relative URL item', 'https://indie.example/2025/10/20/relative', null, 'Plain text content.', 'relative'],
    ]);
  });

  it('skips items with a data: URL or fields of the wrong type', () => {
    expect(feed.skipped).toBe(2);
  });

  it('refuses JSON that is not a JSON Feed, and broken JSON', () => {
    expect(parseFeed('{"title": "x", "items": []}', 'https://a.example/f.json')).toEqual({ ok: false, error: 'not a JSON Feed (no jsonfeed.org version)' });
    const broken = parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'https://a.example/f.json');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/^not valid JSON/);
    const items = parseFeed('{"version": "https://jsonfeed.org/version/1", "items": {"0": {}}}', 'https://a.example/f.json');
    expect(items).toEqual({ ok: false, error: 'JSON Feed "items" is not an array' });
  });
});
