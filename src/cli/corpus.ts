import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of a corpus manifest (see the corpus README). */
export interface CorpusDoc {
  id: string;
  url: string;
  file: string;
  role: 'original' | 'page';
  expect: 'uncredited-rewrite' | 'credited' | 'none' | 'ambiguous' | null;
  original: string | null;
  kind: string;
  published?: string;
}

/** SHA-256 of a corpus's `manifest.jsonl`: the corpus a floors file records it was measured on. */
export function manifestDigest(corpusDir: string): string {
  return createHash('sha256')
    .update(readFileSync(join(corpusDir, 'manifest.jsonl')))
    .digest('hex');
}

export function readManifest(corpusDir: string): CorpusDoc[] {
  const text = readFileSync(join(corpusDir, 'manifest.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const d = JSON.parse(l) as CorpusDoc;
      if (!d.id || !d.url || !d.file || (d.role !== 'original' && d.role !== 'page')) {
        throw new Error(`manifest.jsonl line ${i + 1}: missing id, url, file or role`);
      }
      return d;
    });
}

/** A plain-text library article: headline, blank line, body. */
export function readTextArticle(path: string): { title: string; body: string } {
  const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const [title = '', ...rest] = text.split('\n');
  return { title: title.trim(), body: rest.join('\n').trim() };
}
