// E2E for issue 5, the same for every browser: originals learnt without reading them, from a
// publisher feed (the original article is then fetched by the extension) or from a library pack.
// Each test starts a fresh profile that never visits the original.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OUT, SEED, poll, visit, waitForBadge } from './harness.mjs';
import { corpusDoc, startCorpusServer } from './server.mjs';

const FEED_PATH = 'www.cnbc.com/id/100727362/device/rss/rss.html';
/** The pack the Chromium suite exports; the Firefox suite imports it (run order: chromium first). */
export const PACK_FILE = path.join(OUT, 'e2e-pack.jsonl');
const TIMEOUT = 180_000;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An RSS feed, as CNBC's looks, carrying the seed original at its served address. */
function seedFeed(port) {
  const u = new URL(corpusDoc(SEED.original).url);
  const link = `http://${u.hostname}:${port}${u.pathname}`;
  const title = "Russia was smug about Trump-Putin talks. Now, Moscow's anxious";
  const summary =
    "Russia scrambled on Wednesday to salvage the prospect of in-person talks between U.S. President Donald Trump and Russia's Vladimir Putin after they were unceremoniously put on hold.";
  return {
    type: 'application/rss+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World News</title><link>https://www.cnbc.com/world/</link><ttl>60</ttl><item><title>${esc(title)}</title><link>${link}</link><pubDate>Wed, 22 Oct 2025 06:47:32 GMT</pubDate><description><![CDATA[<p>${summary}</p>]]></description></item></channel></rss>`,
  };
}

async function openOptions(drv) {
  const options = await drv.openExtensionPage('options.html');
  await poll(() => options.evaluate(() => document.querySelector('#options')?.dataset.ready === '1'), { what: 'the options page to render' });
  return options;
}

const statusText = (options) => options.evaluate(() => document.querySelector('[data-role=status]')?.textContent ?? '');

async function expectSeedCaught(drv, site) {
  const rewrite = await visit(drv, site.urlFor(SEED.page));
  assert.equal(rewrite.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(rewrite)}`);
  assert.match(rewrite.original?.url ?? '', /cnbc\.com/, 'the original named should be the CNBC article');
  await waitForBadge(drv, rewrite.tabId, '!');
  return rewrite;
}

/** `launch(site)` starts a fresh browser profile with the built extension; `exportPack` says whether this browser exports the pack. */
export function defineSourcesSuite(name, launch, { exportPack }) {
  test(`${name}: a feed item teaches the original, which is fetched to catch the seed rewrite`, { timeout: TIMEOUT }, async () => {
    const site = await startCorpusServer({ ids: Object.values(SEED), extra: { [FEED_PATH]: seedFeed } });
    const drv = await launch(site);
    try {
      const options = await openOptions(drv);
      await options.type('[data-role=feed-url]', `http://${FEED_PATH.replace('/', `:${site.port}/`)}`);
      await options.type('[data-role=feed-outlet]', 'CNBC');
      await options.click('[data-role=feed-add]');
      const row = await poll(() => options.evaluate(() => document.querySelector('li[data-feed-id^="custom-"]')?.dataset.feedId), { what: 'the added feed row' });
      await options.click(`li[data-feed-id="${row}"] [data-role=feed-enabled]`);
      const status = await poll(
        async () => {
          const s = await options.evaluate((id) => document.querySelector(`li[data-feed-id="${id}"] [data-role=feed-status]`)?.textContent ?? '', row);
          return /1 new/.test(s) ? s : /error/.test(s) ? Promise.reject(new Error(s)) : undefined;
        },
        { what: 'the feed to be read (status "1 new")' },
      );
      assert.match(status, /1 item/);
      await options.screenshot(path.join(OUT, `${name}-options.png`));
      await expectSeedCaught(drv, site);
    } finally {
      await drv.close();
      await site.close();
    }
  });

  test(`${name}: a library pack imported into a fresh profile catches the seed rewrite`, { timeout: TIMEOUT }, async () => {
    const site = await startCorpusServer({ ids: Object.values(SEED) });
    try {
      if (exportPack) {
        // Profile A reads the original and exports its library.
        const a = await launch(site);
        try {
          await visit(a, site.urlFor(SEED.original));
          const options = await openOptions(a);
          fs.mkdirSync(OUT, { recursive: true });
          await options.download('[data-role=pack-export]', PACK_FILE);
        } finally {
          await a.close();
        }
        const [header, first] = fs.readFileSync(PACK_FILE, 'utf8').split('\n').map((l) => l && JSON.parse(l));
        assert.equal(header.format, 'unspun-pack');
        assert.match(first.url, /cnbc\.com/);
      }
      assert.ok(fs.existsSync(PACK_FILE), `no pack at ${PACK_FILE}: the Chromium suite exports it first`);
      // Profile B never reads the original: it imports the pack.
      const b = await launch(site);
      try {
        const options = await openOptions(b);
        await options.setFile('[data-role=pack-import]', PACK_FILE);
        const said = await poll(async () => ((await statusText(options)).match(/Imported|Nothing imported/) ? statusText(options) : undefined), { what: 'the import to finish' });
        assert.match(said, /Imported 1 article/);
        await expectSeedCaught(b, site);
      } finally {
        await b.close();
      }
    } finally {
      await site.close();
    }
  });
}
