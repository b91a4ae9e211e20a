// Issue 10 E2E in Firefox ESR: a credit the reader cannot see does not count (shipped build).
import { launchFirefox } from './firefox-driver.mjs';
import { defineHiddenCreditSuite } from './hidden-credit-harness.mjs';

defineHiddenCreditSuite('firefox', (site) => launchFirefox(site));
