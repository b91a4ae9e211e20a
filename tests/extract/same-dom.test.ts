import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHtmlDocument, readHtmlFile } from '../../src/cli/node-dom.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { SHARED } from '../helpers.ts';

/**
 * The same code path gives the same article in any DOM: linkedom (the CLI) and happy-dom here;
 * the E2E suites compare with real Chromium and Firefox. Real pages from ../shared.
 *
 * happy-dom computes styles from the page's <style> elements and has `checkVisibility`, so by
 * default it also drops what those style sheets hide, as a browser does; linkedom has no styles.
 * With `useLayout: false` both read the markup only and must agree on every page; with layout,
 * they must agree on the corpus pages, whose articles no style sheet hides.
 */
const CORPUS = join(SHARED, 'corpus', 'pages');
const BENCH = join(SHARED, 'extraction', 'scrapinghub', 'html');
const pages: [string, string][] = [
  ['seed-original.html', 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html'],
  ['seed-rewrite.html', 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/'],
  ['c9ef7a5856-credited.html', 'https://www.buyersinsight.net/louisiana-grandmother/'],
  ['8c6685fcd8-syndicated.html', 'https://www.trendwirehub.com/a-brown-holiday/'],
].map(([f, url]) => [join(CORPUS, f!), url!] as [string, string]);
if (existsSync(BENCH)) {
  // Eight benchmark pages of a modest size (happy-dom is slow on the biggest), in several languages.
  const small = readdirSync(BENCH)
    .sort()
    .filter((f) => statSync(join(BENCH, f)).size < 40_000);
  for (const f of small.filter((_, i) => i % Math.ceil(small.length / 8) === 0)) pages.push([join(BENCH, f), `https://example.com/${f}`]);
}

const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    navigation: { disableMainFrameNavigation: true },
  },
});
afterAll(() => window.happyDOM.close());

describe.skipIf(!existsSync(CORPUS))('extraction is the same under linkedom and happy-dom', () => {
  it.each(pages.map(([path, url]) => [path.split('/').pop()!, path, url]))(
    '%s',
    (_name, path, url) => {
      const html = readHtmlFile(path);
      const underLinkedom = extractArticle(parseHtmlDocument(html), url);
      const parse = () => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      expect(extractArticle(parse(), url, { useLayout: false })).toEqual(underLinkedom);
      if (path.includes('/corpus/')) {
        expect(underLinkedom.ok).toBe(true);
        expect(extractArticle(parse(), url)).toEqual(underLinkedom);
      }
    },
    30_000,
  );
});
