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

/** The in-page notice's host element (src/ext/notice.ts, NOTICE_TAG): all a page can see of it. */
const NOTICE_TAG = 'unspun-notice';

/**
 * What a page shows of the notice: null when there is none; else its box, whether its shadow root is
 * closed (the page cannot read it), whether it lies inside the viewport and comes first in the body.
 */
export function noticeShown(page) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host) return null;
    const r = host.getBoundingClientRect();
    return {
      width: r.width,
      height: r.height,
      inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      closedRoot: host.shadowRoot === null,
      first: document.body.firstElementChild === host,
      count: document.querySelectorAll(tag).length,
    };
  }, NOTICE_TAG);
}

/**
 * The notice's accessible names, as the browser exposes them to assistive technology (a closed root
 * is closed to page scripts, not to the accessibility tree): Chromium's full AX tree over CDP.
 * Firefox's WebDriver BiDi has no accessibility tree (puppeteer's snapshot needs CDP, and
 * browsingContext.locateNodes does not enter shadow roots): null there, and the test reads the
 * notice through its effects instead (focus, the evidence it opens, Escape).
 */
async function accessibleNames(page) {
  if (typeof page.context !== 'function') return null; // puppeteer (Firefox over BiDi)
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored && n.name?.value).map((n) => ({ role: n.role?.value, name: n.name.value }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The extension's views of the popup about `tabId`: the real popup, or its page in a tab (`popup.html?tabId=N`); with the verdict each shows. */
function evidenceViews(drv, tabId) {
  return drv.extEval((id) => {
    const api = globalThis.browser ?? globalThis.chrome;
    return api.extension
      .getViews()
      .filter((w) => w.location.pathname === '/popup.html' && (w.location.search === '' || w.location.search === `?tabId=${id}`))
      .map((w) => ({ where: w.location.search ? 'tab' : 'popup', verdict: w.document.querySelector('#app')?.dataset.verdict ?? null }));
  }, tabId);
}

/** Closes the popups and popup tabs `evidenceViews` finds (so later steps start without them). */
function closeEvidenceViews(drv, tabId) {
  return drv.extEval((id) => {
    const api = globalThis.browser ?? globalThis.chrome;
    for (const w of api.extension.getViews()) {
      if (w.location.pathname === '/popup.html' && (w.location.search === '' || w.location.search === `?tabId=${id}`)) w.close();
    }
  }, tabId);
}

/** Presses keys in a page with real (trusted) input, from the start of its tab order. */
async function tabFromStart(page, presses = 1) {
  await page.bringToFront();
  await page.evaluate(() => document.activeElement?.blur?.());
  for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
}

const focusInNotice = (page) => page.evaluate((tag) => document.activeElement?.localName === tag, NOTICE_TAG);

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

  test(
    `${name}: the seed rewrite shows the in-page notice (keyboard, evidence, close); the original shows none; the setting hides it at once`,
    { timeout: 6 * STEP_TIMEOUT },
    async () => {
      const originalUrl = site.urlFor(SEED.original);
      const rewrite = await visit(drv, site.urlFor(SEED.page));
      assert.equal(rewrite.verdict, 'uncredited-rewrite');
      const page = rewrite.page;

      // Shown, in the viewport, in a closed shadow root, first in the page's tab order.
      const shown = await poll(() => noticeShown(page), { what: 'the notice on the seed rewrite' });
      assert.ok(shown.width >= 200 && shown.height >= 60, `notice box ${shown.width}x${shown.height}`);
      assert.ok(shown.inViewport, 'the notice lies inside the viewport');
      assert.ok(shown.closedRoot, "the notice's shadow root is closed to the page");
      assert.ok(shown.first, 'the notice comes first in the body (first in the tab order)');
      assert.equal(shown.count, 1, 'one notice');
      fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
      await page.screenshot({ path: path.join(OUT, 'screenshots', `notice-${name}.png`) });

      // What it says, as assistive technology reads it (Chromium: the AX tree; see accessibleNames).
      const names = await accessibleNames(page);
      if (names) {
        const find = (role, re) => names.find((n) => n.role === role && re.test(n.name));
        assert.ok(find('region', /^Unspun$/), 'a region named Unspun');
        const text = names.map((n) => n.name).join('\n');
        assert.match(text, /uncredited rewrite/);
        assert.match(text, /CNBC's article “Russia was smug about Trump-Putin talks/, 'the notice names the outlet and the headline');
        assert.ok(find('button', /^Show the evidence$/), 'a button for the evidence');
        assert.ok(find('link', /^Read CNBC's article$/), 'a link to the original');
        assert.ok(find('button', /^Close the Unspun notice$/), 'a named close button');
      }

      // Keyboard: the first Tab lands in the notice; Enter on "Show the evidence" opens the popup, or
      // its page in a tab, about this tab, showing the rewrite.
      await tabFromStart(page);
      assert.ok(await focusInNotice(page), 'the first Tab focuses the notice');
      await page.keyboard.press('Enter');
      const views = await poll(
        async () => (await evidenceViews(drv, rewrite.tabId)).filter((v) => v.verdict === 'uncredited-rewrite').length && evidenceViews(drv, rewrite.tabId),
        {
          what: 'the evidence (popup or popup.html?tabId=N) opened from the notice',
        },
      );
      console.log(`${name}: the notice's evidence opened as ${views.map((v) => v.where).join(', ')}`);
      await closeEvidenceViews(drv, rewrite.tabId);

      // The setting, from the options page: off hides the notice at once, on shows it again.
      const options = await drv.openExtensionPage('options.html');
      try {
        const box = '[data-role=show-notice]';
        await poll(() => options.evaluate((sel) => document.querySelector(sel)?.checked === true, box), { what: 'the notice switch, on by default' });
        await options.click(box);
        await poll(async () => (await noticeShown(page)) === null, { what: 'the notice to go when the setting is turned off' });
        assert.equal(
          (await (await drv.extEval(async () => (globalThis.browser ?? globalThis.chrome).storage.local.get('settings'))).settings).showNotice,
          false,
        );
        await options.click(box);
        await poll(() => noticeShown(page), { what: 'the notice to return when the setting is turned back on' });
      } finally {
        await options.close();
      }

      // Escape closes it, and closed it stays for this page load (the setting toggled again does not bring it back).
      await tabFromStart(page, 2); // onto the link: Escape works from any of its controls
      assert.ok(await focusInNotice(page), 'the second Tab is still in the notice');
      await page.keyboard.press('Escape');
      await poll(async () => (await noticeShown(page)) === null, { what: 'Escape to close the notice' });
      await drv.extEval(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        await api.storage.local.set({ settings: { ...settings, showNotice: false } });
        await api.storage.local.set({ settings: { ...settings, showNotice: true } });
      });
      await sleep(1000);
      assert.equal(await noticeShown(page), null, 'a closed notice stays closed for the page load');

      // The original itself: no notice.
      const orig = await visit(drv, originalUrl);
      assert.notEqual(orig.verdict, 'uncredited-rewrite');
      await sleep(1500);
      assert.equal(await noticeShown(orig.page), null, 'no notice on the original');
    },
  );

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

  test(
    `${name}: "This is wrong" from the popup clears the warning after a reload; undoing it on the library page brings it back`,
    { timeout: 8 * STEP_TIMEOUT },
    async () => {
      const rewriteUrl = site.urlFor(SEED.page);
      const tabIds = () => drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).tabs.query({})).map((t) => t.id));
      const recordOf = async (tabId) => (await readVerdicts(drv)).find((r) => r.tabId === tabId);
      /** Loads the tab again (as the reader's reload) and waits for the record of that new check. */
      const reloadAndCheck = async (tabId) => {
        const since = (await recordOf(tabId))?.checkedAt ?? '';
        await drv.extEval((id) => (globalThis.browser ?? globalThis.chrome).tabs.reload(id), tabId);
        return poll(
          async () => {
            const r = await recordOf(tabId);
            return r && r.checkedAt > since && FINAL_VERDICTS.includes(r.verdict) && r;
          },
          { what: `a new verdict for tab ${tabId} after its reload` },
        );
      };
      const corrections = () => drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('corrections')).corrections);

      // A fresh tab on the seed rewrite: flagged, with its notice.
      const before = new Set(await tabIds());
      const page = await drv.openTab(rewriteUrl);
      const tabId = (await tabIds()).find((id) => !before.has(id));
      assert.ok(tabId !== undefined, 'the new tab should have an id');
      let record = await poll(
        async () => {
          const r = await recordOf(tabId);
          return r && FINAL_VERDICTS.includes(r.verdict) && r;
        },
        { what: `the verdict of tab ${tabId}` },
      );
      assert.equal(record.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(record)}`);
      const flagged = record;
      await waitForBadge(drv, tabId, '!');
      await poll(() => noticeShown(page), { what: 'the notice on the seed rewrite' });

      // The popup: "This is wrong" → "This page is not from CNBC's article".
      const popup = await drv.openPopup(tabId);
      try {
        await poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.ready === '1'), { what: 'the popup to render' });
        const offered = await popup.evaluate(() => {
          const q = (r) => document.querySelector(`[data-role=${r}]`);
          q('wrong').querySelector('summary').click();
          return { open: q('wrong').open, notDerived: q('not-derived').textContent, trust: q('trust-site').textContent, hidden: q('not-derived').hidden };
        });
        assert.ok(offered.open, 'the "This is wrong" control opens');
        assert.equal(offered.hidden, false);
        assert.equal(offered.notDerived, "This page is not from CNBC's article");
        assert.match(offered.trust, /^Trust .+: never flag its articles$/);
        await popup.evaluate(() => document.querySelector('[data-role=not-derived]').click());
        const said = await poll(
          async () => {
            const s = await popup.evaluate(() => ({
              verdict: document.querySelector('#app').dataset.verdict,
              status: document.querySelector('[data-role=popup-status]').textContent,
              undo: document.querySelector('[data-role=undo]'),
            }));
            // The Undo button too: the checked record may be drawn a moment before the reply.
            const undoShown = await popup.evaluate(() => document.querySelector('[data-role=undo]')?.hidden === false);
            return /Checked this page again/.test(s.status) && undoShown && s;
          },
          { what: 'the popup to say what it did and that it checked the page again' },
        );
        assert.match(said.status, /^Done: Unspun will not match this page with CNBC's article again\. Checked this page again: nothing to report\.$/);
        assert.equal(said.verdict, 'none', 'the popup shows the page checked again, with nothing to report');
        const undo = await popup.evaluate(() => {
          const b = document.querySelector('[data-role=undo]');
          return { hidden: b.hidden, name: b.getAttribute('aria-label') };
        });
        assert.deepEqual(undo, { hidden: false, name: "Undo: this page is not from CNBC's article" });
        fs.mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
        await popup.screenshot(path.join(OUT, 'screenshots', `popup-corrected-${name}.png`));
      } finally {
        await popup.close();
      }
      const stored = await corrections();
      assert.equal(stored?.notDerived?.length, 1, `stored corrections: ${JSON.stringify(stored)}`);
      assert.equal(stored.notDerived[0].page, flagged.articleId, "the page is named by its library id, as the tab's record has it");
      assert.match(stored.notDerived[0].originalTitle ?? '', /Russia was smug/);

      // Reload: no warning (verdict none, badge clear, no notice).
      record = await reloadAndCheck(tabId);
      assert.equal(record.verdict, 'none', `after the correction: ${JSON.stringify(record)}`);
      await waitForBadge(drv, tabId, '');
      await sleep(1500);
      assert.equal(await noticeShown(page), null, 'no notice once the pair is marked wrong');

      // The library page lists it in plain words; its Undo, named after the row, takes it back.
      const options = await drv.openExtensionPage('options.html');
      try {
        const row = await poll(
          () =>
            options.evaluate(() => {
              const li = document.querySelector('[data-role=corrections] li');
              const b = li?.querySelector('button');
              return (
                li && {
                  text: li.textContent,
                  name: b?.getAttribute('aria-label') ?? '',
                  empty: !document.querySelector('[data-role=corrections-empty]').hidden,
                }
              );
            }),
          { what: 'the correction listed on the library page' },
        );
        assert.match(row.text, /is not from “Russia was smug/);
        assert.match(row.name, /^Undo: .+ is not from “Russia was smug/);
        assert.equal(row.empty, false);
        await options.click('[data-role=corrections] li button');
        await poll(
          () =>
            options.evaluate(() => !document.querySelector('[data-role=corrections-empty]').hidden && !document.querySelector('[data-role=corrections] li')),
          { what: 'the empty state once the correction is undone' },
        );
        assert.match(await options.evaluate(() => document.querySelector('[data-role=status]').textContent), /^Undone: /);
      } finally {
        await options.close();
      }
      assert.deepEqual((await corrections())?.notDerived, []);

      // Reload: the warning is back.
      record = await reloadAndCheck(tabId);
      assert.equal(record.verdict, 'uncredited-rewrite', `after the undo: ${JSON.stringify(record)}`);
      await waitForBadge(drv, tabId, '!');
      await poll(() => noticeShown(page), { what: 'the notice to return after the undo' });
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
    assert.equal(await noticeShown(page.page), null, 'no notice on a page told from the same facts');
  });
}
