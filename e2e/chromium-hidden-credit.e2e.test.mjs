// Issue 10 E2E in Debian's Chromium: a credit the reader cannot see does not count (shipped build).
import { launchChromium } from './chromium-driver.mjs';
import { defineHiddenCreditSuite } from './hidden-credit-harness.mjs';

defineHiddenCreditSuite('chromium', (site) => launchChromium(site));
