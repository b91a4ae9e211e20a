import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privacyPageProblems } from '../../scripts/check-store.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The headings, paragraphs and list items of docs/privacy.md, as plain text, in order. */
function markdownBlocks(md: string): string[] {
  const plain = (s: string) => squash(s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1'));
  return md
    .trim()
    .split(/\n\s*\n/)
    .flatMap((block) => (/^- /.test(block) ? block.split(/\n(?=- )/).map((item) => plain(item.replace(/^- /, ''))) : [plain(block.replace(/^#+ /, ''))]));
}

/** The h1, h2, p and li texts of the privacy page, in order. */
function htmlBlocks(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? '';
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...main.matchAll(/<(h1|h2|p|li)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map(([, , inner]) => squash(decode(inner!.replace(/<[^>]+>/g, ''))));
}

describe('the privacy policy', () => {
  const md = read('docs/privacy.md');
  const html = read('entrypoints/privacy/index.html');

  it('is the same text in docs/privacy.md and in the extension page entrypoints/privacy/index.html', () => {
    const blocks = markdownBlocks(md);
    expect(blocks.length).toBeGreaterThan(15);
    expect(htmlBlocks(html)).toEqual(blocks);
  });

  it('tells what is stored and what leaves the machine, as the code does', () => {
    const text = markdownBlocks(md).join('\n');
    for (const needle of [
      'IndexedDB',
      'session storage',
      'without your cookies',
      'search terms',
      "never sends the page's address",
      'at most 3',
      'api.gdeltproject.org',
      'Feeds you turn on',
      'no analytics',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it("loads nothing remote and runs only its own script (which puts it in the browser's language)", () => {
    expect(privacyPageProblems(html)).toEqual([]);
    expect([...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag)).toEqual(['<script type="module" src="./main.ts">']);
  });

  it('compares for real: a changed sentence in one copy is found', () => {
    const changed = html.replace('at most 3', 'at most 5');
    expect(changed).not.toEqual(html);
    expect(htmlBlocks(changed)).not.toEqual(markdownBlocks(md));
  });
});
