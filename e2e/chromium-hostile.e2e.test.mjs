// Issue 10 E2E in Debian's Chromium: hostile pages get a verdict in time and leave the tab responsive (shipped build).
import { launchChromium } from './chromium-driver.mjs';
import { defineHostileSuite } from './hostile-harness.mjs';

defineHostileSuite('chromium', (site) => launchChromium(site));
