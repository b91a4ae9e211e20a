// E2E in Debian's Chromium (headless) with the built chrome-mv3 extension.
// Run after `npx wxt build`: node --test e2e/chromium.e2e.test.mjs
import { defineE2ESuite } from './harness.mjs';
import { launchChromium } from './chromium-driver.mjs';

defineE2ESuite('chromium', (site) => launchChromium(site));
