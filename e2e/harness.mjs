// Browser-independent E2E steps and the shared test suite.
// A "driver" (see chromium-driver.mjs, firefox-driver.mjs) hides how a browser is driven:
//   openTab(url)                 open url in a new tab, wait for load, leave it open
//   extEval(fn, arg)             run fn(arg) in an extension page (has browser/chrome APIs)
//   openPopup(tabId)             open popup.html?tabId=N in a tab; returns { evaluate(fn, arg), screenshot(file), close() }
//   close()
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, corpusDoc, startCorpusServer } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.resolve(ROOT, process.env.E2E_OUT ?? 'test-results');

/** The seed case: a CNBC article and its uncredited content-farm rewrite. */
export const SEED = { original: 'seed-original', page: 'seed-rewrite' };
/**
 * An original and an article told from the same facts in its own words and order (corpus kind
 * `same-facts`: both blind editors said it is not a rewrite), which must not be flagged.
 * Not the 0853c6d83c (www.nasa.gov) or a36a8614cb (www.zdnet.com) pairs: those hosts are on
 * Chromium's HSTS preload list, so Chromium insists on https and cannot load them from our http server.
 */
export const SAME_FACTS = { original: 'cbda107776ab9d3db8c155adcdce446c', page: 'cbda107776-independent' };

const FINAL_VERDICTS = ['uncredited-rewrite', 'credited', 'original', 'none', 'not-article'];
// The content script waits for the page to be idle, and extraction + matching take time.
const STEP_TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT ?? 60_000);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; throws with `what` and the last value on timeout. */
export async function poll(fn, { what, timeout = STEP_TIMEOUT, interval = 250 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e; // e.g. a page mid-navigation; retry
    }
    if (Date.now() > end) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what ?? fn}; last: ${detail}`);
    }
    await sleep(interval);
  }
}

export const sameUrl = (a, b) => {
  const strip = (u) => Object.assign(new URL(u), { hash: '' }).href;
  try {
    return strip(a) === strip(b);
  } catch {
    return false;
  }
};

/**
 * The verdict string and original of a record. The contract is `{ verdict: 'uncredited-rewrite', original }`;
 * the extension currently stores `{ verdict: { kind, original, ... } }`: accept both.
 */
const normalize = (rec) =>
  typeof rec.verdict === 'string'
    ? rec
    : { ...rec, verdict: rec.verdict?.kind, original: rec.original ?? rec.verdict?.original, credit: rec.verdict?.credit, reason: rec.verdict?.reason };

/** Every `verdict:<tabId>` record in storage.session, as [{ tabId, url, verdict, original, ... }]. */
export async function readVerdicts(drv) {
  const all = await drv.extEval(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return api.storage.session.get(null);
  });
  return Object.entries(all ?? {})
    .filter(([k]) => /^verdict:\d+$/.test(k))
    .map(([k, v]) => ({ tabId: Number(k.slice('verdict:'.length)), ...normalize(v) }));
}

/** Badge text of one tab, read from an extension page (action in MV3, browserAction in MV2). */
export function badgeText(drv, tabId) {
  return drv.extEval(async (id) => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (api.action ?? api.browserAction).getBadgeText({ tabId: id });
  }, tabId);
}

/**
 * Waits until the background has a final verdict for `url`; returns that record (latest tab wins).
 * `options` ({ timeout, interval }) go to `poll`.
 */
export async function waitForVerdict(drv, url, options = {}) {
  return poll(
    async () => {
      const recs = (await readVerdicts(drv)).filter((r) => sameUrl(r.url, url) && FINAL_VERDICTS.includes(r.verdict));
      return recs.sort((a, b) => b.tabId - a.tabId)[0];
    },
    { what: `a verdict record in storage.session for ${url}`, ...options },
  );
}

/** Opens url in a new tab and waits for its verdict record; returns { ...record, page }. */
export async function visit(drv, url) {
  const page = await drv.openTab(url);
  return { ...(await waitForVerdict(drv, url)), page };
}

/** Waits until a tab's badge text equals `text`. */
export async function waitForBadge(drv, tabId, text) {
  let seen;
  await poll(async () => (seen = await badgeText(drv, tabId)) === text, { what: `badge "${text}" on tab ${tabId}` }).catch((e) => {
    throw new Error(`${e.message} (badge text: ${JSON.stringify(seen)})`);
  });
}

/** Opens popup.html?tabId=N, waits for #app[data-ready="1"], returns what it shows (+ optional screenshot). */
export async function readPopup(drv, tabId, screenshotFile) {
  const popup = await drv.openPopup(tabId);
  try {
    await poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.ready === '1'), {
      what: `popup.html?tabId=${tabId} to render #app[data-ready="1"]`,
    });
    const shown = await popup.evaluate(() => {
      const app = document.querySelector('#app');
      const a = app.querySelector('a[data-original-url]');
      return {
        verdict: app.dataset.verdict,
        text: app.innerText,
        originalUrl: a?.dataset.originalUrl ?? null,
        href: a?.href ?? null,
      };
    });
    if (screenshotFile) {
      fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
      await popup.screenshot(screenshotFile);
    }
    return shown;
  } finally {
    await popup.close();
  }
}

