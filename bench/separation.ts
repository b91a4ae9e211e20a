// How well alignment measures separate `retold` from `same-facts` pages (and from `same-event`), each
// page against its original: the area under the ROC curve (1 = every retold page scores above every
// same-facts page, 0.5 = chance). Measures: chained coverage, longest in-order chain per page
// sentence, Kendall's tau of the aligned pairs, each at several least pair similarities.
// Run: node --import tsx bench/separation.ts [corpus]
import { join } from 'node:path';
import { alignSentences, longestIncreasingChain, type AlignedPair } from '../src/core/align.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { toPageToCheck } from '../src/library/page.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const KINDS = ['retold', 'same-facts', 'same-event'];
const values = new Map<string, Map<string, number[]>>();

for (const d of docs.filter((x) => x.role === 'page' && KINDS.includes(x.kind))) {
  const orig = index.get(d.original ?? (d as { related?: string }).related ?? '');
  const r = extractFile(join(dir, d.file), d.url);
  if (!orig || !r.ok) continue;
  const page = toPageToCheck(r.article, '');
  for (const min of [0.25, 0.3, 0.4]) {
    const a = alignSentences(page.fingerprint, orig.fingerprint, index.idf, { minSimilarity: min, strongSimilarity: 0.6, chainGap: 2 });
    const add = (name: string, v: number) => {
      const byKind = values.get(`${name}@${min}`) ?? values.set(`${name}@${min}`, new Map()).get(`${name}@${min}`)!;
      (byKind.get(d.kind) ?? byKind.set(d.kind, []).get(d.kind)!).push(v);
    };
    add('chained coverage', a.chainedCoverage);
    add('in-order chain / page', longestIncreasingChain(a.pairs).length / page.sentences.length);
    add('kendall tau', tau(a.pairs));
  }
}

console.log('measure@least similarity'.padEnd(34), 'AUC retold vs same-facts', ' AUC retold vs same-event');
for (const [name, byKind] of values) {
  const r = byKind.get('retold') ?? [];
  console.log(
    name.padEnd(34),
    auc(r, byKind.get('same-facts') ?? [])
      .toFixed(2)
      .padStart(24),
    auc(r, byKind.get('same-event') ?? [])
      .toFixed(2)
      .padStart(25),
  );
}

function tau(ps: AlignedPair[]): number {
  let agree = 0;
  let disagree = 0;
  for (let i = 0; i < ps.length; i++) {
    for (let j = i + 1; j < ps.length; j++) {
      const s = Math.sign(ps[j]!.page - ps[i]!.page) * Math.sign(ps[j]!.original - ps[i]!.original);
      if (s > 0) agree++;
      else if (s < 0) disagree++;
    }
  }
  return agree + disagree ? (agree - disagree) / (agree + disagree) : 0;
}

function auc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}
