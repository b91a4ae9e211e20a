#!/usr/bin/env node
// How long the article content script holds a page's main thread (issue 12), in real headless
// Chromium with the built extension: its longest task and its total main-thread time, on the seed
// pages (the CNBC article and its rewrite) and on a generated 5 MB article page.
//
//   npx wxt build && node bench/content-script-tasks.mjs [--ext .output/chrome-mv3] [--runs 3] [--json]
//
// Measured two ways, per page load:
//   - a Chrome trace (CDP Tracing) of the load: the renderer's tasks (RunTask) and the V8 CPU
//     profile's samples. A task is the content script's when a sample inside it has a frame of
//     content-scripts/article.js on its stack. This tells the content script's tasks from the
//     page's own (parsing, layout, its scripts).
//   - the page's own view: a 10 ms interval timer installed in the page before its first script
//     notes every stretch over 20 ms between two ticks after the load event, i.e. while the main
//     thread was busy, whoever held it (the hostile E2E suite's measure). (A PerformanceObserver for
//     'longtask' in the page does not see the content script's tasks in Chromium: it reports the
//     page's own parsing, not a task that runs an extension's isolated world.)
// Each page is loaded --runs times in a fresh tab; the figures are the median and the worst run.
// Takes about a minute; not part of `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROME_EXT, launchChromium } from '../e2e/chromium-driver.mjs';
import { importTs, poll, readVerdicts, SEED, sameUrl } from '../e2e/harness.mjs';
import { startCorpusServer } from '../e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { ext: { type: 'string' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
});
const extDir = path.resolve(ROOT, args.ext ?? CHROME_EXT);
const RUNS = Math.max(1, Number(args.runs) || 3);
const CONTENT_SCRIPT = '/content-scripts/article.js';
const BIG_HOST = 'www.harbourgazette.net';
const BIG_PATH = '/2025/03/04/harbour-plan-5mb/';
const BIG_BYTES = 5 * 1024 * 1024;

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

/** Installed in every page before its scripts: the stretches its main thread was busy, as a timer sees them. */
const STALL_TIMER = () => {
  const stalls = (window.__unspunStalls = []);
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 20) stalls.push([last, now]);
    last = now;
  }, 10);
};

/** A news page of about `bytes` bytes: a headline, a byline and ordinary paragraphs (tests/hostile/inputs.ts). */
async function bigArticlePage(bytes) {
  const { articlePage, prose } = await importTs('tests/hostile/inputs.ts');
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes - 600; i++) {
    const p = `${prose(6, i)} Report ${i + 1} of the harbour series.`;
    paragraphs.push(p);
    size += p.length + 8;
  }
  return articlePage(paragraphs, 'Council approves the harbour plan after a year of talks');
}