/** The library as the extension stored it in IndexedDB: [{ url, source, stub, sentences }]. */
export function readLibrary(drv) {
  return drv.extEval(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('unspun');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('articles').objectStore('articles').getAll();
          req.onsuccess = () => resolve(req.result.map((a) => ({ url: a.url, source: a.source, stub: !!a.stub, sentences: a.sentences })));
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

let tsxRegistered = false;
/** Imports a TypeScript module of the project (`file` relative to the repository root) through tsx. */
export async function importTs(file) {
  if (!tsxRegistered) {
    const { register } = await import('tsx/esm/api');
    register();
    tsxRegistered = true;
  }
  return import(pathToFileURL(path.join(ROOT, file)).href);
}

let tsModules;
/** The project's TypeScript modules the tests compare against, loaded once through tsx. */
async function loadTs() {
  if (!tsModules) {
    tsModules = {
      ...(await importTs('src/extract/extract-article.ts')),
      ...(await importTs('src/cli/node-dom.ts')),
      ...(await importTs('src/library/page.ts')),
    };
  }
  return tsModules;
}

/** A corpus page as the Node CLI's extraction gives it (the same core, linkedom as DOM): { document, article }. */
export async function nodeArticle(id, url) {
  const { extractArticle, parseHtmlDocument, readHtmlFile } = await loadTs();
  const document = parseHtmlDocument(readHtmlFile(path.join(CORPUS, corpusDoc(id).file)));
  const r = extractArticle(document, url);
  assert.ok(r.ok, `Node could not extract ${id}: ${r.reason}`);
  return { document, article: r.article };
}

/** Sentences of a corpus page as the Node CLI's extraction gives them. */
export async function nodeSentences(id, url) {
  const { readArticle } = await loadTs();
  const { article } = await nodeArticle(id, url);
  return readArticle(article).sentences;
}

/**
 * The E2E suite, the same for every browser. `launch(site)` starts the browser with the
 * built extension, resolving `site.hosts` to 127.0.0.1, and returns a driver.
 */
export function defineE2ESuite(name, launch) {
  let site, drv;

  before(async () => {
    site = await startCorpusServer({ ids: [...Object.values(SEED), ...Object.values(SAME_FACTS)] });
    drv = await launch(site);
  });

  after(async () => {
    await drv?.close();
    await site?.close();
  });

  test(`${name}: seed rewrite gets "!" on its own tab only, popup links the CNBC original`, { timeout: 4 * STEP_TIMEOUT }, async () => {
    const originalUrl = site.urlFor(SEED.original);
    const orig = await visit(drv, originalUrl);
    assert.notEqual(orig.verdict, 'uncredited-rewrite', 'the original itself must not be flagged');

    const rewrite = await visit(drv, site.urlFor(SEED.page));
    assert.notEqual(rewrite.tabId, orig.tabId, 'the two pages must be in different tabs');
    assert.equal(rewrite.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(rewrite)}`);
    assert.ok(sameUrl(rewrite.original?.url, originalUrl), `record.original.url ${rewrite.original?.url} != ${originalUrl}`);
    await waitForBadge(drv, rewrite.tabId, '!');
    assert.equal(await badgeText(drv, orig.tabId), '', "the original's tab must keep an empty badge");

    const shown = await readPopup(drv, rewrite.tabId, path.join(OUT, `${name}-popup.png`));
    assert.equal(shown.verdict, 'uncredited-rewrite');
    assert.match(shown.text, /CNBC/, 'the popup should name the original outlet');
    assert.ok(shown.originalUrl, 'the popup should have an a[data-original-url]');
    assert.ok(sameUrl(shown.originalUrl, originalUrl), `data-original-url ${shown.originalUrl} != ${originalUrl}`);
    assert.ok(sameUrl(shown.href, originalUrl), `link href ${shown.href} != ${originalUrl}`);
  });

  test(`${name}: the content script extracts the same sentences as Node does`, { timeout: 2 * STEP_TIMEOUT }, async () => {
    const inBrowser = await readLibrary(drv);
    const ids = [...Object.values(SEED), ...Object.values(SAME_FACTS)];
    for (const id of ids) {
      const url = site.urlFor(id);
      const stored = inBrowser.find((a) => sameUrl(a.url, url));
      if (!stored) continue; // the same-facts pair is visited by the next test
      assert.deepEqual(stored.sentences, await nodeSentences(id, url), `sentences of ${id} differ between the browser and Node`);
    }
    assert.ok(inBrowser.length >= 2, `expected the visited articles in the library, found ${inBrowser.length}`);
  });

  test(
    `${name}: the popup is a control centre: pause shown as paused, live verdicts, site exclusion, the library page's count`,
    { timeout: 6 * STEP_TIMEOUT },
    async () => {
      const rewriteUrl = site.urlFor(SEED.page);
      const rewrite = await waitForVerdict(drv, rewriteUrl);
      const settings = () => drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('settings')).settings ?? {});
      const tabIds = () => drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).tabs.query({})).map((t) => t.id));
      const ready = (popup) => poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.ready === '1'), { what: 'the popup to render' });
      const shownBy = (popup) =>
        popup.evaluate(() => {
          const app = document.querySelector('#app');
          const role = (r) => app.querySelector(`[data-role=${r}]`);
          return {
            verdict: app.dataset.verdict,
            heading: app.querySelector('h1')?.textContent ?? '',
            text: app.innerText,
            status: role('popup-status')?.textContent ?? '',
            pause: role('pause')?.textContent ?? '',
            site: role('exclude-site')?.hidden ? '' : (role('exclude-site')?.textContent ?? ''),
            count: role('library-count')?.textContent ?? '',
            unnamed: [...app.querySelectorAll('button')].filter((b) => !b.hidden && !b.textContent.trim() && !b.getAttribute('aria-label')).length,
          };
        });
      const click = (popup, role) => popup.evaluate((r) => document.querySelector(`[data-role=${r}]`).click(), role);

      // Pause from the popup of a flagged tab: its verdict stays, under a note; the setting is stored.
      const flagged = await drv.openPopup(rewrite.tabId);
      try {
        await ready(flagged);
        await click(flagged, 'pause');
        await poll(async () => (await shownBy(flagged)).pause === 'Resume checking', { what: 'the pause button to say "Resume checking"' });
        assert.equal((await settings()).paused, true, 'pausing from the popup stores the setting');
        const shown = await shownBy(flagged);
        assert.equal(shown.verdict, 'uncredited-rewrite');
        assert.match(shown.text, /Checking is paused/);
        assert.equal(shown.unnamed, 0, 'every control has a name');
      } finally {
        await flagged.close();
      }

      // A page opened while paused: "paused", not "Not checked".
      const before = new Set(await tabIds());
      await drv.openTab(site.urlFor(SEED.original));
      const tabId = (await tabIds()).find((id) => !before.has(id));
      assert.ok(tabId !== undefined, 'the new tab should have an id');
      await sleep(1500); // the content script's idle time: it must read nothing while paused
      const popup = await drv.openPopup(tabId);
      try {
        await ready(popup);
        let shown = await shownBy(popup);
        assert.equal(shown.verdict, 'paused', `popup: ${JSON.stringify(shown)}`);
        assert.equal(shown.heading, 'Checking is paused');
        assert.doesNotMatch(shown.text, /Not checked/);
        await popup.screenshot(path.join(OUT, `${name}-popup-paused.png`));

        // Resume, then check this page: the tab loads again and the verdict arrives while the popup is open.
        await click(popup, 'pause');
        await poll(async () => (await shownBy(popup)).verdict === 'unchecked', { what: 'the popup to show the page as not checked after resuming' });
        assert.equal((await settings()).paused, false);
        await click(popup, 'recheck');
        shown = await poll(
          async () => {
            const s = await shownBy(popup);
            return FINAL_VERDICTS.includes(s.verdict) && /^Checked this page again/.test(s.status) && s;
          },
          { what: 'the open popup to show the new verdict' },
        );
        const record = await waitForVerdict(drv, site.urlFor(SEED.original));
        assert.equal(shown.verdict, record.verdict, 'the popup shows the stored verdict');

        // Never check this site, from the popup, and back.
        const host = new URL(site.urlFor(SEED.original)).hostname.replace(/^www\./, '');
        assert.ok(shown.site.startsWith('Never check '), `site button: ${shown.site}`);
        await click(popup, 'exclude-site');
        await poll(async () => (await shownBy(popup)).verdict === 'excluded', { what: 'the popup to show the site excluded' });
        const excluded = (await settings()).excludedSites ?? [];
        assert.equal(excluded.length, 1, `excluded sites: ${JSON.stringify(excluded)}`);
        assert.ok(host === excluded[0] || host.endsWith(`.${excluded[0]}`), `${excluded[0]} should be the site of ${host}`);
        await click(popup, 'exclude-site');
        await poll(async () => (await shownBy(popup)).verdict === record.verdict, { what: 'the popup to show the verdict again' });
        assert.deepEqual((await settings()).excludedSites, []);
        await popup.screenshot(path.join(OUT, `${name}-popup-controls.png`));

        // The library count agrees with the library page's.
        const options = await drv.openExtensionPage('options.html');
        try {
          const storage = await poll(() => options.evaluate(() => document.querySelector('[data-role=storage]')?.textContent), { what: 'the storage figures' });
          const onOptions = Number(/(\d[\d,]*) articles? and/.exec(storage)?.[1]?.replace(/,/g, ''));
          shown = await poll(async () => ((await shownBy(popup)).count ? shownBy(popup) : null), { what: 'the popup library count' });
          const inPopup = Number(/(\d[\d,]*) articles?/.exec(shown.count)?.[1]?.replace(/,/g, ''));
          assert.ok(onOptions > 0, `library page: ${storage}`);
          assert.equal(inPopup, onOptions, `popup "${shown.count}" vs library page "${storage}"`);
        } finally {
          await options.close();
        }
      } finally {
        await popup.close();
      }
    },
  );

  test(`${name}: an article told from the same facts in its own words is not flagged`, { timeout: 4 * STEP_TIMEOUT }, async () => {
    assert.ok(['same-facts', 'same-event'].includes(corpusDoc(SAME_FACTS.page).kind), 'the pair must be a negative kind');
    assert.equal(corpusDoc(SAME_FACTS.page).expect, 'none');
    await visit(drv, site.urlFor(SAME_FACTS.original));
    const page = await visit(drv, site.urlFor(SAME_FACTS.page));
    assert.notEqual(page.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(page)}`);
    await sleep(1000); // give a late badge update the chance to show up
    assert.equal(await badgeText(drv, page.tabId), '');
  });
}
