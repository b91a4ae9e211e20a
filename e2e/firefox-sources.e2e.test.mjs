// Issue 5 E2E in Firefox ESR: the feed path (on the test build: bash scripts/build-e2e.sh), and a
// pack exported from one profile and imported into a fresh one (on the shipped build); then that
// pack is compared with the one the Chromium suite exported.
import { FIREFOX_EXT_E2E, launchFirefox } from './firefox-driver.mjs';
import { definePackComparison, defineSourcesSuite } from './sources-harness.mjs';

defineSourcesSuite('firefox', {
  launchTestBuild: (site) => launchFirefox(site, { extDir: FIREFOX_EXT_E2E }),
  launchShipped: (site) => launchFirefox(site),
});
definePackComparison(['chromium', 'firefox']);
