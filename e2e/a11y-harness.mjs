// Issue 13, accessibility and dark mode, the same for every browser: axe-core (the npm package,
// injected into the page) audits the popup in the states a test can reach (not checked, paused,
// an uncredited rewrite, nothing to report), the library page (options.html), the first-run page
// (onboarding.html) and the privacy policy page (privacy.html), each in the light and the dark
// colour scheme. Any axe violation fails the test. The suite also measures, from getComputedStyle
// in the page, the contrast of the main text, heading, muted, link and button colours against the
// background they sit on, prints the ratios and fails below 4.5:1, and saves a screenshot of every
// page, state and scheme under test-results/screenshots/ (the extension pages at 1280x800, the
// store's size; the popup at its own size, 420 wide, whole).
//
// A driver is the usual one (chromium-driver.mjs, firefox-driver.mjs: openTab, extEval, openPopup,
// openExtensionPage, close) plus what differs between browsers, given as `ops`:
//   setScheme(drv, handle, 'light' | 'dark')  make the page's prefers-color-scheme match
//   setViewport(handle, { width, height })    size the page's viewport
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { OUT, SAME_FACTS, SEED, poll, visit } from './harness.mjs';
import { startCorpusServer } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SHOTS = path.join(OUT, 'screenshots');
const SCHEMES = ['light', 'dark'];
/** WCAG 2.1 AA for text (1.4.3); the suite holds every text it measures to it, headings too. */
const MIN_CONTRAST = 4.5;
const STORE_SIZE = { width: 1280, height: 800 };
const TIMEOUT = 180_000;
/** A tab id no tab has: the popup shows it as a page Unspun has not checked. */
const NO_SUCH_TAB = 999_999;

/** The colours measured on each page: [label, selector]; the first visible match of each is measured. */
const POPUP_COLOURS = [
  ['text', 'main p'],
  ['heading', 'h1'],
  ['alert heading', '.alert h1'],
  ['brand (muted)', '.brand'],
  ['muted', 'main .muted'],
  ['label', '.label'],
  ['link', 'main a'],
  ['marked words', '.pair mark'],
  ['original sentence', '.original-sentence'],
  ['button', '.controls button:not([hidden])'],
  ['lookup button', '.lookup-start'],
];
const PAGE_COLOURS = [
  ['text', 'main p:not(.muted):not(.status)'],
  ['heading', 'h1'],
  ['section heading', 'h2'],
  ['muted', 'main .muted'],
  ['link', 'main a'],
  ['button', 'main button:not(.primary):not(.danger)'],
  ['primary button', 'button.primary'],
  ['danger button', 'button.danger'],
  ['search field', 'input[type="search"]'],
  ['select', 'select'],
  ['summary', 'summary'],
  ['error', '.error'],
];

/** Runs in the page: measured contrast of each [label, selector] (WCAG relative luminance), text against its composited background. */
function measureContrast(colours) {
  const parse = (c) => {
    let m = /^rgba?\(([^)]+)\)$/.exec(c);
    if (m) {
      const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), a.endsWith('%') ? parseFloat(a) / 100 : Number(a)];
    }
    m = /^color\(srgb ([^)]+)\)$/.exec(c);
    if (m) {
      const [r, g, b, , a = '1'] = m[1].split(/\s+/);
      return [r * 255, g * 255, b * 255, Number(a)];
    }
    throw new Error(`cannot read the colour ${c}`);
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  const background = (el) => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    // Under everything, the canvas: the browser's Canvas colour for the page's colour scheme
    // (white in light, dark grey in dark), seen where no element paints a background.
    return layers.reverse().reduce((under, top) => over(top, under), canvas);
  };
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  document.documentElement.append(probe);
  const canvas = parse(getComputedStyle(probe).backgroundColor);
  probe.remove();
  const lum = ([r, g, b]) => {
    const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const hex = (c) =>
    '#' +
    c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('');
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const out = [];
  for (const [label, selector] of colours) {
    const el = [...document.querySelectorAll(selector)].find(visible);
    if (!el) continue;
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    out.push({ label, selector, fg: hex(fg), bg: hex(bg), ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100 });
  }
  return out;
}

/** Runs in the page: opens every closed <details> (so their content is audited and measured too); `close` shuts them again. */
function toggleDetails(close) {
  if (close) {
    for (const d of document.querySelectorAll('details[data-a11y-opened]')) {
      d.open = false;
      delete d.dataset.a11yOpened;
    }
    return;
  }
  for (const d of document.querySelectorAll('details:not([open])')) {
    d.open = true;
    d.dataset.a11yOpened = '';
  }
}

