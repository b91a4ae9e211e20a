// Issue 13, internationalisation, in a real browser: a fresh profile in German shows the first-run
// page, the options page's sections Unspun has translated, the toolbar title and the privacy page in
// German, with no message key and no English message left; the popup of the seed rewrite says why
// it is flagged in German. The browsers' German needs their locale files (Debian's
// chromium-l10n, firefox-esr-l10n-de): without them the suite is skipped, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED, readPopup, visit, waitForBadge } from './harness.mjs';
import { startCorpusServer } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (locale) => JSON.parse(fs.readFileSync(path.join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8'));
const en = read('en');
const de = read('de');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const TIMEOUT = 120_000;

/** English messages long enough to be recognised on a page, up to their first placeholder. */
const englishTexts = Object.values(en)
  .map(({ message }) => message.split('$')[0].trim())
  .filter((m) => m.length >= 20);

async function poll(fn, { what, timeout = 20_000 }) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every text a reader sees or hears on the page: text, alt texts, accessible names, placeholders, title. */
const pageTexts = () =>
  [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll('[alt],[aria-label],[placeholder],[title]')].flatMap((e) =>
      ['alt', 'aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
    ),
  ].join('\n');

function assertGerman(text, where) {
  for (const key of Object.keys(en)) assert.doesNotMatch(text, new RegExp(`\\b${key}\\b`), `${where}: message key ${key} shown`);
  for (const m of englishTexts) assert.ok(!text.includes(m), `${where}: English text shown: ${m}`);
  assert.doesNotMatch(text, /\$\d|__MSG_/, `${where}: unfilled placeholder`);
}

/**
 * `launch()` starts the browser in German with a fresh profile and the shipped build; `skip` is a
 * reason to skip (no German locale files), or ''.
 */
export function defineI18nSuite(name, launch, skip = '') {
  test(
    `${name}: in German, the first-run page, the options page's translated sections and the toolbar title are German`,
    { timeout: TIMEOUT, skip: skip || false },
    async () => {
      const drv = await launch({ hosts: [], hostResolverRules: 'MAP * ~NOTFOUND, EXCLUDE localhost' });
      try {
        const ui = await drv.extEval(() => {
          const b = globalThis.browser ?? globalThis.chrome;
          return { lang: b.i18n.getUILanguage(), name: b.i18n.getMessage('extName'), description: b.i18n.getMessage('extDescription') };
        });
        console.log(`${name}: browser UI language ${ui.lang}`);
        assert.match(ui.lang, /^de/, 'the browser runs in German');
        assert.equal(ui.description, de.extDescription.message);

        // The extension opens its first-run page by itself in a fresh profile.
        const setup = await poll(() => drv.findExtensionPage('onboarding.html'), { what: 'the first-run page to open' });
        await poll(() => setup.evaluate(() => document.querySelector('#onboarding')?.dataset.ready === '1'), { what: 'the first-run page to render' });
        const page = await setup.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.title,
          h1: document.querySelector('h1')?.textContent,
          h2: document.querySelector('h2')?.textContent,
          done: document.querySelector('[data-role=onboarding-done]')?.textContent,
          feeds: document.querySelector('[data-role=onboarding-feeds]')?.closest('label')?.textContent,
        }));
        const text = await setup.evaluate(pageTexts);
        console.log(`${name}: first-run page ${JSON.stringify(page)}`);
        assert.deepEqual(
          { lang: page.lang, title: page.title, h1: page.h1, h2: page.h2, done: page.done },
          { lang: 'de', title: 'Willkommen bei Unspun', h1: 'Willkommen bei Unspun', h2: 'Unspun an die Symbolleiste anheften', done: 'Fertig' },
        );
        assert.match(page.feeds, /^Die Feeds von \d+ großen Medien lesen$/);
        assertGerman(text, 'first-run page');
        fs.mkdirSync(SHOTS, { recursive: true });
        await setup.screenshot(path.join(SHOTS, `onboarding-${name}-de.png`));

        // The options page: the sections this locale covers (feeds, packs, look up originals).
        const options = await drv.openExtensionPage('options.html');
        await poll(() => options.evaluate(() => !!document.querySelector('[data-role=feed-add]')), { what: 'the options page to render' });
        const opt = await options.evaluate(() => ({
          add: document.querySelector('[data-role=feed-add]')?.textContent,
          exp: document.querySelector('[data-role=pack-export]')?.textContent,
          lookup: document.querySelector('[data-role=lookup-enabled]')?.closest('label')?.textContent?.trim(),
          switches: [...document.querySelectorAll('[data-role=feed-enabled]')].map((e) => e.getAttribute('aria-label')),
        }));
        console.log(`${name}: options page ${JSON.stringify({ ...opt, switches: opt.switches.length })}`);
        assert.equal(opt.add, 'Feed hinzufügen');
        assert.equal(opt.exp, 'Bibliothek als Paket exportieren');
        assert.equal(opt.lookup, 'Originale suchen');
        assert.ok(opt.switches.length > 0 && opt.switches.every((n) => /^Den Feed von .+ lesen, https?:/.test(n)), 'feed switches named in German');
        await options.close();

        const title = await drv.extEval(async () => {
          const b = globalThis.browser ?? globalThis.chrome;
          return (b.action ?? b.browserAction).getTitle({});
        });
        console.log(`${name}: toolbar title ${JSON.stringify(title)}`);
        assert.equal(title, de.actionTitle.message);

        // The privacy page: shipped in English, put in German by its script.
        const privacy = await drv.openExtensionPage('privacy.html');
        await poll(() => privacy.evaluate(() => document.documentElement.lang === 'de'), { what: 'the privacy page in German' });
        const policy = await privacy.evaluate(() => ({ title: document.title, h1: document.querySelector('h1')?.textContent }));
        console.log(`${name}: privacy page ${JSON.stringify(policy)}`);
        assert.deepEqual(policy, { title: de.policyTitle.message, h1: de.policyTitle.message });
        assertGerman(await privacy.evaluate(pageTexts), 'privacy page');
        await privacy.close();
      } finally {
        await drv.close();
      }
    },
  );

  test(`${name}: in German, the popup of the seed rewrite says why in German`, { timeout: 3 * TIMEOUT, skip: skip || false }, async () => {
    const site = await startCorpusServer({ ids: Object.values(SEED) });
    const drv = await launch(site);
    try {
      await visit(drv, site.urlFor(SEED.original));
      const rewrite = await visit(drv, site.urlFor(SEED.page));
      assert.equal(rewrite.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(rewrite)}`);
      await waitForBadge(drv, rewrite.tabId, '!');
      const shown = await readPopup(drv, rewrite.tabId, path.join(SHOTS, `popup-${name}-de.png`));
      const reason = shown.text.split('\n').find((l) => l.startsWith('Diese Seite gibt den Artikel von'));
      console.log(`${name}: popup reason ${JSON.stringify(reason)}`);
      assert.match(
        reason ?? '',
        /^Diese Seite gibt den Artikel von CNBC in dessen Reihenfolge wieder: \d+ ihrer \d+ Sätze folgen denen des Originals, \d+ davon wörtlich oder fast wörtlich\.$/,
      );
      assert.doesNotMatch(shown.text, /This page retells/, 'the English reason shown');
    } finally {
      await drv.close();
      await site.close();
    }
  });
}
