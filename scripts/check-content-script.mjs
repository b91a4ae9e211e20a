#!/usr/bin/env node
// Holds the built article content script lean (issue 12): it runs on every page the user opens, so
// it must stay small and must not carry what only the background needs. Fails (exit 1) when
// content-scripts/article.js of a build is larger than MAX_BYTES, or holds the synonym table, the
// term prior or webextension-polyfill. Run after the builds (`npm test` does, step content-script):
//   node scripts/check-content-script.mjs [build dir ...]   (default: .output/chrome-mv3 .output/firefox-mv2)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The most the built content script may weigh, in bytes. Issue 12 asks for 60 KB; it is about 21 KB
 * since it only takes what a reader sees of the page (`snapshotPage`: the visibility walk and the
 * computed-style rules, ≈11 KB), Readability's cheap "is this an article" test (≈2 KB), the in-page
 * notice (≈2 KB) and WXT's content-script runtime (≈3 KB); Readability and the text, credit and
 * metadata rules run in the background. The ceiling keeps it there, with room for small changes.
 */
export const MAX_BYTES = 30_000;

/** What only the background needs, each found in a bundle by strings of its own. */
export function forbiddenContents() {
  const synonyms = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/data/synonyms.json'), 'utf8'));
  const prior = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/core/data/term-prior.json'), 'utf8'));
  // Classes of three stems or more, spread over the table: no code says "abattoir butcheri slaughterhous".
  const classes = synonyms.classes.filter((c) => c.split(' ').length >= 3);
  const step = Math.max(1, Math.floor(classes.length / 40));
  return [
    {
      name: 'the synonym table (src/core/data/synonyms.json)',
      markers: [synonyms.$comment.slice(0, 60), ...classes.filter((_, i) => i % step === 0)],
    },
    { name: 'the term prior (src/core/data/term-prior.json)', markers: [prior.$comment.slice(0, 60), prior.terms.slice(0, 6).join(',')] },
    { name: 'webextension-polyfill', markers: ['This script should only be loaded in a browser extension'] },
    // Its error and log strings survive minification.
    { name: 'Readability (it runs in the background)', markers: ['Aborting parsing document;', 'Starting grabArticle loop'] },
  ];
}

/** The problems of one build's content script (an empty list when it is lean), and its size. */
export function checkContentScript(buildDir, { maxBytes = MAX_BYTES, forbidden = forbiddenContents() } = {}) {
  const file = path.join(buildDir, 'content-scripts', 'article.js');
  if (!fs.existsSync(file)) return { file, bytes: 0, problems: [`${file} does not exist: build first (npx wxt build)`] };
  const code = fs.readFileSync(file, 'utf8');
  const bytes = fs.statSync(file).size;
  const problems = [];
  if (bytes > maxBytes) problems.push(`${file} is ${bytes} bytes, over the ${maxBytes} allowed`);
  for (const { name, markers } of forbidden) {
    const found = markers.filter((m) => code.includes(m));
    if (found.length) problems.push(`${file} holds ${name} (${found.length} of its ${markers.length} markers, e.g. ${JSON.stringify(found[0])})`);
  }
  return { file, bytes, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  const builds = dirs.length ? dirs : ['.output/chrome-mv3', '.output/firefox-mv2'].map((d) => path.join(ROOT, d));
  const forbidden = forbiddenContents();
  let failed = false;
  for (const dir of builds) {
    const { file, bytes, problems } = checkContentScript(dir, { forbidden });
    console.log(`${path.relative(process.cwd(), file) || file}: ${bytes} bytes (at most ${MAX_BYTES})${problems.length ? '' : ', lean'}`);
    for (const p of problems) console.error(`  ${p}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
