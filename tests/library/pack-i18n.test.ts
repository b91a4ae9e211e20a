// Issue 13: why a pack was refused or a line skipped, as a message beside the English (the CLI
// prints the English, unchanged; the library page shows the message in the reader's language).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runPackCommand } from '../../src/cli/pack-command.ts';
import { fingerprintSentences } from '../../src/core/fingerprint.ts';
import { localizedRef, type MessageRef } from '../../src/core/messages.ts';
import { exportPack, importPack } from '../../src/library/pack.ts';
import { checkHeader } from '../../src/library/pack-validate.ts';
import { libraryArticle } from '../helpers.ts';
import { de, expectGerman, getMessageFrom } from '../locales.ts';

const NOW = new Date('2025-10-23T08:00:00Z');
const german = getMessageFrom(de);
const sentences = ['Port officials closed the Harbor Street bridge on Tuesday.', 'Inspectors found cracks in two of its steel girders.'];
const good = { id: 'a1', url: 'https://news.example.org/bridge', title: 'Bridge closed', firstSeen: '2025-10-22T00:00:00Z', sentences };

/** A pack with one line of every kind an import skips, and a header that miscounts them. */
function badPack(): string {
  const header = JSON.stringify({ format: 'unspun-pack', version: 1, created: '2025-10-22T00:00:00Z', articles: 99, fingerprintVersion: 1 });
  const lines: unknown[] = [
    'not json at all',
    [1, 2],
    { ...good, id: '' },
    { ...good, url: 'ftp://x' },
    { ...good, canonicalUrl: 'nope' },
    { ...good, title: 7 },
    { ...good, siteName: 7 },
    { ...good, byline: 7 },
    { ...good, published: 'yesterday' },
    { ...good, firstSeen: 'never' },
    { ...good, derivedFrom: 'b' },
    { ...good, sentences: [] },
    { ...good, sentences: Array.from({ length: 5001 }, () => 'x') },
    { ...good, sentences: [1] },
    { ...good, fingerprint: 'x' },
    { ...good, fingerprint: { ...fingerprintSentences(sentences), minhash: [1] } },
    { ...good, fingerprint: fingerprintSentences(['Something else entirely happened in another city.', 'Nobody was there.']) },
    good,
    { ...good, id: 'a2' },
    { ...good, url: 'https://news.example.org/other' },
  ];
  return [header, ...lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)))].join('\n') + '\n';
}

describe('pack import reasons as messages', () => {
  it('every skipped line, the warning and every refusal has a message whose English is the reason word for word', () => {
    const r = importPack(badPack(), { now: NOW });
    expect(r.articles).toHaveLength(1);
    expect(r.skipped).toHaveLength(19);
    expect(r.messages.skipped).toHaveLength(r.skipped.length);
    r.skipped.forEach((s, i) => expect(localizedRef(r.messages.skipped[i]!), `line ${s.line}`).toBe(s.reason));
    expect(localizedRef(r.messages.warning!)).toBe(r.warning);

    const header = (h: Record<string, unknown>) =>
      JSON.stringify({ format: 'unspun-pack', version: 1, created: '2025-10-22T00:00:00Z', articles: 0, fingerprintVersion: 1, ...h });
    const refused = [
      importPack(null as unknown as string),
      importPack('x'.repeat(20), { maxBytes: 10 }),
      importPack(''),
      importPack('nope\n'),
      importPack('[1]\n'),
      importPack(header({ format: 'other' })),
      importPack(header({ version: 0 })),
      importPack(header({ version: 99 })),
      importPack(header({ created: 'then' })),
      importPack(header({ articles: -1 })),
      importPack(header({ fingerprintVersion: 0 })),
    ];
    for (const r of refused) {
      expect(r.error).toBeDefined();
      expect(localizedRef(r.messages.error!)).toBe(r.error);
    }
    expect(new Set(refused.map((r) => r.messages.error!.key)).size).toBe(refused.length);
  });

  it('renders a skipped line and a refusal in German', () => {
    const text = exportPack([libraryArticle('cnbc', 'https://www.cnbc.com/a', 'The bridge closed on Tuesday. Inspectors found cracks.')], NOW);
    const again = importPack(text, { existingUrls: new Set(['https://www.cnbc.com/a']), now: NOW });
    expect(again.skipped[0]!.reason).toBe('duplicate URL https://cnbc.com/a');
    expect(localizedRef(again.messages.skipped[0]!, german)).toBe('doppelte Adresse https://cnbc.com/a');

    const broken = importPack(badPack(), { now: NOW });
    const url = broken.skipped.findIndex((s) => s.reason.startsWith('missing or invalid "url"'));
    expect(localizedRef(broken.messages.skipped[url]!, german)).toBe('„url“ fehlt oder ist ungültig (muss eine absolute http(s)-Adresse sein)');
    const all = broken.messages.skipped.map((m) => localizedRef(m!, german)!);
    expectGerman([...all, localizedRef(broken.messages.warning!, german)!].join('\n'));

    const newer = checkHeader({ format: 'unspun-pack', version: 99 });
    expect(newer.ok).toBe(false);
    expect(localizedRef((newer as { reasonMessage: MessageRef }).reasonMessage, german)).toBe('Paketversion 99 ist neuer als die, die dieses Unspun liest (1)');
  });
});

describe('the CLI says it in English, as before', () => {
  let dir: string;
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pack check prints the English reasons and nothing of the messages', () => {
    dir = mkdtempSync(join(tmpdir(), 'unspun-pack-i18n-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, badPack());
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    expect(runPackCommand(['check', file])).toBe(0);
    const printed = JSON.parse(out.join('')) as { warning: string; skippedLines: unknown[] };
    expect(Object.keys(printed)).not.toContain('messages');
    expect(printed.warning).toBe('the header announces 99 articles but the pack has 20 article lines (truncated or edited?)');
    expect(printed.skippedLines.slice(0, 4)).toEqual([
      { line: 2, reason: 'not JSON' },
      { line: 3, reason: 'not a JSON object' },
      { line: 4, reason: 'missing or invalid "id"' },
      { line: 5, reason: 'missing or invalid "url" (must be an absolute http(s) URL)' },
    ]);
    expect(JSON.stringify(printed)).not.toMatch(/packReason|packError|packWarning/);
  });
});
