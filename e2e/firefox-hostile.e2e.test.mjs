// Issue 10 E2E in Firefox ESR: hostile pages get a verdict in time and leave the tab responsive (shipped build).
import { launchFirefox } from './firefox-driver.mjs';
import { defineHostileSuite } from './hostile-harness.mjs';

defineHostileSuite('firefox', (site) => launchFirefox(site));
