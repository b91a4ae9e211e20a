// Sentence-shape overlap of aligned pairs, per kind (tuning aid). For each page and its original (or
// related original), and for same-facts pages and the page a lookup eval flagged them against, it aligns
// the two and measures, over the aligned sentence pairs, the share of consecutive content-term pairs
// (bigrams of stems, names and quotes left out) the two sentences share: how much a sentence keeps
// the other's shape, beyond its facts.
// Run: node --import tsx bench/structure.ts [corpus] [lookup verdicts, default bench/out/lookup-verdicts.jsonl]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignSentences, DEFAULT_ALIGN } from '../src/core/align.ts';
import { normalizeText } from '../src/core/normalize.ts';
import { tokenize } from '../src/core/tokens.ts';
import { isDerived } from '../src/core/verdict.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { LibraryIndex } from '../src/library/library-index.ts';

const [dir = '../shared/corpus', verdicts = 'bench/out/lookup-verdicts.jsonl'] = process.argv.slice(2);
const docs = readManifest(dir);
const byId = new Map(docs.map((d) => [d.id, d]));
const pages = new Map<string, ReturnType<typeof toPageToCheck>>();
function load(id: string) {
  let p = pages.get(id);
  if (!p) {
    const d = byId.get(id)!;
    const r = extractFile(join(dir, d.file), d.url);
    if (!r.ok) throw new Error(`${id}: ${r.reason}`);
    pages.set(id, (p = toPageToCheck(r.article, '')));
  }
  return p;
}
const idf = new LibraryIndex().idf;
const shapeTerms = (s: string) =>
  tokenize(normalizeText(s))
    .tokens.filter((t) => !t.name && !t.quoted)
    .map((t) => t.term);
const bigrams = (ts: string[]) => new Set(ts.slice(1).map((t, i) => `${ts[i]} ${t}`));

function measure(a: string, b: string) {
  const P = load(a);
  const O = load(b);
  const al = alignSentences(P.fingerprint, O.fingerprint, idf, DEFAULT_ALIGN);
  const shares = al.pairs.flatMap((p) => {
    const x = bigrams(shapeTerms(P.sentences[p.page]!));
    const y = bigrams(shapeTerms(O.sentences[p.original]!));
    if (!x.size || !y.size) return [];
    return [[...x].filter((g) => y.has(g)).length / Math.min(x.size, y.size)];
  });
  return { derived: isDerived(al), bigramShare: shares.length ? shares.reduce((s, x) => s + x, 0) / shares.length : 0 };
}

const groups = new Map<string, { bigramShare: number; derived: boolean }[]>();
const add = (group: string, a: string, b: string) => groups.set(group, [...(groups.get(group) ?? []), measure(a, b)]);
for (const d of docs) {
  const rel = d.original ?? (d as { related?: string }).related;
  if (d.role === 'page' && rel && byId.has(rel) && !['credited', 'syndicated', 'verbatim', 'same-event', 'shared-source'].includes(d.kind))
    add(d.kind, d.id, rel);
}
if (existsSync(verdicts)) {
  for (const line of readFileSync(verdicts, 'utf8').split('\n').filter(Boolean)) {
    const v = JSON.parse(line) as { id: string; verdict: string; original: string | null };
    if (byId.get(v.id)?.kind === 'same-facts' && v.verdict === 'uncredited-rewrite' && v.original && byId.has(v.original)) {
      add(`same-facts vs what lookup named (${byId.get(v.original)!.kind === 'original' ? 'original' : 'sibling'})`, v.id, v.original);
    }
  }
}
const q = (xs: number[], f: number) => {
  const sorted = xs.slice().sort((x, y) => x - y);
  return sorted[Math.floor(f * (xs.length - 1))]!.toFixed(3);
};
console.log('group | n | bigram share q25 / median / q75 | derived');
for (const [g, list] of groups) {
  const xs = list.map((m) => m.bigramShare);
  console.log(`${g} | ${list.length} | ${q(xs, 0.25)} / ${q(xs, 0.5)} / ${q(xs, 0.75)} | ${list.filter((m) => m.derived).length}`);
}
