// Issue 13, accessibility and dark mode, in Debian's Chromium (headless) with the chrome-mv3 test
// build: axe-core on the popup in every state, the in-page notice, the library page, the first-run
// page and the privacy page, light and dark (see a11y-harness.mjs).
// The colour scheme is emulated per page over CDP (Emulation.setEmulatedMedia, prefers-color-scheme).
// The notice's closed shadow root is reached over CDP too: DOM.getDocument with pierce lists closed
// roots, DOM.resolveNode gives a handle on one, Runtime.callFunctionOn runs the audit with it.
// Run after `bash scripts/build-e2e.sh`: node --test e2e/chromium-a11y.e2e.test.mjs
import { defineA11ySuite } from './a11y-harness.mjs';
import { CHROME_EXT_E2E, launchChromium } from './chromium-driver.mjs';

const sessions = new WeakMap();
/** One CDP session per page, kept: an emulated media feature lasts as long as its session. */
async function cdpOf(drv, page) {
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = await drv.context.newCDPSession(page)));
  return cdp;
}

/** The first element named `tag` in a DOM.getDocument tree (shadow roots are not searched: the notice's host is in the page). */
function findNode(node, tag) {
  if (node.localName === tag) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, tag);
    if (found) return found;
  }
  return null;
}

defineA11ySuite('chromium', (site) => launchChromium(site, { extDir: CHROME_EXT_E2E }), {
  async setScheme(drv, handle, scheme) {
    const cdp = await cdpOf(drv, handle.page);
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  },
  setViewport: (handle, size) => handle.page.setViewportSize(size),
  async inNoticeRoot(drv, page, fn, arg) {
    const cdp = await cdpOf(drv, page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = findNode(root, 'unspun-notice')?.shadowRoots?.[0];
    if (!shadow) throw new Error('no notice with a shadow root in the page');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const reply = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      awaitPromise: true,
      returnByValue: true,
    });
    if (reply.exceptionDetails) throw new Error(`in the notice: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return JSON.parse(reply.result.value);
  },
});
