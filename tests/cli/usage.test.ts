import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli, USAGE } from '../../src/cli/cli.ts';
import { optionsIn, synopses } from './usage-words.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `unspun <argv>` in process: its exit code and what it wrote. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('unspun --help', () => {
  it('prints every form of every command, on stdout, and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      expect(await cli(...argv)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    }
    for (const [name, c] of Object.entries(COMMANDS)) {
      const forms = c.usage.split('\n').filter((l) => l.startsWith('unspun '));
      expect(forms.length, name).toBeGreaterThan(0);
      for (const form of forms) expect(USAGE).toContain(`\n  ${form}\n`);
      for (const form of synopses(c.usage)) expect(form[0]).toBe(name);
    }
  });

  it("prints a command's usage for `unspun <command> --help`, `-h` and `unspun help <command>`", async () => {
    for (const [name, c] of Object.entries(COMMANDS)) {
      expect(await cli(name, '--help')).toEqual({ code: 0, stdout: c.usage, stderr: '' });
      expect(await cli(name, '-h')).toEqual({ code: 0, stdout: c.usage, stderr: '' });
      expect(await cli('help', name)).toEqual({ code: 0, stdout: c.usage, stderr: '' });
    }
    // Anywhere among the command's arguments, but not after `--`.
    expect((await cli('eval', '--corpus', 'nowhere', '--help')).code).toBe(0);
    expect((await cli('pack', 'build', '--help')).stdout).toBe(COMMANDS['pack']!.usage);
    const after = await cli('extract', '--', '--help');
    expect(after.code).toBe(1);
    expect(after.stdout).toBe('');
  });

  it('says what is wrong on stderr: no command (2), an unknown one (2), a bad argument (1, with where to look)', async () => {
    expect(await cli()).toEqual({ code: 2, stdout: '', stderr: USAGE });
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`unspun: no command 'frobnicate'\n\n${USAGE}`);
    expect((await cli('help', 'frobnicate')).code).toBe(2);
    expect((await cli('constructor')).code).toBe(2);
    const bad = await cli('bench', '--no-such-option');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^unspun: .*--no-such-option[\s\S]*\(unspun bench --help shows its usage\)\n$/);
  });

  it('documents exactly the options each command parses, and each form it shows parses', () => {
    for (const [name, c] of Object.entries(COMMANDS)) {
      expect([...optionsIn(c.usage)].sort(), name).toEqual(Object.keys(c.options).sort());
      for (const form of synopses(c.usage)) {
        expect(() => parseArgs({ args: form.slice(1), options: c.options, allowPositionals: true, strict: true }), form.join(' ')).not.toThrow();
      }
    }
  });

  it('works through bin/unspun.mjs', () => {
    const run = (...argv: string[]) => spawnSync(process.execPath, ['bin/unspun.mjs', ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const r = run('check', '--help');
    expect([r.status, r.stdout, r.stderr]).toEqual([0, COMMANDS['check']!.usage, '']);
  }, 120_000);
});
