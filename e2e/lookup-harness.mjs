// E2E for issue 8 ("original lookup"), the same for every browser. A fresh profile knows no
// original: the first-run setup page turns lookup on, the options page points it at a local GDELT
// stand-in (e2e/news-search-server.mjs, a real index of every corpus document that also serves them
// all under their own hosts), and the seed rewrite's CNBC original is found, fetched and verified
// although the test never opens it. In the same profile, a same-facts and a same-event page go
// through a lookup too and must stay clear. Last, the server's log of every request is checked:
// what the test's tabs loaded, and what the extension fetched (only the search endpoint and the
// candidates the tab records name, without cookies, and no search carries the page itself).
//
// Runs the test build (bash scripts/build-e2e.sh), which grants http://*/* and https://*/* at
// install: the switch's permissions.request then resolves at once, with no prompt to answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OUT, SAME_FACTS, SEED, badgeText, nodeSentences, poll, readLibrary, readPopup, readVerdicts, sameUrl, visit, waitForBadge } from './harness.mjs';
import { GDELT_PATH, localUrlFor, startNewsSearchServer, tokenize } from './news-search-server.mjs';
import { CORPUS, corpusDoc, hostResolverRules } from './server.mjs';

/**
 * Pages that must stay clear after their lookup: a same-facts article (both blind editors: not a
 * rewrite) and a real article of another outlet on the same event (ECB+). Their hosts and the hosts
 * of what their lookups fetch are not on Chromium's HSTS preload list (nasa.gov, zdnet.com are), so
 * plain http from the local server works.
 */
