// Drives Debian's Chromium (new headless, or headed for the demo) with the built chrome-mv3
// extension through playwright-core. See harness.mjs for the driver interface.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shipped build (`npx wxt build`). */
export const CHROME_EXT = path.resolve(ROOT, process.env.EXT_DIR ?? '.output/chrome-mv3');
/** The test build with the fake hosts granted (`bash scripts/build-e2e.sh`), for the suites that fetch. */
export const CHROME_EXT_E2E = path.resolve(ROOT, process.env.EXT_DIR_E2E ?? '.output-e2e/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What openExtensionPage and findExtensionPage return for a page: real (trusted) input through playwright. */
function extensionPageHandle(page) {
  return {
    page,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.fill(selector, text),
    setFile: (selector, file) => page.setInputFiles(selector, file),
    async download(selector, file) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      await download.saveAs(file);
    },
    screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
    close: () => page.close(),
  };
}

/** Chromium's id for an unpacked extension: sha256 of its absolute path, first 32 hex digits as a-p. */
export function unpackedExtensionId(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Chromium's switches for the tests: the corpus hosts resolved to the corpus server, a quiet closed network. */
export function chromiumArgs(site) {
  return [
    `--host-resolver-rules=${site.hostResolverRules}`,
    '--no-sandbox', // we run as root
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // our pages are plain http on a random port: no automatic https upgrade attempts
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  ];
}

/**
 * Launches Chromium with the extension and `site.hosts` mapped to 127.0.0.1.
 * Options: extDir (the build to load, default CHROME_EXT), headless (default true), viewport for
 * pages (default 1280x900; null = window size),
 * pin (pin the extension's icon to the toolbar, so a person sees its badge; for headed runs).
 */
export async function launchChromium(site, { extDir = CHROME_EXT, headless = true, viewport = { width: 1280, height: 900 }, pin = false } = {}) {
  if (!fs.existsSync(path.join(extDir, 'manifest.json'))) {
    throw new Error(`no build at ${extDir}: run \`${extDir === CHROME_EXT_E2E ? 'bash scripts/build-e2e.sh' : 'npx wxt build'}\` first`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unspun-chromium-'));
  if (pin) {
    // The profile's toolbar pins are a pref; seed it before the first start.
    fs.mkdirSync(path.join(userDataDir, 'Default'));
    const prefs = { extensions: { pinned_extensions: [unpackedExtensionId(extDir)] } };
    fs.writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless, // the full Chromium binary's --headless is the new headless, which runs extensions
    handleSIGINT: headless, // headed (demo): the caller handles Ctrl-C and cleans up
    viewport,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...chromiumArgs(site)],
  });
  try {
    // The MV3 background is a service worker; its URL gives the extension id.
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extId = new URL(sw.url()).host;
    const extUrl = (p) => `chrome-extension://${extId}/${p}`;

    // An extension page kept open to read storage.session and badges (the worker may go idle).
    const probe = await context.newPage();
    await probe.goto(extUrl('popup.html?tabId=-1'));

    return {
      context,
      extId,
      probe,
      async openTab(url) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      extEval: (fn, arg) => probe.evaluate(fn, arg),
      /** An extension page (e.g. options.html) in a new tab, with real (trusted) input. */
      async openExtensionPage(p) {
        const page = await context.newPage();
        await page.goto(extUrl(p));
        return extensionPageHandle(page);
      },
      /**
       * The tab already showing extension page `p` (e.g. 'onboarding.html', opened by the extension
       * itself), as openExtensionPage's handle; null if no tab shows it.
       */
      async findExtensionPage(p) {
        const href = extUrl(p);
        const page = context.pages().find((pg) => pg !== probe && pg.url() === href);
        return page ? extensionPageHandle(page) : null;
      },
      /** Puts a cookie in the profile's jar: { url, name, value } (host-only, path /). */
      setCookie: ({ url, name, value }) => context.addCookies([{ name, value, url: new URL('/', url).href }]),
      async openPopup(tabId) {
        const page = await context.newPage();
        await page.setViewportSize({ width: 420, height: 600 });
        await page.goto(extUrl(`popup.html?tabId=${tabId}`));
        return {
          page,
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          screenshot: (file) => page.screenshot({ path: file }),
          close: () => page.close(),
        };
      },
      async close() {
        await context.close().catch(() => {});
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}
