// Rewrites with blocks moved: every heavy, condensed and spin page of the corpus cut at paragraph
// boundaries into halves or thirds and put back in another order (as people reorganise what they
// rewrite), checked against the corpus library. Prints, per kind and order, how many are caught with
// the right original. The corpus's own pages keep their original's order; this measures what the
// order condition of the rules costs when a writer moves a block.
// Run: node --import tsx bench/moved-blocks.ts [corpus]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const texts = new Map(
  readFileSync(join(dir, 'texts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; body: string })
    .map((t) => [t.id, t.body]),
);

/** Paragraphs cut into `parts` blocks of about equal length, put back in `order`. */
function moved(paragraphs: string[], parts: number, order: number[]): string[] {
  const cuts = Array.from({ length: parts + 1 }, (_, k) => Math.round((k * paragraphs.length) / parts));
  return order.flatMap((k) => paragraphs.slice(cuts[k], cuts[k + 1]));
}

const ORDERS: [string, number, number[]][] = [
  ['as is', 1, [0]],
  ['halves swapped', 2, [1, 0]],
  ['thirds 3-1-2', 3, [2, 0, 1]],
  ['thirds 2-3-1', 3, [1, 2, 0]],
];
console.log('kind'.padEnd(10), ...ORDERS.map(([name]) => name.padStart(15)));
for (const kind of ['heavy', 'condensed', 'spin']) {
  const pages = docs.filter((d) => d.kind === kind && d.original);
  const caught = ORDERS.map(([, parts, order]) => {
    let n = 0;
    for (const d of pages) {
      const paragraphs = moved((texts.get(d.id) ?? '').split(/\n+/).filter(Boolean), parts, order);
      const at = '2030-01-01T00:00:00Z';
      const page = toPageToCheck({ url: d.url, title: 'page', published: at, declaredSources: [], paragraphs, links: [] }, at);
      const { verdict, matched } = checkPage(page, index);
      if (verdict.kind === 'uncredited-rewrite' && matched?.id === d.original) n++;
    }
    return `${n} of ${pages.length}`;
  });
  console.log(kind.padEnd(10), ...caught.map((c) => c.padStart(15)));
}