export const CLEAR_PAGES = [
  { id: SAME_FACTS.page, kind: 'same-facts' }, // www.easternledger.org
  { id: 'ecb-10_9ecbplus', kind: 'same-event' }, // metsblog.com: its lookup fetches candidates
];
/** One lookup: up to 3 searches 5 s apart (GDELT's rule), then up to 3 candidate fetches. */
const LOOKUP_TIMEOUT = Number(process.env.E2E_LOOKUP_TIMEOUT ?? 120_000);
/** GDELT asks for one request every 5 s; the server answers 429 to a request sooner than this. */
const SERVER_MIN_INTERVAL_MS = 4_000;
/** Consecutive searches must reach the server at least this far apart (5 s less timer jitter). */
const MIN_SEARCH_GAP_MS = 4_500;
/** A cookie in the jar for the original's host: a candidate fetch must not carry it. */
const COOKIE = { name: 'unspun_e2e', value: 'must-not-leave' };
/** The test's own credentialed fetch, showing the jar would attach COOKIE to an extension request. */
const CANARY_PATH = '/__unspun-e2e-cookie-canary';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hostPath = (url) => {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}:${u.port}${u.pathname}${u.search}`;
};
/** host:port + path of a logged request (the Host header keeps the port). */
const reqKey = (r) => `${r.host}:${(r.headers.host ?? '').match(/:(\d+)$/)?.[1] ?? ''}${r.path}`;
const bare = (host) => host.toLowerCase().replace(/^www\./, '');

let textsCache;
/** Headline + body of a corpus document as words (the corpus's clean texts.jsonl). */
function corpusWords(id) {
  textsCache ??= new Map(
    fs
      .readFileSync(path.join(CORPUS, 'texts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((t) => [t.id, t]),
  );
  const t = textsCache.get(id);
  assert.ok(t, `no clean text for ${id} in texts.jsonl`);
  return tokenize(`${t.title}\n${t.body}`);
}

const shingles = (words, n) => {
  const out = new Set();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
};

/** The tab record of `tabId` once its lookup is over (phase done), for the page at `url`. */
async function waitForLookup(drv, tabId, url) {
  let last;
  return poll(
    async () => {
      last = (await readVerdicts(drv)).find((r) => r.tabId === tabId);
      return last && sameUrl(last.url, url) && last.lookup?.phase === 'done' ? last : undefined;
    },
    { what: `the lookup on tab ${tabId} (${url}) to finish`, timeout: LOOKUP_TIMEOUT, interval: 500 },
  ).catch((e) => {
    throw new Error(`${e.message}\nlast record: ${show(last)}`);
  });
}

/** A record as JSON without the bulky evidence. */
const show = (rec) => JSON.stringify(rec, (k, v) => (k === 'evidence' || k === 'page' ? undefined : v));

/**
 * `launch(site)` starts a fresh profile with the TEST build (.output-e2e/), resolving `site.hosts`
 * to 127.0.0.1 (Chromium: site.hostResolverRules; Firefox: a proxy to site.port), and returns a
 * driver (harness.mjs) with findExtensionPage and setCookie.
 */
export function defineLookupSuite(name, launch) {
  let srv, drv;
  /** What the test itself loaded in tabs: [{ id, url }]. */
  const visited = [];
  /** Tab ids of the visited pages, by corpus id. */
  const tabs = {};
  const failures = [];

  before(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    srv = await startNewsSearchServer({ urlFor: localUrlFor, minIntervalMs: SERVER_MIN_INTERVAL_MS });
    for (const id of [SEED.page, SEED.original, ...CLEAR_PAGES.map((p) => p.id)]) {
      assert.ok(!srv.shadowed.some((s) => s.id === id), `${id} shares its URL with another corpus page and is not served`);
    }
    // The search endpoint is http://127.0.0.1:PORT: Chromium's "MAP * ~NOTFOUND" would catch the
    // IP literal too, so exclude it (Firefox sends everything through the server as its proxy).
    drv = await launch({ ...srv, hostResolverRules: `${hostResolverRules(srv.hosts)}, EXCLUDE 127.0.0.1` });
  });

  after(async () => {
    if (failures.length && drv && srv) await saveFailureState(name, drv, srv, tabs).catch((e) => console.error('could not save the failure state:', e));
    await drv?.close();
    await srv?.close();
  });

  /** Runs a test body; on failure, remembers it so `after` saves popups, records and the log. */
  const step = (fn) => async (t) => {
    try {
      await fn(t);
    } catch (e) {
      failures.push(t.name);
      throw e;
    }
  };

  const served = (id) => localUrlFor(corpusDoc(id), { port: srv.port });
  const open = async (id) => {
    const url = served(id);
    visited.push({ id, url });
    const rec = await visit(drv, url);
    tabs[id] = rec.tabId;
    return rec;
  };

  test(
    `${name}: a fresh profile turns lookup on in the setup page and finds the seed rewrite's CNBC original without visiting it`,
    { timeout: 60_000 + 2 * LOOKUP_TIMEOUT },
    step(async () => {
      // The setup page opened by itself on install, in a tab of its own.
      const onboarding = await poll(() => drv.findExtensionPage('onboarding.html'), {
        what: 'the first-run setup tab the extension opens on install',
        timeout: 20_000,
      });
      await poll(() => onboarding.evaluate(() => document.querySelector('#onboarding')?.dataset.ready === '1'), { what: 'the setup page to render' });
      const switches = () =>
        onboarding.evaluate(() => ({
          feeds: document.querySelector('input[data-role=onboarding-feeds]')?.checked,
          lookup: document.querySelector('input[data-role=onboarding-lookup]')?.checked,
        }));
      assert.deepEqual(await switches(), { feeds: false, lookup: false }, 'both choices start off');
      // A real click: the user gesture permissions.request needs. The test build holds all hosts
      // already, so the request resolves true at once and lookup is switched on.
      await onboarding.click('input[data-role=onboarding-lookup]');
      const said = await poll(() => onboarding.evaluate(() => document.querySelector('[data-role=onboarding-status]')?.textContent || undefined), {
        what: 'the setup page to say how the lookup switch ended',
      });
      assert.equal(said, 'Looking up originals is on, with GDELT.');
      assert.deepEqual(await switches(), { feeds: false, lookup: true });
      await onboarding.click('[data-role=onboarding-done]');
      const stored = await poll(
        () =>
          drv.extEval(async () => {
            const { onboarding: o, settings } = await (globalThis.browser ?? globalThis.chrome).storage.local.get(['onboarding', 'settings']);
            return o?.done ? { onboarding: o, settings } : undefined;
          }),
        { what: 'the done button to record the setup as finished' },
      );
      assert.equal(stored.settings.lookupEnabled, true);
      assert.equal(stored.settings.lookupEndpoint, '', "the endpoint is still GDELT's own");
      await poll(async () => !(await drv.findExtensionPage('onboarding.html')), { what: 'the setup tab to close itself after done', timeout: 10_000 });

      // The options page shows lookup on; the Advanced endpoint points it at the local GDELT.
      const options = await drv.openExtensionPage('options.html');
      await poll(() => options.evaluate(() => document.querySelector('#options')?.dataset.ready === '1'), { what: 'the options page to render' });
      assert.deepEqual(
        await options.evaluate(() => ({
          enabled: document.querySelector('[data-role=lookup-enabled]').checked,
          engine: document.querySelector('[data-role=lookup-engine]').value,
          advancedOpen: document.querySelector('[data-role=lookup-endpoint]').closest('details').open,
        })),
        { enabled: true, engine: 'gdelt', advancedOpen: false },
      );
      await options.click('details:has([data-role=lookup-endpoint]) > summary');
      await options.type('[data-role=lookup-endpoint]', srv.gdeltEndpoint);
      await options.click('[data-role=lookup-endpoint-save]');
      const status = await poll(() => options.evaluate(() => document.querySelector('[data-role=lookup-settings-status]')?.textContent || undefined), {
        what: 'the endpoint save to finish',
      });
      assert.equal(status, 'Lookups now go to 127.0.0.1.');
      const settings = await drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('settings')).settings);
      assert.equal(settings.lookupEndpoint, srv.gdeltEndpoint);
      assert.equal(settings.lookupEngine, 'gdelt');
      await options.screenshot(path.join(OUT, `${name}-lookup-options.png`));
      await options.close();
      assert.equal(srv.requests.length, 0, `nothing should have reached the network before the first page: ${JSON.stringify(srv.requests.map(reqKey))}`);

      // A cookie for the original's site; the extension's own credentialed fetch (the canary) shows
      // the jar would attach it, so its absence on the candidate fetch below means something.
      const originalUrl = served(SEED.original);
      await drv.setCookie({ url: originalUrl, ...COOKIE });
      const canary = new URL(CANARY_PATH, originalUrl).href;
      await drv.extEval((u) => fetch(u, { credentials: 'include', cache: 'no-store' }).then((r) => r.status), canary);
      const canaryReq = srv.requests.find((r) => r.path === CANARY_PATH);
      assert.equal(canaryReq?.headers.cookie, `${COOKIE.name}=${COOKIE.value}`, 'the cookie jar should attach the cookie to a credentialed extension fetch');

      // Only the rewrite is read. The library is empty, so its verdict is none and the lookup runs.
      const first = await open(SEED.page);
      assert.equal(first.verdict, 'none', `an empty library explains nothing: ${show(first)}`);
      const rec = await waitForLookup(drv, first.tabId, served(SEED.page));
      assert.equal(rec.lookup.outcome, 'found-uncredited', `tab record: ${show(rec)}`);
      assert.equal(rec.lookup.automatic, true, 'lookup on: Unspun looks by itself');
      assert.equal(rec.verdict, 'uncredited-rewrite', `tab record: ${show(rec)}`);
      assert.ok(sameUrl(rec.original?.url, originalUrl), `record.original.url ${rec.original?.url} != ${originalUrl}`);
      assert.ok(rec.lookup.queries >= 1 && rec.lookup.queries <= 4, `queries: ${rec.lookup.queries}`);
      assert.ok(rec.lookup.candidates.length >= 1 && rec.lookup.candidates.length <= 3, `candidates: ${show(rec.lookup.candidates)}`);
      const source = rec.lookup.candidates.find((c) => sameUrl(c.url, originalUrl));
      assert.equal(source?.result, 'source', `the CNBC original should be a verified candidate: ${show(rec.lookup.candidates)}`);
      await waitForBadge(drv, first.tabId, '!');

      const shown = await readPopup(drv, first.tabId, path.join(OUT, `${name}-lookup-popup.png`));
      assert.equal(shown.verdict, 'uncredited-rewrite');
      assert.match(shown.text, /CNBC/, 'the popup should name the original outlet');
      assert.match(shown.text, /Found an earlier version in GDELT/, 'the popup should say how the lookup ended');
      assert.ok(sameUrl(shown.originalUrl, originalUrl), `data-original-url ${shown.originalUrl} != ${originalUrl}`);
      assert.ok(sameUrl(shown.href, originalUrl), `link href ${shown.href} != ${originalUrl}`);
      // The lookup's own lines, below the evidence: a full-page shot shows them too.
      const popup = await drv.openPopup(first.tabId);
      try {
        await poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.ready === '1'), { what: 'the popup to render' });
        const lookupShown = await popup.evaluate(() => ({
          status: document.querySelector('[data-role=lookup-status]')?.textContent,
          button: !!document.querySelector('button[data-role=lookup-start]'),
          candidates: [...document.querySelectorAll('[data-role=lookup-candidates] li')].map((li) => li.dataset.result),
        }));
        assert.deepEqual(lookupShown, {
          status: 'Found an earlier version in GDELT: this page rewrites it without credit.',
          button: true,
          candidates: rec.lookup.candidates.map((c) => c.result),
        });
        await popup.page.screenshot({ path: path.join(OUT, `${name}-lookup-popup-full.png`), fullPage: true });
      } finally {
        await popup.close();
      }

      // The original joined the library from the lookup, read as Node reads it.
      const stored2 = (await readLibrary(drv)).find((a) => sameUrl(a.url, originalUrl));
      assert.equal(stored2?.source, 'lookup');
      assert.equal(stored2.stub, false);
      assert.deepEqual(stored2.sentences, await nodeSentences(SEED.original, originalUrl), 'the fetched original should read as in Node');
    }),
  );

  test(
    `${name}: a same-facts and a same-event page go through a lookup and stay clear`,
    { timeout: 30_000 + CLEAR_PAGES.length * (LOOKUP_TIMEOUT + 60_000) },
    step(async () => {
      for (const { id, kind } of CLEAR_PAGES) {
        assert.equal(corpusDoc(id).kind, kind, `${id} should be a ${kind} page`);
        assert.equal(corpusDoc(id).expect, 'none');
        assert.doesNotMatch(new URL(corpusDoc(id).url).hostname, /(^|\.)(nasa\.gov|zdnet\.com)$/, 'HSTS-preloaded: Chromium would not load it over http');
        const first = await open(id);
        assert.equal(first.verdict, 'none', `no known original explains ${id}, so its lookup runs: ${show(first)}`);
        const rec = await waitForLookup(drv, first.tabId, served(id));
        assert.notEqual(rec.verdict, 'uncredited-rewrite', `${kind} page ${id} flagged after its lookup: ${show(rec)}`);
        // The lookup really ran (searched; no engine or network error) and did not call the page a rewrite.
        assert.ok(rec.lookup.queries >= 1, `no search for ${id}: ${show(rec.lookup)}`);
        assert.notEqual(rec.lookup.outcome, 'error', `the lookup of ${id} failed: ${show(rec.lookup)}`);
        assert.notEqual(rec.lookup.outcome, 'found-uncredited', `lookup outcome of ${id}: ${show(rec)}`);
        await sleep(1000); // give a late badge update the chance to show up
        assert.equal(await badgeText(drv, first.tabId), '', `badge of ${id} (record: ${show(rec)})`);
        console.log(
          `${name}: ${kind} ${id}: verdict ${rec.verdict}, lookup ${rec.lookup.outcome} after ${rec.lookup.queries} searches, candidates ${rec.lookup.candidates.map((c) => `${c.site}=${c.result}`).join(', ') || 'none'}`,
        );
      }
    }),
  );

  test(
    `${name}: the network saw only the test's pages, the search endpoint and the candidates, without cookies or the page in a query`,
    { timeout: 60_000 },
    step(async () => {
      assert.ok(visited.length === 1 + CLEAR_PAGES.length, 'the first two tests should have run');
      const records = await readVerdicts(drv);
      const lookups = records.filter((r) => r.lookup);
      const candidates = lookups.flatMap((r) => r.lookup.candidates.map((c) => ({ ...c, tabId: r.tabId })));
      const candidateKeys = new Set(candidates.map((c) => hostPath(c.url)));
      const visitedKeys = new Map(visited.map((v) => [hostPath(v.url), v]));
      const visitedOrigins = new Set(visited.map((v) => new URL(v.url).origin));
      const endpoint = new URL(srv.gdeltEndpoint);
      // (c) Enabled feeds would be allowed too; this profile has none.
      const feeds = await drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('feeds')).feeds ?? []);
      assert.deepEqual(
        feeds.filter((f) => f.enabled).map((f) => f.id),
        [],
        'no feed is on in this profile',
      );

      // How a request is told apart (headers seen from Chromium 156 and Firefox 153 on plain http):
      // - a tab's navigation sends Upgrade-Insecure-Requests: 1 (both browsers), an extension fetch never;
      // - a page's subresources (css, images, favicon) carry a Referer of the page (or its origin);
      // - the extension's fetches (background / service worker) carry neither a Referer nor
      //   Upgrade-Insecure-Requests, and Cache-Control: max-age=0 (fetchText's cache: 'no-cache').
      // Every request is put in exactly one class; what is left is the extension's.
      const classes = { navigation: [], subresource: [], canary: [], extension: [] };
      for (const r of srv.requests) {
        const key = reqKey(r);
        const ref = r.headers.referer;
        if (r.path === CANARY_PATH) classes.canary.push(r);
        else if (r.headers['upgrade-insecure-requests'] === '1' && visitedKeys.has(key)) classes.navigation.push(r);
        else if (ref && visitedOrigins.has(new URL(ref).origin)) classes.subresource.push(r);
        else classes.extension.push(r);
      }
      const searches = classes.extension.filter((r) => r.kind === 'gdelt');
      const fetches = classes.extension.filter((r) => r.kind !== 'gdelt');
      printLog(name, srv, classes, visited);
      fs.writeFileSync(
        path.join(OUT, `${name}-lookup-requests.json`),
        JSON.stringify(
          { visited, candidates, classes: Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.map((r) => ({ ...r, key: reqKey(r) }))])) },
          null,
          1,
        ),
      );

      // (a) The test's own tabs: each visited page navigated to exactly once, nothing else navigated.
      for (const v of visited) {
        assert.equal(classes.navigation.filter((r) => reqKey(r) === hostPath(v.url)).length, 1, `${v.id} should be navigated to once`);
      }
      assert.equal(classes.navigation.length, visited.length);
      // The original was never opened in a tab, by the test or anyone.
      const originalKey = hostPath(served(SEED.original));
      assert.deepEqual(
        srv.requests.filter((r) => reqKey(r) === originalKey && (r.headers['upgrade-insecure-requests'] || r.headers.referer)).map(reqKey),
        [],
        'the CNBC original must never be loaded as a page',
      );
      assert.equal(classes.canary.length, 1);

      // (b) The extension: only the configured endpoint (searches) and the candidates the tab
      // records list, each looking like an extension fetch, none with a cookie.
      for (const r of classes.extension) {
        const what = `${r.method} ${reqKey(r)} ${JSON.stringify(r.headers)}`;
        assert.equal(r.method, 'GET', what);
        assert.equal(r.headers.referer, undefined, `an extension request carries no Referer: ${what}`);
        assert.equal(r.headers['upgrade-insecure-requests'], undefined, `not a navigation: ${what}`);
        assert.equal(r.headers.cookie, undefined, `no cookies: ${what}`);
        assert.notEqual(r.kind, 'rss', `no feed or RSS search is on: ${what}`);
        if (r.kind === 'gdelt') {
          assert.equal(
            `${r.host}:${r.headers.host?.split(':')[1]}`,
            `${endpoint.hostname}:${endpoint.port}`,
            `searches go to the configured endpoint only: ${what}`,
          );
          assert.ok(r.path.startsWith(`${GDELT_PATH}?`), what);
        } else {
          assert.ok(candidateKeys.has(reqKey(r)), `the extension fetched something no tab record lists as a candidate: ${what}`);
        }
      }
      assert.ok(searches.length >= 3, `at least the seed lookup's searches should be logged (got ${searches.length})`);
      assert.ok(fetches.length >= 1, 'at least the CNBC original should be fetched');
      // Each candidate fetched at most once per lookup that lists it; a fetched one at least once.
      for (const key of candidateKeys) {
        const listed = candidates.filter((c) => hostPath(c.url) === key);
        const got = fetches.filter((r) => reqKey(r) === key).length;
        assert.ok(got <= listed.length, `${key} fetched ${got} times for ${listed.length} listing(s)`);
        if (listed.some((c) => c.result === 'source' || c.result === 'not-source')) assert.ok(got >= 1, `${key} was verified but never fetched`);
      }
      const originalFetches = fetches.filter((r) => reqKey(r) === originalKey);
      assert.equal(originalFetches.length, 1, 'the CNBC original should be fetched exactly once');
      assert.equal(originalFetches[0].headers.cookie, undefined, 'the candidate fetch must not carry the cookie the jar holds for its site');

      // GDELT's rule: one request every 5 s.
      for (let i = 1; i < searches.length; i++) {
        const gap = Date.parse(searches[i].at) - Date.parse(searches[i - 1].at);
        assert.ok(gap >= MIN_SEARCH_GAP_MS, `searches ${i - 1} and ${i} only ${gap} ms apart`);
      }

      // No search carries a visited page's address, host or any 6 consecutive words of its text.
      for (const v of visited) {
        const manifestUrl = corpusDoc(v.id).url;
        const u = new URL(manifestUrl);
        const needles = [v.url, manifestUrl, u.pathname.length > 1 ? u.pathname : null, bare(u.hostname)].filter(Boolean).map((s) => s.toLowerCase());
        const six = shingles(corpusWords(v.id), 6);
        for (const r of searches) {
          const q = new URL(r.path, srv.origin);
          const sent = [
            decodeURIComponent(r.path),
            ...[...q.searchParams.values()],
            ...Object.entries(r.headers)
              .filter(([k]) => k !== 'host')
              .map(([, h]) => String(h)),
          ]
            .join('\n')
            .toLowerCase();
          for (const n of needles) assert.ok(!sent.includes(n), `a search carries "${n}" of ${v.id}: ${decodeURIComponent(r.path)}`);
          for (const value of q.searchParams.values()) {
            const words = tokenize(value);
            for (const s of shingles(words, 6)) assert.ok(!six.has(s), `a search carries 6 consecutive words of ${v.id} ("${s}"): ${value}`);
          }
        }
      }
    }),
  );
}

