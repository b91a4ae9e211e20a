// Issue 5 E2E in Debian's Chromium: the feed path (on the test build: bash scripts/build-e2e.sh),
// and a pack exported from one profile and imported into a fresh one (on the shipped build).
import { CHROME_EXT_E2E, launchChromium } from './chromium-driver.mjs';
import { defineSourcesSuite } from './sources-harness.mjs';

defineSourcesSuite('chromium', {
  launchTestBuild: (site) => launchChromium(site, { extDir: CHROME_EXT_E2E }),
  launchShipped: (site) => launchChromium(site),
});
