// Issue 13, accessibility and dark mode, in Debian's firefox-esr (headless) with the shipped
// firefox-mv2 build: axe-core on the popup, the library page and the first-run page, light and dark.
//
// The colour scheme: WebDriver BiDi has no prefers-color-scheme emulation in Firefox (its emulation
// module sets geolocation, locale, network, screen, timezone and user agent; puppeteer's
// emulateMediaFeatures is CDP only). Firefox has a pref for it,
// layout.css.prefers-color-scheme.content-override (0 dark, 1 light, 2 the browser's theme), which
// content and extension pages follow at once, without a reload. The driver launches Firefox with
// --remote-allow-system-access, so BiDi can evaluate script in the browser's own chrome window
// (browsingContext.getTree with "moz:scope": "chrome"): the suite sets the pref there, live, instead
// of launching a second browser with ui.systemUsesDarkTheme.
// Run after `npx wxt build -b firefox`: node --test e2e/firefox-a11y.e2e.test.mjs
import { defineA11ySuite } from './a11y-harness.mjs';
import { launchFirefox } from './firefox-driver.mjs';

const OVERRIDE = { dark: 0, light: 1 };

defineA11ySuite('firefox', (site) => launchFirefox(site), {
  async setScheme(drv, handle, scheme) {
    const { session } = handle.page.mainFrame().browsingContext.userContext.browser;
    const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const chrome = (tree.result ?? tree).contexts[0];
    if (!chrome) throw new Error('no chrome context: is Firefox running with --remote-allow-system-access?');
    const pref = 'layout.css.prefers-color-scheme.content-override';
    const reply = await session.send('script.evaluate', {
      expression: `Services.prefs.setIntPref(${JSON.stringify(pref)}, ${OVERRIDE[scheme]}); Services.prefs.getIntPref(${JSON.stringify(pref)})`,
      target: { context: chrome.context },
      awaitPromise: false,
    });
    const value = (reply.result ?? reply).result?.value;
    if (value !== OVERRIDE[scheme]) throw new Error(`could not set ${pref} to ${OVERRIDE[scheme]}: ${JSON.stringify(reply)}`);
  },
  setViewport: (handle, size) => handle.page.setViewport(size),
});
