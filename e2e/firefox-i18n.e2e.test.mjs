// Issue 13, internationalisation, in Debian's firefox-esr (headless) with the shipped firefox-mv2
// build, in German with a fresh profile. firefox-driver.mjs takes the browser from FIREFOX_PATH when
// it loads: a wrapper that writes intl.locale.requested = "de" into the profile puppeteer made (its
// user.js, read at start) and starts Firefox. German needs Firefox's German language pack (Debian:
// firefox-esr-l10n-de); without it Firefox stays English.
// Run after `npx wxt build -b firefox`: node --test e2e/firefox-i18n.e2e.test.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineI18nSuite } from './i18n-harness.mjs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'unspun-firefox-de-')), 'firefox');
fs.writeFileSync(
  wrapper,
  [
    '#!/bin/sh',
    'prev=""',
    'for a in "$@"; do',
    `  if [ "$prev" = "--profile" ] || [ "$prev" = "-profile" ]; then printf 'user_pref("intl.locale.requested", "de");\\n' >> "$a/user.js"; fi`,
    '  prev="$a"',
    'done',
    `exec ${JSON.stringify(firefox)} "$@"`,
    '',
  ].join('\n'),
  { mode: 0o755 },
);
process.env.FIREFOX_PATH = wrapper;
const { launchFirefox } = await import('./firefox-driver.mjs');

const langpack = '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi';
const skip =
  firefox !== '/usr/bin/firefox-esr' || fs.existsSync(langpack) ? '' : `Firefox has no German (${langpack} missing: apt-get install firefox-esr-l10n-de)`;

// Where no page is served (no port), the driver's proxy points at port 9 (discard), so nothing goes out.
defineI18nSuite('firefox', (site) => launchFirefox(site.port ? site : { ...site, port: 9 }), skip);
process.on('exit', () => fs.rmSync(path.dirname(wrapper), { recursive: true, force: true }));
