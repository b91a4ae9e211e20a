// Issue 13: tabs already open when the extension is installed, in Firefox ESR (installed into the
// running browser over WebDriver BiDi). Firefox runs the manifest's content script in open tabs
// itself, so the shipped build's open tab is checked without a reload, and nothing is marked.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';
import { FIREFOX_EXT, firefoxPrefs } from './firefox-driver.mjs';
import { defineOpenTabsSuite } from './open-tabs-harness.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const UUID = '7d1e5a52-0000-4000-8000-00000000e2e1';

/** Firefox with no add-on yet; install() installs extDir as a temporary add-on (prefs as in firefox-driver.mjs). */
async function launchThenInstall(site, extDir = FIREFOX_EXT) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(site, geckoId, UUID),
  });
  // moz-extension:// pages: page.goto never resolves (bug 1755014), so send the raw BiDi navigate.
  const extPage = async (p) => {
    const page = await browser.newPage();
    await page.mainFrame().browsingContext.navigate(`moz-extension://${UUID}/${p}`, 'complete');
    return page;
  };
  const inPage = async (p, fn) => {
    const page = await extPage(p);
    try {
      return await page.evaluate(fn);
    } finally {
      await page.close();
    }
  };
  return {
    async openTab(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async install() {
      const id = await browser.installExtension(extDir);
      if (id !== geckoId) throw new Error(`installed add-on id ${id} != ${geckoId}`);
    },
    session: () => inPage('popup.html?tabId=-1', () => browser.storage.session.get(null)),
    pageText: (p) => inPage(p, () => document.querySelector('main')?.innerText ?? ''),
    close: () => browser.close().catch(() => {}),
  };
}

defineOpenTabsSuite('firefox', [{ label: 'shipped build', launch: (site) => launchThenInstall(site), expect: 'checked' }]);