/** Runs `load` with a Chrome trace recording; returns its result and the trace events. */
async function traced(cdp, load) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  let result;
  try {
    result = await load();
  } finally {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

/**
 * The content script's tasks in a trace: every top-level task (RunTask) of the thread the content
 * script ran on during which the CPU profile sampled a frame of the content script. Returns
 * { tasks: [ms...], longestMs, totalMs, sampledMs } (sampledMs: the profile's samples in its code).
 */
export function contentScriptTasks(events) {
  // The V8 CPU profile, in chunks: nodes (with parents), samples and the time between them.
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile')
      profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  const hits = []; // [pid, tid, ts] of samples in the content script
  let sampledUs = 0;
  for (const p of profiles.values()) {
    const inScript = new Map();
    const isOurs = (id) => {
      if (inScript.has(id)) return inScript.get(id);
      const n = p.nodes.get(id);
      const ours = !!n && ((n.callFrame?.url ?? '').includes(CONTENT_SCRIPT) || (n.parent !== undefined && isOurs(n.parent)));
      inScript.set(id, ours);
      return ours;
    };
    let ts = p.start;
    for (let i = 0; i < p.samples.length; i++) {
      const delta = p.deltas[i] ?? 0;
      ts += delta;
      if (isOurs(p.samples[i])) {
        hits.push([p.pid, p.tid, ts]);
        sampledUs += Math.max(0, p.deltas[i + 1] ?? 0);
      }
    }
  }
  if (!hits.length) return { tasks: [], longestMs: 0, totalMs: 0, sampledMs: 0 };
  const [pid, tid] = hits[0];
  const runTasks = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Outermost tasks only (the two RunTask events of one task nest).
  const outer = [];
  for (const t of runTasks) if (!outer.length || t[0] >= outer[outer.length - 1][1]) outer.push(t);
  const ours = outer.filter(([s, e]) => hits.some(([hp, ht, ts]) => hp === pid && ht === tid && ts >= s && ts <= e));
  const tasks = ours.map(([s, e]) => (e - s) / 1000).sort((a, b) => b - a);
  return {
    tasks: tasks.map((ms) => Math.round(ms * 10) / 10),
    longestMs: Math.round((tasks[0] ?? 0) * 10) / 10,
    totalMs: Math.round(tasks.reduce((a, b) => a + b, 0) * 10) / 10,
    sampledMs: Math.round(sampledUs / 100) / 10,
  };
}

/** Loads `url` in a fresh tab under a trace, until the background has its verdict; one run's figures. */
async function measure(drv, url) {
  const before = new Set((await readVerdicts(drv)).filter((r) => sameUrl(r.url, url)).map((r) => r.tabId));
  const page = await drv.context.newPage();
  try {
    const cdp = await drv.context.newCDPSession(page);
    const { result: verdict, events } = await traced(cdp, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const rec = await poll(
        async () => (await readVerdicts(drv)).find((r) => sameUrl(r.url, url) && !before.has(r.tabId) && r.verdict && r.verdict !== 'checking'),
        { what: `a verdict for ${url}`, timeout: 120_000, interval: 100 },
      );
      // The content script's last task (sending the article) ended before the verdict existed; a margin for late tasks.
      await new Promise((r) => setTimeout(r, 500));
      return rec;
    });
    await cdp.detach().catch(() => undefined);
    const seen = await page.evaluate(() => {
      const load = performance.getEntriesByType('navigation')[0]?.loadEventStart ?? 0;
      const stalls = (window.__unspunStalls ?? []).map(([start, end]) => end - Math.max(start, load)).filter((ms) => ms > 0);
      return { pageStallAfterLoadMs: Math.round(Math.max(0, ...stalls)) };
    });
    return { verdict: verdict.verdict, reason: verdict.reason, ...contentScriptTasks(events), ...seen };
  } finally {
    await page.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no build at ${extDir}: run \`npx wxt build\` first`);
  const big = await bigArticlePage(BIG_BYTES);
  const site = await startCorpusServer({
    ids: [SEED.original, SEED.page],
    extra: { [`${BIG_HOST}${BIG_PATH}`]: () => ({ type: 'text/html; charset=utf-8', body: big }) },
  });
  const drv = await launchChromium(site, { extDir });
  const pages = [
    { name: 'seed original (CNBC)', url: site.urlFor(SEED.original) },
    { name: 'seed rewrite', url: site.urlFor(SEED.page) },
    { name: `5 MB article (${(Buffer.byteLength(big) / 1024 / 1024).toFixed(1)} MiB)`, url: `http://${BIG_HOST}:${site.port}${BIG_PATH}` },
  ];
  const report = { ext: path.relative(ROOT, extDir), bundleBytes: fs.statSync(path.join(extDir, 'content-scripts', 'article.js')).size, runs: RUNS, pages: [] };
  try {
    await drv.context.addInitScript(STALL_TIMER);
    for (const p of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(drv, p.url));
      const longest = runs.map((r) => r.longestMs);
      const total = runs.map((r) => r.totalMs);
      const stall = runs.map((r) => r.pageStallAfterLoadMs);
      report.pages.push({
        page: p.name,
        verdict: runs[0].verdict + (runs[0].reason ? ` (${runs[0].reason})` : ''),
        longestTaskMs: { median: median(longest), max: Math.max(...longest) },
        totalTaskMs: { median: median(total), max: Math.max(...total) },
        pageStallAfterLoadMs: { median: median(stall), max: Math.max(...stall) },
        runs,
      });
    }
  } finally {
    await drv.close();
    await site.close();
  }
  if (args.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`content script ${report.ext}/content-scripts/article.js: ${report.bundleBytes} bytes; ${RUNS} loads per page, median (worst)`);
  for (const p of report.pages) {
    console.log(`\n${p.page}: ${p.verdict}`);
    console.log(`  content script, longest task (trace):    ${p.longestTaskMs.median} ms (${p.longestTaskMs.max} ms)`);
    console.log(`  content script, all its tasks (trace):   ${p.totalTaskMs.median} ms (${p.totalTaskMs.max} ms)`);
    console.log(`  page's longest stall after load (timer): ${p.pageStallAfterLoadMs.median} ms (${p.pageStallAfterLoadMs.max} ms)`);
    console.log(`  per load, content script's tasks over 5 ms: ${p.runs.map((r) => `[${r.tasks.filter((t) => t > 5).join(', ')}]`).join(' ')}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
