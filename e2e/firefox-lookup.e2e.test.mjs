// Issue 8 E2E in Firefox ESR: original lookup in a fresh profile (setup page, options endpoint,
// the seed rewrite's original found through a local GDELT stand-in), pages that must stay clear,
// and the network log. Runs the test build: bash scripts/build-e2e.sh.
import { FIREFOX_EXT_E2E, launchFirefox } from './firefox-driver.mjs';
import { defineLookupSuite } from './lookup-harness.mjs';

defineLookupSuite('firefox', (site) => launchFirefox(site, { extDir: FIREFOX_EXT_E2E }));
