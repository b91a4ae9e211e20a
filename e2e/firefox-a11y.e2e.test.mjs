// Issue 13, accessibility and dark mode, in Debian's firefox-esr (headless) with the firefox-mv2
// test build: axe-core on the popup in every state, the in-page notice, the library page, the
// first-run page and the privacy page, light and dark (see a11y-harness.mjs).
//
// The colour scheme: WebDriver BiDi has no prefers-color-scheme emulation in Firefox (its emulation
// module sets geolocation, locale, network, screen, timezone and user agent; puppeteer's
// emulateMediaFeatures is CDP only). Firefox has a pref for it,
// layout.css.prefers-color-scheme.content-override (0 dark, 1 light, 2 the browser's theme), which
// content and extension pages follow at once, without a reload. The driver launches Firefox with
// --remote-allow-system-access, so BiDi can evaluate script in the browser's own chrome window
// (browsingContext.getTree with "moz:scope": "chrome"): the suite sets the pref there, live, instead
// of launching a second browser with ui.systemUsesDarkTheme.
//
// The notice's closed shadow root: BiDi serializes a node's shadow root, closed ones too, when asked
// with serializationOptions.includeShadowTree "all"; its sharedId, passed to script.callFunction,
// is the root itself in the page.
// Run after `bash scripts/build-e2e.sh`: node --test e2e/firefox-a11y.e2e.test.mjs
import { defineA11ySuite } from './a11y-harness.mjs';
import { FIREFOX_EXT_E2E, launchFirefox } from './firefox-driver.mjs';

const OVERRIDE = { dark: 0, light: 1 };
const sessionOf = (page) => page.mainFrame().browsingContext.userContext.browser.session;
/** A BiDi command's result (puppeteer's session.send wraps it in { result } or not, by version). */
const resultOf = (reply) => reply.result ?? reply;

defineA11ySuite('firefox', (site) => launchFirefox(site, { extDir: FIREFOX_EXT_E2E }), {
  async setScheme(drv, handle, scheme) {
    const session = sessionOf(handle.page);
    const tree = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const chrome = resultOf(tree).contexts[0];
    if (!chrome) throw new Error('no chrome context: is Firefox running with --remote-allow-system-access?');
    const pref = 'layout.css.prefers-color-scheme.content-override';
    const reply = await session.send('script.evaluate', {
      expression: `Services.prefs.setIntPref(${JSON.stringify(pref)}, ${OVERRIDE[scheme]}); Services.prefs.getIntPref(${JSON.stringify(pref)})`,
      target: { context: chrome.context },
      awaitPromise: false,
    });
    const value = resultOf(reply).result?.value;
    if (value !== OVERRIDE[scheme]) throw new Error(`could not set ${pref} to ${OVERRIDE[scheme]}: ${JSON.stringify(reply)}`);
  },
  setViewport: (handle, size) => handle.page.setViewport(size),
  async inNoticeRoot(drv, page, fn, arg) {
    const session = sessionOf(page);
    const context = page.mainFrame().browsingContext.id;
    const found = resultOf(
      await session.send('script.evaluate', {
        expression: "document.querySelector('unspun-notice')",
        target: { context },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
      }),
    );
    const shadow = found.result?.value?.shadowRoot;
    if (!shadow?.sharedId) throw new Error(`no notice with a shadow root in the page: ${JSON.stringify(found).slice(0, 500)}`);
    const reply = resultOf(
      await session.send('script.callFunction', {
        functionDeclaration: `async function (root, json) { return (${fn})(root, JSON.parse(json)); }`,
        arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: JSON.stringify(arg) }],
        target: { context },
        awaitPromise: true,
      }),
    );
    if (reply.type === 'exception') throw new Error(`in the notice: ${reply.exceptionDetails?.text}`);
    return JSON.parse(reply.result.value);
  },
});
