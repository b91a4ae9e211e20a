// Issue 8 E2E in Debian's Chromium: original lookup in a fresh profile (setup page, options
// endpoint, the seed rewrite's original found through a local GDELT stand-in), pages that must
// stay clear, and the network log. Runs the test build: bash scripts/build-e2e.sh.
import { CHROME_EXT_E2E, launchChromium } from './chromium-driver.mjs';
import { defineLookupSuite } from './lookup-harness.mjs';

defineLookupSuite('chromium', (site) => launchChromium(site, { extDir: CHROME_EXT_E2E }));
