// The hostile inputs of issue 10, timed against the pure code on this machine ("after" figures).
// Run: npx tsx tests/hostile/measure.ts
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { parseDate } from '../../src/core/dates.ts';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { isMediaLine } from '../../src/extract/text-rules.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { copyrightPage, copyrightRun, deepNestingPage, dotRun, IMPOSSIBLE_OFFSET, timed, unclosedCdataFeed } from './inputs.ts';

const URL = 'https://news.example.com/2025/03/04/harbour';
const rows: [string, string, () => unknown, (v: never) => string][] = [
  [
    '1',
    'feed: one &amp; and unclosed CDATA, 0.72 MB',
    () => parseFeed(unclosedCdataFeed(720_000), 'https://feeds.example.com/rss'),
    (v: { ok: boolean }) => (v.ok ? 'parsed' : 'refused'),
  ],
  [
    '1',
    'feed: the same, 5 MB (the size limit)',
    () => parseFeed(unclosedCdataFeed(), 'https://feeds.example.com/rss'),
    (v: { ok: boolean }) => (v.ok ? 'parsed' : 'refused'),
  ],
  ['2', 'isMediaLine: "x (" + (c) x 50,000', () => isMediaLine(copyrightRun(50_000)), (v: boolean) => String(v)],
  [
    '2',
    'page check: "x (" + (c) x 200,000',
    () => extractArticle(parseHtmlDocument(copyrightPage(200_000)), URL),
    (v: { ok: boolean; reason?: string }) => (v.ok ? 'article' : `not-article: ${v.reason}`),
  ],
  [
    '3',
    'extract: <div> nested 2,000 deep',
    () => extractArticle(parseHtmlDocument(deepNestingPage(2_000)), URL),
    (v: { ok: boolean; reason?: string }) => (v.ok ? 'article' : `not-article: ${v.reason}`),
  ],
  [
    '3',
    'extract: <div> nested 10,000 deep',
    () => extractArticle(parseHtmlDocument(deepNestingPage(10_000)), URL),
    (v: { ok: boolean; reason?: string }) => (v.ok ? 'article' : `not-article: ${v.reason}`),
  ],
  ['4', 'fingerprint: "Word" + 100,000 dots', () => fingerprintText(dotRun(100_000)), (v: { sentences: string[] }) => `${v.sentences.length} sentences`],
  ['10', `date: ${IMPOSSIBLE_OFFSET}`, () => parseDate(IMPOSSIBLE_OFFSET), (v: unknown) => (v === undefined ? 'refused' : String(v))],
];
console.log('| # | input | after (ms) | result |\n|---|---|---|---|');
for (const [n, what, run, show] of rows) {
  const { ms, value } = timed(run);
  console.log(`| ${n} | ${what} | ${ms.toFixed(0)} | ${show(value as never)} |`);
}
