import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failedTapTests, failedUnitTests } from '../../scripts/failed-tests.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
/** A vitest JSON report as `--reporter=json` writes it (the fields read). */
const REPORT = {
  numPassedTests: 2,
  numFailedTests: 1,
  testResults: [
    {
      name: join(ROOT, 'tests/ext/library-persist.test.ts'),
      assertionResults: [
        { status: 'passed', title: 'saves', fullName: 'the library saves', failureMessages: [] },
        {
          status: 'failed',
          title: 'rebuilds',
          fullName: 'articles in IndexedDB rebuilds',
          failureMessages: ['AssertionError: expected false to be true // Object.is equality\n    at tests/ext/library-persist.test.ts:127:44'],
        },
      ],
    },
    { name: join(ROOT, 'tests/core/verdict.test.ts'), assertionResults: [{ status: 'passed', title: 'x', fullName: 'x', failureMessages: [] }] },
  ],
};
const TAP = [
  'TAP version 13',
  '# Subtest: chromium: seed rewrite gets "!"',
  'ok 1 - chromium: seed rewrite gets "!"',
  '# Subtest: firefox: the popup',
  '    not ok 1 - the step inside',
  'not ok 2 - firefox: the popup',
  '# pass 1',
  '# fail 1',
].join('\n');

describe('the failed tests named at the end of npm test (scripts/failed-tests.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspun-failed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each failed unit test by file and full name, with the first line of its message', () => {
    expect(failedUnitTests(REPORT, ROOT)).toEqual([
      'unit: tests/ext/library-persist.test.ts > articles in IndexedDB rebuilds: AssertionError: expected false to be true // Object.is equality',
    ]);
    expect(failedUnitTests({ testResults: [] }, ROOT)).toEqual([]);
    expect(failedUnitTests(undefined, ROOT)).toEqual([]);
  });

  it('names each failed E2E test and subtest of a TAP report', () => {
    expect(failedTapTests(TAP)).toEqual(['e2e: not ok 1 - the step inside', 'e2e: not ok 2 - firefox: the popup']);
    expect(failedTapTests('ok 1 - fine\n# pass 1')).toEqual([]);
  });

  it('prints them from the report files, and nothing when the reports are missing or all passed', () => {
    const json = join(dir, 'vitest.json');
    const tap = join(dir, 'e2e.tap');
    writeFileSync(json, JSON.stringify(REPORT));
    writeFileSync(tap, TAP);
    const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/failed-tests.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
    const both = run('--vitest', json, '--tap', tap);
    expect(both.status).toBe(0);
    expect(both.stdout.trim().split('\n')).toEqual([
      'unit: tests/ext/library-persist.test.ts > articles in IndexedDB rebuilds: AssertionError: expected false to be true // Object.is equality',
      'e2e: not ok 1 - the step inside',
      'e2e: not ok 2 - firefox: the popup',
    ]);
    expect(run('--vitest', join(dir, 'none.json'), '--tap', join(dir, 'none.tap'))).toMatchObject({ status: 0, stdout: '' });
    writeFileSync(json, '{ broken');
    expect(run('--vitest', json)).toMatchObject({ status: 0, stdout: '' });
  });
});
