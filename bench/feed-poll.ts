// Cost of indexing one feed poll: a 50-item RSS feed built from corpus texts is parsed and its
// items fingerprinted as library stubs; prints items, feed size, time and bytes per stored stub.
// Run: node --import tsx bench/feed-poll.ts [../shared/corpus]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../src/feeds/parse-feed.ts';
import { feedItemToStub } from '../src/library/feed-stub.ts';

const corpus = process.argv[2] ?? '../shared/corpus';
const texts = readFileSync(join(corpus, 'texts.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 50)
  .map((l) => JSON.parse(l) as { title: string; body: string });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const items = texts.map(
  (t, i) =>
    `<item><title>${esc(t.title)}</title><link>https://example.com/${i}</link><pubDate>Wed, 22 Oct 2025 06:47:32 GMT</pubDate><description>${esc(t.body.slice(0, 400))}</description></item>`,
);
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`;
const t0 = performance.now();
const parsed = parseFeed(rss, 'https://example.com/feed.xml');
if (!parsed.ok) throw new Error(parsed.error);
const t1 = performance.now();
const stubs = parsed.feed.items.map((it) => feedItemToStub(it, 'bench', new Date()));
const t2 = performance.now();
console.log(
  JSON.stringify({
    items: stubs.length,
    feedBytes: rss.length,
    parseMs: Math.round(t1 - t0),
    fingerprintMs: Math.round(t2 - t1),
    bytesPerStub: Math.round(JSON.stringify(stubs).length / stubs.length),
  }),
);
