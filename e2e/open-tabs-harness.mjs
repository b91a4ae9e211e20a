// E2E for issue 13's already-open tabs, the same for every browser: a tab is open with an article
// when the extension is installed into the running browser (Chromium: CDP Extensions.loadUnpacked;
// Firefox: WebDriver BiDi webExtension.install), so onInstalled fires with tabs already open. The
// tab must then be checked (its content script run there), or, where Unspun may not run it, be
// marked "reload to check" until the reader reloads it. Each run also opens the shipped privacy
// policy page, privacy.html.
//
// A driver here: openTab(url) -> page (with reload()), install() (the extension, now),
// session() (all of storage.session, read from an extension page), pageText(path) (the text of
// an extension page's <main>), close().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED, poll, sameUrl } from './harness.mjs';
import { startCorpusServer } from './server.mjs';

const TIMEOUT = 120_000;

/**
 * runs: [{ label, launch(site), expect: 'checked' | 'marked' }]. 'checked': the open tab gets a
 * verdict without a reload; 'marked': it gets a reload mark, and reloading the page checks it and
 * removes the mark.
 */
export function defineOpenTabsSuite(name, runs) {
  for (const { label, launch, expect } of runs) {
    const what = expect === 'checked' ? 'is checked without a reload' : 'is marked "reload to check" until reloaded';
    test(`${name} (${label}): a tab open when Unspun is installed ${what}`, { timeout: TIMEOUT }, async () => {
      const site = await startCorpusServer({ ids: [SEED.original] });
      const drv = await launch(site);
      try {
        const url = site.urlFor(SEED.original);
        const page = await drv.openTab(url);
        const installedAt = new Date().toISOString();
        await drv.install();

        const privacy = await poll(() => drv.pageText('privacy.html'), { what: 'privacy.html', timeout: 30_000 });
        assert.match(privacy, /Unspun privacy policy/);
        assert.match(privacy, /What leaves your device/);

        const verdicts = (all) => Object.entries(all).filter(([k, v]) => /^verdict:\d+$/.test(k) && sameUrl(v.url, url));
        const marks = (all) => Object.entries(all).filter(([k]) => /^reload:\d+$/.test(k));
        if (expect === 'checked') {
          const all = await poll(
            async () => {
              const s = await drv.session();
              return verdicts(s).length ? s : undefined;
            },
            { what: `a verdict for the open tab ${url}`, timeout: 60_000 },
          );
          const key = verdicts(all)[0][0].replace('verdict:', 'reload:');
          assert.equal(all[key], undefined, 'a checked tab must not be marked');
          return;
        }
        const all = await poll(
          async () => {
            const s = await drv.session();
            return marks(s).length ? s : undefined;
          },
          { what: 'a reload mark for the open tab', timeout: 30_000 },
        );
        // Without the tabs permission Unspun cannot see which open tab holds which page, so every
        // tab with a hidden address is marked (here also the browser's first blank tab).
        for (const [, mark] of marks(all)) {
          assert.equal(mark.reason, 'no-access', JSON.stringify(mark));
          assert.ok(mark.markedAt >= installedAt, JSON.stringify(mark));
        }
        assert.deepEqual(verdicts(all), [], 'a tab Unspun may not run in cannot have been checked');
        // The reader reloads the page: the manifest's content script runs, and its verdict removes the mark.
        await page.reload({ waitUntil: 'load' });
        const after = await poll(
          async () => {
            const s = await drv.session();
            return verdicts(s).length ? s : undefined;
          },
          { what: `a verdict for ${url} after the reader reloads it`, timeout: 60_000 },
        );
        const key = verdicts(after)[0][0].replace('verdict:', 'reload:');
        assert.ok(all[key], `the reloaded tab should have been marked (${key}): ${JSON.stringify(Object.keys(all))}`);
        assert.equal(after[key], undefined, 'the verdict must remove the reload mark');
      } finally {
        await drv.close();
        await site.close();
      }
    });
  }
}
