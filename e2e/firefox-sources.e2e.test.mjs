// Issue 5 E2E in Firefox ESR: feed path, and the Chromium-exported pack imported into a fresh profile.
import { launchFirefox } from './firefox-driver.mjs';
import { defineSourcesSuite } from './sources-harness.mjs';

defineSourcesSuite('firefox', (site) => launchFirefox(site), { exportPack: false });
