import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/dates.ts';
import { dateFromUrl } from '../../src/extract/metadata.ts';
import { extract, page, PROSE } from '../extract/page.ts';

describe('parseDate', () => {
  it.each([
    ['2019-11-19T08:00:00Z', '2019-11-19T08:00:00.000Z'],
    ['2019-11-19T10:00:00+02:00', '2019-11-19T08:00:00.000Z'],
    ['2019-11-19T08:00:00-0500', '2019-11-19T13:00:00.000Z'],
    ['2017-11-24T18:42:20.314667', '2017-11-24T18:42:20.314Z'],
    ['2019-11-19', '2019-11-19T00:00:00.000Z'],
    ['2019-11-19 08:00', '2019-11-19T08:00:00.000Z'],
    ['Tue, 19 Nov 2019 08:00:00 GMT', '2019-11-19T08:00:00.000Z'],
    ['19 November 2019', '2019-11-19T00:00:00.000Z'],
    ['November 19, 2019', '2019-11-19T00:00:00.000Z'],
    ['Nov. 19, 2019 10:07 AM EST', '2019-11-19T15:07:00.000Z'],
    ['Tuesday, November 19, 2019 at 4:10 pm', '2019-11-19T16:10:00.000Z'],
    ['2019/11/19', '2019-11-19T00:00:00.000Z'],
  ])('%s → %s (a time without a zone is UTC, in every engine)', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });
  it.each(['', 'yesterday', '2019-02-31', '1850-01-01', 'Nov 45, 2019', 'not a date'])('rejects %j', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});

describe('published time of a page', () => {
  const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

  it('prefers the article in JSON-LD (in @graph too) over a video on the page', () => {
    const head =
      ld({ '@context': 'https://schema.org', '@type': 'VideoObject', datePublished: '2020-01-01T00:00:00Z' }) +
      ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: '2019-11-19T08:00:00Z' }] });
    expect(extract(page(PROSE, { head })).published).toBe('2019-11-19T08:00:00.000Z');
  });

  it('reads JSON-LD wrapped in CDATA', () => {
    const head = `<script type="application/ld+json"><![CDATA[{"@type":"Article","datePublished":"2019-11-19T08:00:00Z"}]]></script>`;
    expect(extract(page(PROSE, { head })).published).toBe('2019-11-19T08:00:00.000Z');
  });

  it('falls back to meta, itemprop, <time>, then the URL', () => {
    expect(extract(page(PROSE, { head: '<meta property="article:published_time" content="2019-11-19T08:00:00Z">' })).published).toBe(
      '2019-11-19T08:00:00.000Z',
    );
    expect(extract(page(`<span itemprop="datePublished" content="2019-11-18">Nov 18</span>${PROSE}`)).published).toBe('2019-11-18T00:00:00.000Z');
    expect(extract(page(`<time datetime="2019-11-17T12:00:00Z">Sunday</time>${PROSE}`)).published).toBe('2019-11-17T12:00:00.000Z');
    expect(extract(page(PROSE), 'https://news.example.com/2019/11/16/bike-lanes').published).toBe('2019-11-16T00:00:00.000Z');
  });

  it('reads dates in URL paths', () => {
    expect(dateFromUrl('https://x.com/2025/10/22/story.html')).toBe('2025-10-22');
    expect(dateFromUrl('https://x.com/news/2025-1-2/story')).toBe('2025-01-02');
    expect(dateFromUrl('https://x.com/story-20251022')).toBeUndefined();
  });
});
