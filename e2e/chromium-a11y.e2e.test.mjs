// Issue 13, accessibility and dark mode, in Debian's Chromium (headless) with the shipped
// chrome-mv3 build: axe-core on the popup, the library page and the first-run page, light and dark.
// The colour scheme is emulated per page over CDP (Emulation.setEmulatedMedia, prefers-color-scheme).
// Run after `npx wxt build`: node --test e2e/chromium-a11y.e2e.test.mjs
import { defineA11ySuite } from './a11y-harness.mjs';
import { launchChromium } from './chromium-driver.mjs';

const sessions = new WeakMap();

defineA11ySuite('chromium', (site) => launchChromium(site), {
  async setScheme(drv, handle, scheme) {
    let cdp = sessions.get(handle.page);
    if (!cdp) sessions.set(handle.page, (cdp = await drv.context.newCDPSession(handle.page)));
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  },
  setViewport: (handle, size) => handle.page.setViewportSize(size),
});
