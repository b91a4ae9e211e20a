import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPackCommand } from '../../src/cli/pack-command.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { importPack } from '../../src/library/pack.ts';
import { pageToCheck, seedRewriteBody, seedText } from '../helpers.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';

let dir: string;
let out: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unspun-pack-'));
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (out.push(String(s)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A corpus folder with the seed original, one more original, an empty original and a page. */
function writeCorpus(): string {
  const corpus = join(dir, 'corpus');
  const docs = [
    {
      id: 'seed-original',
      url: CNBC,
      file: 'seed.txt',
      role: 'original',
      expect: null,
      original: null,
      kind: 'original',
      published: '2025-10-22T06:47:32+00:00',
    },
    {
      id: 'other',
      url: 'https://news.example.org/floods',
      file: 'other.txt',
      role: 'original',
      expect: null,
      original: null,
      kind: 'original',
      published: '2025-10-20T00:00:00Z',
    },
    { id: 'empty', url: 'https://news.example.org/empty', file: 'empty.txt', role: 'original', expect: null, original: null, kind: 'original' },
    { id: 'page', url: FARM, file: 'page.txt', role: 'page', expect: 'uncredited-rewrite', original: 'seed-original', kind: 'heavy' },
  ];
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'manifest.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(corpus, 'seed.txt'), seedText('original-cnbc'));
  writeFileSync(
    join(corpus, 'other.txt'),
    'Floods force thousands from homes\n\nFloods forced thousands from their homes on Monday. Rescue teams used boats to reach villages.',
  );
  writeFileSync(join(corpus, 'empty.txt'), 'Only a title\n');
  writeFileSync(join(corpus, 'page.txt'), 'A page\n\nNot an original.');
  return corpus;
}

describe('unspun pack', () => {
  it('builds a pack from the originals of a corpus, and checks it', () => {
    const corpus = writeCorpus();
    const file = join(dir, 'out', 'corpus.unspun.jsonl');
    expect(runPackCommand(['build', '--corpus', corpus, '--out', file])).toBe(0);
    expect(out.join('')).toMatch(/wrote .*corpus\.unspun\.jsonl: 2 articles, \d+ bytes, \d+ bytes per article; 1 originals not extracted/);
    expect(out.join('')).toMatch(/skipped empty: no sentences/);

    const r = importPack(readFileSync(file, 'utf8'));
    expect(r.error).toBeUndefined();
    expect(r.articles.map((a) => [a.id, a.url, a.published, a.source])).toEqual([
      ['seed-original', CNBC, '2025-10-22T06:47:32+00:00', 'pack'],
      ['other', 'https://news.example.org/floods', '2025-10-20T00:00:00Z', 'pack'],
    ]);

    out = [];
    expect(runPackCommand(['check', file])).toBe(0);
    const report = JSON.parse(out.join('')) as Record<string, unknown>;
    expect(report).toMatchObject({ header: { format: 'unspun-pack', version: 1, articles: 2 }, valid: 2, skipped: 0 });
    expect(report.bytesPerArticle).toBeGreaterThan(100);
  });

  it('a pack made outside the browser lets a fresh library catch the seed rewrite', () => {
    const corpus = writeCorpus();
    const file = join(dir, 'seed.unspun.jsonl');
    runPackCommand(['build', '--corpus', corpus, '--out', file]);
    const index = new LibraryIndex();
    for (const a of importPack(readFileSync(file, 'utf8')).articles) index.add(a);
    const body = seedRewriteBody();
    const { verdict, matched } = checkPage(pageToCheck(FARM, body, { published: '2025-10-22T15:10:00Z' }), index);
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe('seed-original');
  });

  it('check exits 1 on a corrupt pack and reports why', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"format":"something-else"}\n');
    expect(runPackCommand(['check', file])).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ error: expect.stringMatching(/not an Unspun pack/), valid: 0 });
  });

  it('explains missing arguments', () => {
    expect(() => runPackCommand([])).toThrow(/subcommand/);
    expect(() => runPackCommand(['build', '--corpus', dir])).toThrow(/--out/);
    expect(() => runPackCommand(['check'])).toThrow(/<file>/);
  });
});
