// E2E in Debian's firefox-esr (headless) with the built firefox-mv2 extension.
// Run after `npx wxt build -b firefox`: node --test e2e/firefox.e2e.test.mjs
import { defineE2ESuite } from './harness.mjs';
import { launchFirefox } from './firefox-driver.mjs';

defineE2ESuite('firefox', (site) => launchFirefox(site));
