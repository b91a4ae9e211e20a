// Drives Debian's firefox-esr (headless) with the built firefox-mv2 extension through
// puppeteer-core over WebDriver BiDi (no geckodriver). See harness.mjs for the driver interface.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shipped build (`npx wxt build -b firefox`). */
export const FIREFOX_EXT = path.resolve(ROOT, process.env.EXT_DIR_FIREFOX ?? '.output/firefox-mv2');
/** The test build with the fake hosts granted (`bash scripts/build-e2e.sh`), for the suites that fetch. */
export const FIREFOX_EXT_E2E = path.resolve(ROOT, process.env.EXT_DIR_FIREFOX_E2E ?? '.output-e2e/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// Pinned moz-extension:// host for the add-on (otherwise random per profile).
const UUID = '7d1e5a52-0000-4000-8000-00000000e2e0';

/**
 * page.goto() never resolves for moz-extension:// pages (Firefox's BiDi sends no events for
 * extension contexts, bug 1755014): send the raw BiDi navigate instead.
 */
async function gotoExtensionPage(page, href) {
  await page.mainFrame().browsingContext.navigate(href, 'complete');
}

/** What openExtensionPage and findExtensionPage return for a page: real (trusted) input over BiDi. */
function extensionPageHandle(page) {
  return {
    page,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (selector) => page.click(selector),
    async type(selector, text) {
      await page.click(selector);
      await page.type(selector, text);
    },
    // puppeteer's uploadFile is BiDi input.setFiles: Firefox sets the file and fires change.
    setFile: async (selector, file) => (await page.$(selector)).uploadFile(file),
    async download(selector, file) {
      // puppeteer has no download API for BiDi pages (only per new browser context): send
      // BiDi browser.setDownloadBehavior itself, then wait for the file in that folder.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unspun-firefox-download-'));
      try {
        const { session } = page.mainFrame().browsingContext.userContext.browser;
        await session.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
        await page.click(selector);
        const end = Date.now() + 20_000;
        for (;;) {
          const names = fs.readdirSync(dir);
          const done = names.find((n) => !n.endsWith('.part'));
          if (done && !names.some((n) => n.endsWith('.part')) && fs.statSync(path.join(dir, done)).size > 0) {
            fs.copyFileSync(path.join(dir, done), file);
            return;
          }
          if (Date.now() > end) throw new Error(`no download in ${dir} after 20 s (${names.join(', ') || 'empty'})`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
    close: () => page.close(),
  };
}

/**
 * The test profile's prefs: the corpus hosts through the corpus server, the add-on's moz-extension
 * UUID pinned, no https upgrades, a closed network.
 */
export function firefoxPrefs(site, geckoId, uuid = UUID) {
  return {
    'network.dns.localDomains': site.hosts.join(','),
    // Every http request goes through the corpus server as a proxy: it serves the corpus hosts
    // and answers 404 (http) or 403 (https CONNECT) at once for the pages' CDNs and trackers,
    // which would otherwise wait for DNS timeouts on this offline machine.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': site.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': site.port,
    'network.proxy.no_proxies_on': '',
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    // our pages are plain http on a random port: no https upgrades, no HSTS preload list
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    'network.stricttransportsecurity.preloadlist': false,
    // closed network: keep Firefox from phoning home
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'toolkit.telemetry.enabled': false,
  };
}

/**
 * Launches Firefox with the extension (extDir, default FIREFOX_EXT) installed as a temporary
 * add-on and `site.hosts` -> 127.0.0.1.
 */
export async function launchFirefox(site, { extDir = FIREFOX_EXT } = {}) {
  const manifestFile = path.join(extDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`no build at ${extDir}: run \`${extDir === FIREFOX_EXT_E2E ? 'bash scripts/build-e2e.sh' : 'npx wxt build -b firefox'}\` first`);
  }
  // GECKO_ID in wxt.config.ts ends up here.
  const geckoId = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).browser_specific_settings.gecko.id;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    // Without it BiDi refuses: 'Navigation to "moz-extension://…" is not allowed in this context'
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(site, geckoId),
  });
  try {
    const id = await browser.installExtension(extDir); // temporary add-on
    if (id !== geckoId) throw new Error(`installed add-on id ${id} != ${geckoId}`);
    const extUrl = (p) => `moz-extension://${UUID}/${p}`;

    // An extension page kept open to read storage.session and badges (MV2 has a background page
    // but no handle to evaluate in it; any extension page has the same APIs).
    const probe = await browser.newPage();
    await gotoExtensionPage(probe, extUrl('popup.html?tabId=-1'));

    return {
      browser,
      async openTab(url) {
        const page = await browser.newPage();
        // Firefox now and then refuses a fresh navigation through the local proxy with "Address
        // rejected" (seen about once in ten runs); a second attempt loads the page.
        for (let attempt = 1; ; attempt++) {
          try {
            await page.goto(url, { waitUntil: 'load' });
            return page;
          } catch (e) {
            if (attempt >= 3 || !/Address rejected/.test(String(e))) throw e;
            await new Promise((r) => setTimeout(r, 500 * attempt));
          }
        }
      },
      extEval: (fn, arg) => probe.evaluate(fn, arg),
      /** An extension page (e.g. options.html) in a new tab, with real (trusted) input over BiDi. */
      async openExtensionPage(p) {
        const page = await browser.newPage();
        await gotoExtensionPage(page, extUrl(p));
        return extensionPageHandle(page);
      },
      /**
       * The tab already showing extension page `p` (e.g. 'onboarding.html', opened by the extension
       * itself), as openExtensionPage's handle; null if no tab shows it. puppeteer reports such a
       * tab's URL as about:blank (no BiDi events for extension contexts, bug 1755014): the BiDi
       * browsing-context tree has the real URL.
       */
      async findExtensionPage(p) {
        const href = extUrl(p);
        const { session } = probe.mainFrame().browsingContext.userContext.browser;
        const tree = await session.send('browsingContext.getTree', { maxDepth: 0 });
        const ctx = (tree.result ?? tree).contexts.find((c) => c.url === href);
        if (!ctx) return null;
        const page = (await browser.pages()).find((pg) => pg.mainFrame().browsingContext.id === ctx.context);
        return page ? extensionPageHandle(page) : null;
      },
      /** Puts a cookie in the profile's jar: { url, name, value } (host-only, path /). */
      setCookie: ({ url, name, value }) => browser.setCookie({ name, value, domain: new URL(url).hostname, path: '/' }),
      async openPopup(tabId) {
        const page = await browser.newPage();
        await page.setViewport({ width: 420, height: 600 });
        await gotoExtensionPage(page, extUrl(`popup.html?tabId=${tabId}`));
        return {
          page,
          // plain evaluate: waitForFunction is blocked by the extension CSP on Firefox 140
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          screenshot: (file) => page.screenshot({ path: file }),
          close: () => page.close(),
        };
      },
      close: () => browser.close().catch(() => {}),
    };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}
