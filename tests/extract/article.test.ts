import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { countWords, extractArticle } from '../../src/extract/extract-article.ts';
import { page, PROSE } from './page.ts';

describe('articles and non-articles', () => {
  it('leaves a section front (links and teasers, no article) alone', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `<li><a href="/story-${i}">Headline number ${i} about the news of the day</a></li>`).join('');
    const html = `<!doctype html><html><head><title>News</title></head><body><nav><a href="/">Home</a></nav><ul>${teasers}</ul></body></html>`;
    expect(extractArticle(parseHtmlDocument(html), 'https://news.example.com/news/')).toMatchObject({ ok: false, reason: 'not-article' });
  });

  it('reads an article', () => {
    const long = page(PROSE + PROSE.replace(/The /g, 'A ') + PROSE.replace(/The /g, 'This '));
    expect(extractArticle(parseHtmlDocument(long), 'https://news.example.com/2025/03/04/bike-lanes').ok).toBe(true);
  });

  it('counts words in Chinese and Japanese, written without spaces', () => {
    expect(countWords('The council voted on Tuesday.')).toBe(5);
    expect(countWords('市议会周二投票批准了新的自行车道')).toBe(8);
    expect(countWords('市議会は火曜日に新しい自転車道を承認した')).toBe(10);
  });
});
