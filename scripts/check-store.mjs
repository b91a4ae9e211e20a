#!/usr/bin/env node
// Store readiness of the builds (issue 13). Fails (exit 1) when a build's manifest description is
// over Chrome's 132 characters (in every locale, where it is a __MSG_…__ message), its name over 75,
// the privacy policy page privacy.html is missing, has an inline script or loads anything remote, or the
// Firefox minimum versions are lower than the manifest keys need; with --lint, also when
// `web-ext lint` finds an error in the Firefox build or a warning that comes from our own code
// (warnings inside the bundled third-party libraries below are listed, not failed).
// Run after the builds (`npm test` does, step store):
//   node scripts/check-store.mjs [--lint] [build dir ...]   (default: .output/chrome-mv3 .output/firefox-mv2)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Chrome Web Store and Chrome's manifest: the description at most 132 characters, the name at most 75. */
export const MAX_DESCRIPTION = 132;
export const MAX_NAME = 75;
/** Where Firefox first reads gecko.data_collection_permissions (desktop, Android). */
export const DATA_CONSENT_MIN = { gecko: 140, gecko_android: 142 };
/** The extension page that shows the privacy policy (entrypoints/privacy/index.html). */
export const PRIVACY_PAGE = 'privacy.html';

/**
 * Every text a manifest string stands for: itself, or for "__MSG_name__" the message in each
 * locale of the build's _locales (a missing message is a problem).
 */
export function manifestTexts(buildDir, value, problems) {
  const m = /^__MSG_(\w+)__$/.exec(value ?? '');
  if (!m) return [value ?? ''];
  const dir = path.join(buildDir, '_locales');
  const locales = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  if (!locales.length) problems.push(`${value}: the build has no _locales`);
  return locales.flatMap((locale) => {
    const file = path.join(dir, locale, 'messages.json');
    const messages = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    const entry = Object.entries(messages).find(([k]) => k.toLowerCase() === m[1].toLowerCase())?.[1];
    if (!entry || typeof entry.message !== 'string') {
      problems.push(`${value}: no message in _locales/${locale}`);
      return [];
    }
    return [entry.message];
  });
}

const major = (v) => Number.parseInt(String(v ?? '0'), 10);

/** The problems of a manifest object (its strings already resolved by `texts`). */
export function manifestProblems(manifest, texts = (v) => [v ?? '']) {
  const problems = [];
  for (const d of texts(manifest.description)) {
    if (!d.trim()) problems.push('the manifest has no description');
    if (d.length > MAX_DESCRIPTION) problems.push(`the description is ${d.length} characters, over ${MAX_DESCRIPTION}: ${JSON.stringify(d)}`);
  }
  for (const n of texts(manifest.name)) {
    if (!n.trim()) problems.push('the manifest has no name');
    if (n.length > MAX_NAME) problems.push(`the name is ${n.length} characters, over ${MAX_NAME}`);
  }
  const gecko = manifest.browser_specific_settings?.gecko;
  if (gecko?.data_collection_permissions) {
    if (major(gecko.strict_min_version) < DATA_CONSENT_MIN.gecko) {
      problems.push(`gecko.strict_min_version ${gecko.strict_min_version} is below ${DATA_CONSENT_MIN.gecko}, where Firefox reads data_collection_permissions`);
    }
    // Without gecko_android, Firefox for Android takes gecko's minimum.
    const android = manifest.browser_specific_settings.gecko_android?.strict_min_version ?? gecko.strict_min_version;
    if (major(android) < DATA_CONSENT_MIN.gecko_android) {
      problems.push(`the Firefox for Android minimum ${android} is below ${DATA_CONSENT_MIN.gecko_android}, where it reads data_collection_permissions`);
    }
  }
  return problems;
}