/** A summary of the server's log, by class, with the extension's requests one per line. */
function printLog(name, srv, classes, visited) {
  const t0 = Date.parse(srv.requests[0]?.at ?? new Date().toISOString());
  const at = (r) => `+${((Date.parse(r.at) - t0) / 1000).toFixed(1)}s`.padStart(8);
  const lines = [
    `${name} network log: ${srv.requests.length} requests`,
    `  test navigations: ${classes.navigation.length} (${visited.map((v) => v.id).join(', ')})`,
    `  page subresources: ${classes.subresource.length} (${[...new Set(classes.subresource.map((r) => r.kind))].join(', ') || '-'})`,
    `  cookie canary (the test's own extension fetch): ${classes.canary.length}`,
    `  extension: ${classes.extension.filter((r) => r.kind === 'gdelt').length} searches, ${classes.extension.filter((r) => r.kind !== 'gdelt').length} candidate fetches, 0 feeds`,
    ...classes.extension.map((r) =>
      r.kind === 'gdelt'
        ? `${at(r)} search  ${r.host} query=${new URL(r.path, 'http://x').searchParams.get('query')}`
        : `${at(r)} fetch   ${r.host}${r.path.slice(0, 90)} (${r.kind}, cookie: ${r.headers.cookie ? 'YES' : 'none'})`,
    ),
  ];
  console.log(lines.join('\n'));
}

/** After a failure: every visited tab's popup (screenshot) and record, and the request log. */
async function saveFailureState(name, drv, srv, tabs) {
  const records = await readVerdicts(drv).catch(() => []);
  for (const [id, tabId] of Object.entries(tabs)) {
    await readPopup(drv, tabId, path.join(OUT, `${name}-lookup-failure-${id}.png`)).catch(() => {});
  }
  const file = path.join(OUT, `${name}-lookup-failure.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ tabs, records, requests: srv.requests }, (k, v) => (k === 'evidence' ? undefined : v), 1),
  );
  console.error(`${name}: failure state saved to ${file} and ${name}-lookup-failure-*.png`);
}
