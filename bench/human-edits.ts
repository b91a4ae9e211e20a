// Rewrites edited the way people edit, sentence by sentence: every heavy and condensed page of the
// corpus (already reworded) with one kind of edit applied throughout, then all of them at once, checked
// against the corpus library. Prints, per kind and edit, how many are caught with the right original.
//   merge   every other pair of neighbouring sentences joined into one ("…, and …")
//   split   every long sentence (≥ 20 words) cut in two at a comma
//   swap    every other pair of neighbouring sentences swapped
//   move    a quarter of the sentences moved elsewhere in the page
//   drop    a quarter of the sentences left out
//   add     one sentence of the writer's own (from a fact-sheet article of the story) every four
//   all     merge, split, swap, move, drop and add together
// Run: node --import tsx bench/human-edits.ts [corpus] [--misses EDIT]
import { corpusBodies, seededRandom, splitSentences } from './corpus-texts.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--misses') ?? '../shared/corpus';
const misses = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const texts = corpusBodies(dir);
const sentencesOf = (body: string) =>
  body
    .split(/\n+/)
    .flatMap(splitSentences)
    .map((s) => s.trim())
    .filter(Boolean);

const random = seededRandom(7);
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^(I|I'm|I've)\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

const merge = (s: string[]) => {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i % 4 === 1 && i + 1 < s.length) out.push(`${s[i]!.replace(/[.!?]$/, '')}, and ${lower(s[++i]!)}`);
    else out.push(s[i]!);
  }
  return out;
};
const split = (s: string[]) =>
  s.flatMap((x) => {
    const w = x.split(' ');
    if (w.length < 20) return [x];
    const at = x.indexOf(', ', Math.floor(x.length / 3));
    if (at < 0 || at > (2 * x.length) / 3) return [x];
    const rest = x.slice(at + 2);
    return [`${x.slice(0, at)}.`, rest[0]!.toUpperCase() + rest.slice(1)];
  });
const swap = (s: string[]) => {
  const out = [...s];
  for (let i = 1; i + 1 < out.length; i += 4) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
};
const move = (s: string[]) => {
  const out = [...s];
  for (let k = 0; k < Math.floor(s.length / 4); k++) {
    const [x] = out.splice(Math.floor(random() * out.length), 1);
    out.splice(Math.floor(random() * out.length), 0, x!);
  }
  return out;
};
const drop = (s: string[]) => s.filter(() => random() >= 0.25);
const add = (s: string[], own: string[]) => s.flatMap((x, i) => (i % 4 === 3 && own.length ? [x, own[(i >> 2) % own.length]!] : [x]));

const EDITS: Record<string, (s: string[], own: string[]) => string[]> = {
  none: (s) => s,
  merge,
  split,
  swap,
  move,
  drop,
  add,
  all: (s, own) => add(drop(move(swap(split(merge(s))))), own),
};

const results = new Map<string, number>();
const counts = new Map<string, number>();
let n = 0;
for (const d of docs.filter((x) => ['heavy', 'condensed'].includes(x.kind))) {
  const body = texts.get(d.id);
  const id = d.original!;
  if (!body || !index.get(id)) continue;
  const ownDoc = docs.find((x) => x.kind === 'same-facts' && (x as { related?: string }).related === id);
  // The writer's own sentences: a same-facts article's, past its opening (which tells the same lede).
  const own = ownDoc ? sentencesOf(texts.get(ownDoc.id) ?? '').slice(4) : [];
  for (const [edit, apply] of Object.entries(EDITS)) {
    const sentences = apply(sentencesOf(body), own);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(' '));
    const at = '2030-01-01T00:00:00Z';
    const page = toPageToCheck({ url: `https://edit-${n++}.example/story`, title: 'page', published: at, declaredSources: [], paragraphs, links: [] }, at);
    const { verdict, matched } = checkPage(page, index);
    const ok = verdict.kind === 'uncredited-rewrite' && matched?.id === id;
    const key = `${d.kind}\t${edit}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (ok) results.set(key, (results.get(key) ?? 0) + 1);
    if (!ok && misses === edit) console.log(`  miss ${edit} ${d.id}: ${verdict.kind} ${matched?.id ?? ''} ${verdict.reason}`);
  }
}
const edits = Object.keys(EDITS);
console.log(['kind'.padEnd(10), ...edits.map((e) => e.padStart(8))].join(''));
for (const kind of ['heavy', 'condensed']) {
  console.log([kind.padEnd(10), ...edits.map((e) => `${results.get(`${kind}\t${e}`) ?? 0}/${counts.get(`${kind}\t${e}`) ?? 0}`.padStart(8))].join(''));
}