/** Runs in the page (after AXE_SOURCE): axe with its default rules (WCAG 2.x A and AA, best practices); the violations, compact. */
async function runAxe() {
  const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
  return {
    version: globalThis.axe.version,
    passes: r.passes.length,
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    })),
  };
}

/**
 * The accessibility suite. `launch(site)` starts the browser with the shipped build; `ops` as above.
 * Every result goes to test-results/a11y-<name>.json as well.
 */
export function defineA11ySuite(name, launch, ops) {
  let site, drv;
  const results = [];

  before(async () => {
    site = await startCorpusServer({ ids: [...Object.values(SEED), ...Object.values(SAME_FACTS)] });
    drv = await launch(site);
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await drv?.close();
    await site?.close();
    if (results.length) {
      fs.writeFileSync(path.join(OUT, `a11y-${name}.json`), JSON.stringify(results, null, 2));
      console.log(`\n${name} accessibility summary (axe-core ${results[0].axe}):`);
      for (const r of results) {
        const worst = Math.min(...r.contrast.map((c) => c.ratio));
        console.log(`  ${r.page.padEnd(18)} ${r.scheme.padEnd(5)} axe violations ${r.violations.length}, rules passed ${r.passes}, lowest contrast ${worst}:1`);
      }
    }
  });

  /** Audits an open page in both schemes: axe, contrast, a screenshot each. */
  async function audit(handle, page, { fullPage = false } = {}) {
    if (!(await handle.evaluate(() => !!globalThis.axe))) await handle.page.evaluate(AXE_SOURCE);
    const failures = [];
    for (const scheme of SCHEMES) {
      await ops.setScheme(drv, handle, scheme);
      // A pref change (Firefox) reaches the page's process a moment later: wait for the page to see it.
      await poll(async () => (await handle.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) === (scheme === 'dark'), {
        what: `${page}: prefers-color-scheme to be ${scheme}`,
        timeout: 10_000,
        interval: 50,
      });
      // The screenshot as a reader first sees the page; the audit with every <details> open.
      const file = path.join(SHOTS, `${page}-${scheme}-${name}.png`);
      await handle.page.screenshot({ path: file, fullPage });
      await handle.evaluate(toggleDetails, false);
      const axe = await handle.evaluate(runAxe);
      const contrast = await handle.evaluate(measureContrast, page.startsWith('popup') ? POPUP_COLOURS : PAGE_COLOURS);
      await handle.evaluate(toggleDetails, true);
      results.push({ page, scheme, axe: axe.version, passes: axe.passes, violations: axe.violations, contrast, screenshot: path.relative(OUT, file) });
      console.log(
        `${name} ${page} ${scheme}: axe ${axe.violations.length} violation(s); contrast ` +
          contrast.map((c) => `${c.label} ${c.ratio}:1 (${c.fg} on ${c.bg})`).join(', '),
      );
      for (const v of axe.violations) {
        failures.push(`${scheme}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target}: ${n.summary.replace(/\s+/g, ' ')}`).join(' | ')}`);
      }
      for (const c of contrast.filter((c) => c.ratio < MIN_CONTRAST)) {
        failures.push(`${scheme}: ${c.label} (${c.selector}) has contrast ${c.ratio}:1 (${c.fg} on ${c.bg}), below ${MIN_CONTRAST}:1`);
      }
      assert.ok(contrast.length >= 3, `${page} ${scheme}: measured only ${contrast.map((c) => c.label).join(', ')}`);
    }
    await ops.setScheme(drv, handle, 'light');
    assert.deepEqual(failures, [], `${page}: accessibility failures`);
  }

  /** Opens the popup for a tab, waits for it to show `verdict`, audits it. */
  async function auditPopup(tabId, page, verdict, before = async () => {}) {
    const popup = await drv.openPopup(tabId);
    try {
      await poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.ready === '1'), { what: `the popup of tab ${tabId}` });
      await before(popup);
      await poll(() => popup.evaluate((v) => document.querySelector('#app')?.dataset.verdict === v, verdict), {
        what: `the popup to show ${verdict}`,
      });
      // The library count arrives a moment later: wait for it, so the audit sees the whole popup.
      await poll(() => popup.evaluate(() => !!document.querySelector('[data-role=library-count]')?.textContent), { what: 'the library count' });
      await audit(popup, page, { fullPage: true });
    } finally {
      await popup.close();
    }
  }

  /** Opens an extension page at the store's screenshot size, waits for it, audits it. */
  async function auditPage(file, rootId, page, check = async () => {}) {
    const handle = await drv.openExtensionPage(file);
    try {
      await ops.setViewport(handle, STORE_SIZE);
      // The script-driven pages say data-ready="1" once drawn; the static privacy page has no such mark.
      await poll(() => handle.evaluate((id) => ['1', undefined].includes(document.getElementById(id)?.dataset.ready), rootId), {
        what: `${file} to render`,
      });
      await check(handle);
      await audit(handle, page);
    } finally {
      await handle.close();
    }
  }

  test(`${name}: the popup of a page not checked, and paused, has no axe violations and readable text, light and dark`, { timeout: TIMEOUT }, async () => {
    await auditPopup(NO_SUCH_TAB, 'popup-unchecked', 'unchecked');
    await auditPopup(NO_SUCH_TAB, 'popup-paused', 'paused', async (popup) => {
      await popup.evaluate(() => document.querySelector('[data-role=pause]').click());
    });
    // Resume checking, for the tests that follow.
    const api = () => drv.extEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('settings')).settings ?? {});
    const popup = await drv.openPopup(NO_SUCH_TAB);
    try {
      await poll(() => popup.evaluate(() => document.querySelector('#app')?.dataset.verdict === 'paused'), { what: 'the paused popup' });
      await popup.evaluate(() => document.querySelector('[data-role=pause]').click());
      await poll(async () => (await api()).paused === false, { what: 'checking to resume' });
    } finally {
      await popup.close();
    }
  });

  test(`${name}: the popup of an uncredited rewrite has no axe violations and readable text, light and dark`, { timeout: TIMEOUT }, async () => {
    await visit(drv, site.urlFor(SEED.original));
    const rewrite = await visit(drv, site.urlFor(SEED.page));
    assert.equal(rewrite.verdict, 'uncredited-rewrite', `verdict record: ${JSON.stringify(rewrite)}`);
    await auditPopup(rewrite.tabId, 'popup-rewrite', 'uncredited-rewrite');
  });

  test(`${name}: the popup of a page with nothing to report has no axe violations and readable text, light and dark`, { timeout: TIMEOUT }, async () => {
    await visit(drv, site.urlFor(SAME_FACTS.original));
    const page = await visit(drv, site.urlFor(SAME_FACTS.page));
    assert.equal(page.verdict, 'none', `verdict record: ${JSON.stringify(page)}`);
    await auditPopup(page.tabId, 'popup-none', 'none');
  });

  test(`${name}: the library page has no axe violations and readable text, light and dark (1280x800)`, { timeout: TIMEOUT }, async () => {
    await auditPage('options.html', 'options', 'options', async (options) => {
      // Beyond axe: the status line is announced, and each row's button says which row it acts on.
      const shown = await options.evaluate(() => ({
        status: document.querySelector('[data-role=status]')?.getAttribute('role'),
        rows: [...document.querySelectorAll('[data-role=library] li')].map((li) => ({
          title: li.querySelector('a')?.textContent,
          name: li.querySelector('button')?.getAttribute('aria-label'),
        })),
        feeds: [...document.querySelectorAll('input[data-role=feed-enabled]')].map((i) => i.getAttribute('aria-label') ?? ''),
      }));
      assert.equal(shown.status, 'status', 'the status line is a live region');
      assert.ok(shown.rows.length >= 2, `library rows: ${JSON.stringify(shown.rows)}`);
      for (const r of shown.rows) assert.equal(r.name, `Remove ${r.title} from the library`);
      assert.ok(shown.feeds.length > 40, `feed switches: ${shown.feeds.length}`);
      assert.equal(new Set(shown.feeds).size, shown.feeds.length, 'every feed switch has a name of its own');
      assert.ok(
        shown.feeds.every((n) => /^Read the .+ feed, https?:/.test(n)),
        `feed switch names: ${shown.feeds.slice(0, 3).join(' | ')}`,
      );
    });
  });

  test(`${name}: the first-run page has no axe violations and readable text, light and dark (1280x800)`, { timeout: TIMEOUT }, async () => {
    await auditPage('onboarding.html', 'onboarding', 'onboarding', async (setup) => {
      const role = await setup.evaluate(() => document.querySelector('[data-role=onboarding-status]')?.getAttribute('role'));
      assert.equal(role, 'status', 'the setup status line is a live region');
    });
  });

  test(`${name}: the privacy policy page has no axe violations and readable text, light and dark (1280x800)`, { timeout: TIMEOUT }, async () => {
    await auditPage('privacy.html', 'privacy', 'privacy');
  });
}
