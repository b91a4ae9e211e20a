import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle, extractArticleInSteps, yieldToPage } from '../../src/extract/extract-article.ts';
import { SHARED } from '../helpers.ts';

const SEED_URL = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';
const seedHtml = () => readFileSync(join(SHARED, 'corpus', 'pages', 'seed-rewrite.html'), 'utf8');

describe('extractArticleInSteps', () => {
  it('reads the same article as extractArticle, giving the thread back between its steps', async () => {
    let pauses = 0;
    const stepped = await extractArticleInSteps(parseHtmlDocument(seedHtml()), SEED_URL, {}, async () => {
      pauses++;
    });
    expect(stepped).toEqual(extractArticle(parseHtmlDocument(seedHtml()), SEED_URL));
    expect(stepped.ok).toBe(true);
    // Reading the styles, Readability and the rules each run in a task of their own.
    expect(pauses).toBeGreaterThanOrEqual(4);
  });

  it('stops early on a page that is no article, as extractArticle does', async () => {
    const html = '<!doctype html><html><head><title>x</title></head><body><p>Too short.</p></body></html>';
    await expect(extractArticleInSteps(parseHtmlDocument(html), 'https://news.example.com/x', {}, async () => {})).resolves.toEqual(
      extractArticle(parseHtmlDocument(html), 'https://news.example.com/x'),
    );
  });

  it('resolves promptly, again and again (no timer, which a background tab would hold for a second)', async () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) await yieldToPage();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
