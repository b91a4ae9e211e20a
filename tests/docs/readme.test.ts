import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli, USAGE } from '../../src/cli/cli.ts';
import { LOOKUP_OPTIONS } from '../../src/cli/lookup-options.ts';
import { formName, optionsIn, synopses, words } from '../cli/usage-words.ts';

/**
 * The README says what the CLI takes and what the extension may do; these tests hold it to the CLI's
 * own usage and to the manifests WXT builds (as refined-github keeps its docs and code in step).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A README section: from its heading to the next heading of the same level or above. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const body = README.slice(start + heading.length + 2);
  const level = heading.indexOf(' ');
  const end = body.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? body : body.slice(0, end);
}

/** Backquoted spans of a text. */
const quoted = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe('README: Command line', () => {
  const text = section('## Command line');
  const block = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  /** The README's command lines, as the words after `npx unspun` (comments dropped). */
  const lines = block
    .split('\n')
    .filter((l) => l.startsWith('npx unspun'))
    .map((l) => words(l.replace(/\s#.*$/, '')).slice(2));
  const helpLines = lines.filter((l) => l.includes('--help'));
  const runLines = lines.filter((l) => !l.includes('--help'));

  it('shows every command (and pack subcommand) the CLI has, and no other', () => {
    const cliForms = new Set(Object.values(COMMANDS).flatMap((c) => synopses(c.usage).map(formName)));
    expect(new Set(runLines.map(formName))).toEqual(cliForms);
    expect(cliForms).toEqual(new Set(['extract', 'check', 'eval', 'bench', 'pack build', 'pack check']));
  });

  it('shows command lines the CLI accepts', () => {
    expect(runLines.length).toBeGreaterThanOrEqual(6);
    for (const line of runLines) {
      const c = COMMANDS[line[0]!];
      expect(c, line.join(' ')).toBeDefined();
      expect(() => parseArgs({ args: line.slice(1), options: c!.options, allowPositionals: true, strict: true }), line.join(' ')).not.toThrow();
    }
  });

  it('names every option of every command, and no option the CLI lacks', () => {
    const named = optionsIn(text);
    const all = new Set(Object.values(COMMANDS).flatMap((c) => Object.keys(c.options)));
    for (const [name, c] of Object.entries(COMMANDS)) {
      for (const option of Object.keys(c.options)) expect(named.has(option), `${name} --${option}`).toBe(true);
    }
    for (const option of named) expect(all.has(option) || option === 'help', `--${option}`).toBe(true);
  });

  it('lists the lookup options of check and eval as the CLI has them', () => {
    const list = /Lookup options \(`check` and `eval`\):\n((?:[-\s].*\n)+)/.exec(text)?.[1] ?? '';
    const listed = new Set(
      list.split('\n').flatMap((l) =>
        /^- `(--[a-z-]+)/.test(l)
          ? quoted(l)
              .filter((q) => q.startsWith('--'))
              .map((q) => q.split(' ')[0]!.slice(2))
          : [],
      ),
    );
    expect(listed).toEqual(new Set(Object.keys(LOOKUP_OPTIONS)));
    for (const command of ['check', 'eval']) {
      for (const option of Object.keys(LOOKUP_OPTIONS)) expect(COMMANDS[command]!.options, `${command} --${option}`).toHaveProperty(option);
    }
  });

  it('shows the help commands, which print the usage', async () => {
    expect(helpLines.map((l) => l.join(' '))).toEqual(['--help', 'eval --help']);
    const printed: string[] = [];
    const out = { stdout: (t: string) => void printed.push(t), stderr: (t: string) => void printed.push(t) };
    for (const line of helpLines) expect(await runCli(line, out)).toBe(0);
    expect(printed).toEqual([USAGE, COMMANDS['eval']!.usage]);
  });
});

/** The manifests `wxt build` writes for Chrome (MV3) and Firefox (MV2), built into a temporary folder. */
interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
}

describe('README: Permissions', () => {
  let outDir: string;
  const built: Record<'chrome' | 'firefox', Manifest> = { chrome: {}, firefox: {} };

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'unspun-manifest-'));
    // A child process, so the build gets a plain environment (no vitest, no E2E hosts).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|UNSPUN_E2E_HOSTS$|TEST$)/.test(k)));
    const script = `import { build } from 'wxt';
for (const browser of ['chrome', 'firefox']) await build({ browser, outDir: ${JSON.stringify(outDir)} });`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 150_000 });
    if (r.status !== 0) throw new Error(`wxt build failed (${r.status}): ${r.stderr || r.stdout}`);
    built.chrome = JSON.parse(readFileSync(join(outDir, 'chrome-mv3', 'manifest.json'), 'utf8')) as Manifest;
    built.firefox = JSON.parse(readFileSync(join(outDir, 'firefox-mv2', 'manifest.json'), 'utf8')) as Manifest;
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const text = section('## Permissions');
  /** The table's rows: [permission, why]. */
  const rows = text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map(
      (l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()) as [string, string],
    );
  const contentRow = rows.find(([p]) => p.startsWith('content script on'));
  const optionalRow = rows.find(([p]) => p === 'optional host permissions');
  const apiRows = rows.filter((r) => r !== contentRow && r !== optionalRow);
  /** The API permissions the table lists for a browser ("(Chrome only)" for one browser only). */
  const apiPermissions = (browser: 'chrome' | 'firefox') =>
    apiRows
      .filter(([p]) => !/\((Chrome|Firefox) only\)/.test(p) || p.includes(browser === 'chrome' ? '(Chrome only)' : '(Firefox only)'))
      .map(([p]) => {
        expect(quoted(p), p).toHaveLength(1);
        return quoted(p)[0]!;
      })
      .sort();
  const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

  it('has a row for the content script, the optional host permissions and each API permission', () => {
    expect(contentRow).toBeDefined();
    expect(optionalRow).toBeDefined();
    expect(apiRows.length).toBeGreaterThan(0);
  });

  it('lists exactly the API permissions of each built manifest', () => {
    expect(apiPermissions('chrome')).toEqual(sorted(built.chrome.permissions));
    expect(apiPermissions('firefox')).toEqual(sorted(built.firefox.permissions));
  });

  it('gives the pages the content script runs on', () => {
    const matches = sorted(quoted(contentRow![0]));
    for (const m of Object.values(built)) expect(sorted([...new Set(m.content_scripts?.flatMap((c) => c.matches))])).toEqual(matches);
  });

  it('says host permissions are optional, asked for at run time, up to any site', () => {
    const hosts = sorted(quoted(optionalRow![1]).filter((q) => /^\S+:\/\/\S*\/\S*$/.test(q)));
    expect(sorted(built.chrome.optional_host_permissions)).toEqual(hosts);
    expect(sorted(built.firefox.optional_permissions)).toEqual(hosts); // MV2 keeps optional hosts with the permissions
    expect(built.chrome.host_permissions ?? []).toEqual([]);
    expect(built.firefox.permissions?.filter((p) => p.includes('://'))).toEqual([]);
  });

  it('asks for nothing it says it does not', () => {
    expect(text).toContain('Unspun asks for no other permission: no `tabs`, no history, no web requests.');
    for (const m of Object.values(built)) {
      for (const p of ['tabs', 'history', 'webRequest', 'webRequestBlocking'])
        expect([...(m.permissions ?? []), ...(m.optional_permissions ?? [])]).not.toContain(p);
    }
  });
});
