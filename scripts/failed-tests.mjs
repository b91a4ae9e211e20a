#!/usr/bin/env node
// Names the failed tests of a run, one line each, for the closing summary of `npm test` (CI shows
// only the tail of its log): each failed vitest test from its JSON report (file, full name, first line
// of the message) and each failed node:test test from its TAP file. Missing or unreadable reports add
// nothing (their step's own count already says it failed).
//   node scripts/failed-tests.mjs [--vitest report.json] [--tap e2e.tap]
import fs from 'node:fs';
import path from 'node:path';

const MESSAGE_CHARS = 300;

/** `file > full name: first message line` for each failed test of a vitest JSON report. */
export function failedUnitTests(report, root = process.cwd()) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = path.relative(root, String(file.name ?? ''));
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const message = String(t.failureMessages?.[0] ?? '')
        .split('\n')[0]
        .slice(0, MESSAGE_CHARS);
      out.push(`unit: ${name} > ${t.fullName ?? t.title}${message ? `: ${message}` : ''}`);
    }
  }
  return out;
}

/** Each `not ok` line of a TAP report, subtests included. */
export function failedTapTests(tap) {
  return tap
    .split('\n')
    .filter((l) => /^\s*not ok\b/.test(l))
    .map((l) => `e2e: ${l.trim()}`);
}

function read(file, parse) {
  try {
    return parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const vitest = option('--vitest');
  const tap = option('--tap');
  const lines = [...(vitest ? failedUnitTests(read(vitest, JSON.parse)) : []), ...(tap ? failedTapTests(read(tap, (t) => t) ?? '') : [])];
  if (lines.length) console.log(lines.join('\n'));
}
