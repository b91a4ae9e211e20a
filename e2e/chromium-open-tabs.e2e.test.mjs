// Issue 13: tabs already open when the extension is installed, in Chromium (installed into the
// running browser over CDP, Extensions.loadUnpacked). The shipped build has no host permission
// until the user grants one, so it marks the tab "reload to check"; the test build
// (bash scripts/build-e2e.sh) has every host granted, so it runs the content script there.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROME_EXT, CHROME_EXT_E2E, chromiumArgs } from './chromium-driver.mjs';
import { defineOpenTabsSuite } from './open-tabs-harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with no extension yet; install() loads extDir into it (the driver's flags, `chromiumArgs`). */
async function launchThenInstall(site, extDir) {
  if (!fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no build at ${extDir}: build first`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unspun-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
    args: [
      '--enable-unsafe-extension-debugging', // CDP Extensions.loadUnpacked
      ...chromiumArgs(site),
    ],
  });
  let extId;
  const extPage = async (p) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extId}/${p}`);
    return page;
  };
  return {
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async install() {
      const cdp = await context.browser().newBrowserCDPSession();
      ({ id: extId } = await cdp.send('Extensions.loadUnpacked', { path: extDir }));
    },
    async session() {
      const page = await extPage('popup.html?tabId=-1');
      try {
        return await page.evaluate(() => chrome.storage.session.get(null));
      } finally {
        await page.close();
      }
    },
    async pageText(p) {
      const page = await extPage(p);
      try {
        return await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

defineOpenTabsSuite('chromium', [
  { label: 'shipped build', launch: (site) => launchThenInstall(site, CHROME_EXT), expect: 'marked' },
  { label: 'hosts granted', launch: (site) => launchThenInstall(site, CHROME_EXT_E2E), expect: 'checked' },
]);
