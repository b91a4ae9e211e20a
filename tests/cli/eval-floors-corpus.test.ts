import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEvalCommand } from '../../src/cli/eval-command.ts';

let dir: string;
let corpus: string;
let floorsFile: string;
let out: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unspun-floors-'));
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
  // A two-document corpus: one original, one unrelated page that must not be flagged.
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const docs = [
    { id: 'orig', url: 'https://news.example.org/floods', file: 'orig.txt', role: 'original', expect: null, original: null, kind: 'original' },
    { id: 'page', url: 'https://other.example.com/chess', file: 'page.txt', role: 'page', expect: 'none', original: null, kind: 'unrelated' },
  ];
  writeFileSync(join(corpus, 'manifest.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(
    join(corpus, 'orig.txt'),
    'Floods close the valley road\n\nHeavy rain flooded the valley road on Monday. The council closed it until Thursday.\n',
  );
  writeFileSync(join(corpus, 'page.txt'), 'A chess final in Oslo\n\nThe chess final in Oslo went to a fourth tiebreak. The champion kept her title.\n');
  floorsFile = join(dir, 'floors.json');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const digest = () =>
  createHash('sha256')
    .update(readFileSync(join(corpus, 'manifest.jsonl')))
    .digest('hex');
const evalWithFloors = (...more: string[]) => runEvalCommand(['--corpus', corpus, '--floors', floorsFile, ...more]);

describe('unspun eval --floors: the corpus the floors were measured on', () => {
  it('passes on the corpus the floors record, and fails saying to re-measure once the corpus changed', async () => {
    writeFileSync(floorsFile, JSON.stringify({ $corpus: { manifestSha256: digest() }, unrelated: { max: 0 } }));
    expect(await evalWithFloors()).toBe(0);
    expect(out.join('')).toContain('eval floors: all met');

    const before = digest();
    appendFileSync(join(corpus, 'manifest.jsonl'), '\n');
    out = [];
    expect(await evalWithFloors()).toBe(1);
    const text = out.join('');
    expect(text).toContain(
      `FLOOR FAILED: $corpus: the corpus changed since the floors were set (manifest.jsonl sha256 ${digest()}, floors measured on ${before})`,
    );
    expect(text).toContain('re-measure the floors on this corpus');
    expect(text).toContain('eval floors: 1 failed (the floors record another corpus, or none: see $corpus above)');
  });

  it('records the corpus with --record-corpus when every floor is met, keeping the file as written', async () => {
    const text = '{\n  "$comment": "test floors",\n  "unrelated": { "max": 0 }\n}\n';
    writeFileSync(floorsFile, text);
    expect(await evalWithFloors()).toBe(1);
    expect(out.join('')).toContain('FLOOR FAILED: $corpus: the floors do not record the corpus');

    out = [];
    expect(await evalWithFloors('--record-corpus')).toBe(0);
    expect(out.join('')).toContain(`recorded the corpus (manifest.jsonl sha256 ${digest()})`);
    expect(readFileSync(floorsFile, 'utf8')).toBe(
      `{\n  "$comment": "test floors",\n  "$corpus": { "manifestSha256": "${digest()}" },\n  "unrelated": { "max": 0 }\n}\n`,
    );
    out = [];
    expect(await evalWithFloors()).toBe(0);
  });

  it('does not record a corpus on which a floor fails', async () => {
    const text = '{ "same-event": { "max": 0 }, "unrelated": { "max": 0 } }';
    writeFileSync(floorsFile, text);
    expect(await evalWithFloors('--record-corpus')).toBe(1);
    expect(out.join('')).toContain('FLOOR FAILED: same-event: not in the corpus');
    expect(out.join('')).not.toContain('$corpus');
    expect(readFileSync(floorsFile, 'utf8')).toBe(text);
  });

  it('--record-corpus needs --floors', async () => {
    await expect(runEvalCommand(['--corpus', corpus, '--record-corpus'])).rejects.toThrow(/--record-corpus needs --floors/);
  });
});
