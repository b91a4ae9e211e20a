// Issue 13, internationalisation, in Debian's Chromium (headless) with the shipped chrome-mv3 build
// started in German with a fresh profile. chromium-driver.mjs takes the browser from CHROMIUM_PATH
// when it loads: a wrapper that adds --lang=de and sets LANGUAGE=de (Chromium on Linux ignores
// --lang and takes its language, for its UI and for extensions' i18n, from LANGUAGE; seen here:
// --lang=de alone left it en-US). German needs Chromium's German locale file (Debian: chromium-l10n).
// Run after `npx wxt build`: node --test e2e/chromium-i18n.e2e.test.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineI18nSuite } from './i18n-harness.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unspun-chromium-de-')), 'chromium');
fs.writeFileSync(wrapper, `#!/bin/sh\nLANGUAGE=de exec ${JSON.stringify(chromium)} --lang=de "$@"\n`, { mode: 0o755 });
process.env.CHROMIUM_PATH = wrapper;
const { launchChromium } = await import('./chromium-driver.mjs');

const localeFile = '/usr/lib/chromium/locales/de.pak';
const skip =
  process.env.CHROMIUM_PATH !== wrapper || chromium !== '/usr/bin/chromium' || fs.existsSync(localeFile)
    ? ''
    : `Chromium has no German (${localeFile} missing: apt-get install chromium-l10n)`;

defineI18nSuite('chromium', (site) => launchChromium(site), skip);
process.on('exit', () => fs.rmSync(path.dirname(wrapper), { recursive: true, force: true }));