/** References to remote resources in HTML or CSS: attributes and CSS url()/@import with an http(s) or protocol-relative address. */
export function remoteRefs(text) {
  const attrs = text.match(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi) ?? [];
  const css = text.match(/url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)|@import\s+(?:url\()?["']?(?:https?:)?\/\/[^;]*/gi) ?? [];
  return [...attrs, ...css];
}

/** The problems of the privacy page's HTML: it must be there, say something, and load nothing remote. */
export function privacyPageProblems(html) {
  if (html === undefined) return [`${PRIVACY_PAGE} is missing`];
  const problems = [];
  // WXT adds its own small local script to every page it builds (a module-preload polyfill); an
  // inline script or one from elsewhere is not allowed.
  for (const [tag, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (body.trim() || !/\bsrc\s*=/i.test(attrs)) problems.push(`${PRIVACY_PAGE} has an inline script: ${tag.slice(0, 80)}`);
  }
  for (const r of remoteRefs(html)) problems.push(`${PRIVACY_PAGE} loads something remote: ${r}`);
  const text = html
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
  if (!/privacy/i.test(text) || text.length < 500) problems.push(`${PRIVACY_PAGE} has no policy text`);
  return problems;
}

/** The problems of one build (an empty list when it is store-ready), and its manifest. */
export function checkBuild(buildDir) {
  const file = path.join(buildDir, 'manifest.json');
  if (!fs.existsSync(file)) return { manifest: undefined, problems: [`${file} does not exist: build first (npx wxt build)`] };
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  problems.push(...manifestProblems(manifest, (v) => manifestTexts(buildDir, v, problems)));
  const page = path.join(buildDir, PRIVACY_PAGE);
  const html = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : undefined;
  problems.push(...privacyPageProblems(html));
  // Every stylesheet the page links, as built, must be local too.
  for (const [, href] of (html ?? '').matchAll(/<link\b[^>]*\bhref=["']([^"']+)["']/gi)) {
    if (/^(?:https?:)?\/\//i.test(href)) continue; // already reported
    const css = path.join(buildDir, href.replace(/^\//, ''));
    if (!fs.existsSync(css)) problems.push(`${PRIVACY_PAGE} links ${href}, which is not in the build`);
    else for (const r of remoteRefs(fs.readFileSync(css, 'utf8'))) problems.push(`${href} loads something remote: ${r}`);
  }
  return { manifest, problems };
}

/** The package's own description (package.json) within the same limit. */
export function packageProblems(pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))) {
  const d = pkg.description ?? '';
  return d.length > MAX_DESCRIPTION || !d.trim() ? [`package.json description is ${d.length} characters (1 to ${MAX_DESCRIPTION})`] : [];
}

/**
 * Bundled third-party code that web-ext lint warns about, each found by strings of its own around
 * the warning's position: Mozilla Readability (the content script and the background extract
 * articles with it) sets innerHTML on a clone of the page it is reading.
 */
export const THIRD_PARTY = [{ name: '@mozilla/readability', markers: ['readability-page-1', '_isSingleImage', '_charThreshold'] }];

/** Which bundled library a lint message points into, if any (by the 3,000 characters before its position). */
export function thirdPartyOf(buildDir, message) {
  if (!message.file || !message.line) return undefined;
  const file = path.join(buildDir, message.file);
  if (!fs.existsSync(file)) return undefined;
  const line = fs.readFileSync(file, 'utf8').split('\n')[message.line - 1] ?? '';
  const col = message.column ?? line.length;
  const around = line.slice(Math.max(0, col - 3000), col + 200);
  return THIRD_PARTY.find((lib) => lib.markers.some((m) => around.includes(m)))?.name;
}

/** `web-ext lint` of a Firefox build: { summary, problems, thirdParty: [message + library] }. */
export function lintFirefox(buildDir) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', buildDir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  } catch {
    return { summary: undefined, problems: [`web-ext lint gave no report (exit ${run.status}): ${run.stderr || run.stdout}`.slice(0, 2000)], thirdParty: [] };
  }
  const problems = [];
  const thirdParty = [];
  for (const e of report.errors) problems.push(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
  for (const w of [...report.warnings, ...(report.notices ?? [])]) {
    const lib = thirdPartyOf(buildDir, w);
    if (lib) thirdParty.push({ ...w, library: lib });
    else problems.push(`warning ${w.code} ${w.file ?? ''}${w.line ? `:${w.line}:${w.column}` : ''}: ${w.message}`);
  }
  return { summary: report.summary, problems, thirdParty };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const lint = args.includes('--lint');
  const dirs = args.filter((a) => a !== '--lint');
  const builds = dirs.length ? dirs.map((d) => path.resolve(d)) : ['.output/chrome-mv3', '.output/firefox-mv2'].map((d) => path.join(ROOT, d));
  let failed = false;
  const report = (what, problems) => {
    console.log(`${what}: ${problems.length ? `${problems.length} problem(s)` : 'ok'}`);
    for (const p of problems) console.error(`  ${p}`);
    failed ||= problems.length > 0;
  };
  report('package.json', packageProblems());
  for (const dir of builds) {
    const { manifest, problems } = checkBuild(dir);
    report(`${path.relative(process.cwd(), dir) || dir} (description ${manifest?.description?.length ?? '?'} characters, ${PRIVACY_PAGE})`, problems);
    if (lint && manifest?.browser_specific_settings?.gecko) {
      const { summary, problems: lintProblems, thirdParty } = lintFirefox(dir);
      report(`web-ext lint ${path.relative(process.cwd(), dir) || dir} ${JSON.stringify(summary)}`, lintProblems);
      for (const w of thirdParty) console.log(`  (${w.library}, not ours) ${w.code} ${w.file}:${w.line}:${w.column}: ${w.message}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
