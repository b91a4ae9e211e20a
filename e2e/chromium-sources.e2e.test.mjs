// Issue 5 E2E in Debian's Chromium: feed path, and pack export -> import into a fresh profile.
import { launchChromium } from './chromium-driver.mjs';
import { defineSourcesSuite } from './sources-harness.mjs';

defineSourcesSuite('chromium', (site) => launchChromium(site), { exportPack: true });
