// Demo driver (`npm run demo` via scripts/demo.sh): the seed case in Debian's Chromium.
// With a display ($DISPLAY): a real browser window with Unspun loaded opens the CNBC original,
// then the content-farm rewrite, whose toolbar badge turns into a red "!"; close the window to end.
// Without one: the same flow headless; prints the verdict and saves a screenshot of the popup.
import path from 'node:path';
import { startCorpusServer } from '../e2e/server.mjs';
import { launchChromium } from '../e2e/chromium-driver.mjs';
import { OUT, SEED, badgeText, readPopup, visit } from '../e2e/harness.mjs';

const headed = Boolean(process.env.DISPLAY) && process.env.UNSPUN_DEMO_HEADLESS !== '1';
const site = await startCorpusServer({ ids: [SEED.original, SEED.page] });
const drv = await launchChromium(site, { headless: !headed, viewport: headed ? null : undefined, pin: headed });
const blank = drv.context.pages().find((p) => p.url() === 'about:blank');

let ok;
try {
  console.log(`Chromium ${headed ? `on display ${process.env.DISPLAY}` : '(headless: no $DISPLAY)'} with Unspun loaded.`);
  console.log(`1. The original (CNBC):        ${site.urlFor(SEED.original)}`);
  const orig = await visit(drv, site.urlFor(SEED.original));
  console.log(`   verdict: ${orig.verdict}`);
  console.log(`2. The rewrite (content farm): ${site.urlFor(SEED.page)}`);
  const rewrite = await visit(drv, site.urlFor(SEED.page));
  await new Promise((r) => setTimeout(r, 500)); // let the badge update land
  const badge = await badgeText(drv, rewrite.tabId);
  ok = rewrite.verdict === 'uncredited-rewrite' && badge === '!';
  console.log(`   verdict: ${rewrite.verdict}, badge: "${badge}"`);
  if (rewrite.original) console.log(`   original: ${rewrite.original.url} (${rewrite.original.siteName ?? rewrite.original.site ?? ''})`);

  if (headed) {
    await blank?.close();
    await drv.probe.close();
    await rewrite.page.bringToFront();
    console.log('\nLook at the Unspun icon in the toolbar: the rewrite tab has a red "!" badge. Click it to see');
    console.log('the original and the aligned sentences. Close the browser window to end the demo.');
    await new Promise((resolve) => {
      drv.context.on('close', resolve);
      process.once('SIGINT', resolve);
    });
  } else {
    const file = path.join(OUT, 'demo-popup.png');
    const shown = await readPopup(drv, rewrite.tabId, file);
    console.log(`\nThe popup for the rewrite tab says (data-verdict="${shown.verdict}"):\n`);
    console.log(shown.text.replace(/^/gm, '   '));
    console.log(`\nScreenshot of the popup: ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await drv.close();
  await site.close();
}
console.log(ok ? '\nDemo OK: the rewrite was flagged.' : '\nDemo FAILED: the rewrite was not flagged with a red "!".');
process.exit(ok ? 0 : 1);
