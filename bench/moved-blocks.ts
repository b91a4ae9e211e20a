// Rewrites reorganised: every heavy, condensed and spin page of the corpus cut at paragraph boundaries
// into halves or thirds and put back in another order (as people reorganise what they rewrite), or set
// inside as much (1x) or twice as much (2x) text of an unrelated corpus article (a rewrite inside a
// longer article), checked against the corpus library. Prints, per kind and form, how many are caught
// with the right original. The corpus's own pages keep their original's order and stand alone.
// Run: node --import tsx bench/moved-blocks.ts [corpus]
import { corpusBodies, paragraphsOf } from './corpus-texts.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const texts = corpusBodies(dir);

/** Paragraphs cut into `parts` blocks of about equal length, put back in `order`. */
function moved(paragraphs: string[], parts: number, order: number[]): string[] {
  const cuts = Array.from({ length: parts + 1 }, (_, k) => Math.round((k * paragraphs.length) / parts));
  return order.flatMap((k) => paragraphs.slice(cuts[k], cuts[k + 1]));
}

/** Unrelated articles long enough to host a rewrite (their paragraphs). */
const hosts = docs
  .filter((d) => d.kind === 'unrelated')
  .map((d) => paragraphsOf(texts.get(d.id)))
  .filter((p) => p.length >= 12);

/** The page's paragraphs inside `ratio` times as many of host `k`'s, half before and half after. */
function inside(paragraphs: string[], ratio: number, k: number): string[] {
  const host = hosts[k % hosts.length]!;
  const extra = host.slice(0, Math.round(paragraphs.length * ratio));
  const half = extra.length >> 1;
  return [...extra.slice(0, half), ...paragraphs, ...extra.slice(half)];
}

const FORMS: [string, (paragraphs: string[], k: number) => string[]][] = [
  ['as is', (p) => p],
  ['halves swapped', (p) => moved(p, 2, [1, 0])],
  ['thirds 3-1-2', (p) => moved(p, 3, [2, 0, 1])],
  ['thirds 2-3-1', (p) => moved(p, 3, [1, 2, 0])],
  ['inside 1x', (p, k) => inside(p, 1, k)],
  ['inside 2x', (p, k) => inside(p, 2, k)],
];
console.log('kind'.padEnd(10), ...FORMS.map(([name]) => name.padStart(15)));
for (const kind of ['heavy', 'condensed', 'spin']) {
  const pages = docs.filter((d) => d.kind === kind && d.original);
  const caught = FORMS.map(([, form]) => {
    let n = 0;
    for (const [k, d] of pages.entries()) {
      const paragraphs = form(paragraphsOf(texts.get(d.id)), k);
      const at = '2030-01-01T00:00:00Z';
      const page = toPageToCheck({ url: d.url, title: 'page', published: at, declaredSources: [], paragraphs, links: [] }, at);
      const { verdict, matched } = checkPage(page, index);
      if (verdict.kind === 'uncredited-rewrite' && matched?.id === d.original) n++;
    }
    return `${n} of ${pages.length}`;
  });
  console.log(kind.padEnd(10), ...caught.map((c) => c.padStart(15)));
}
