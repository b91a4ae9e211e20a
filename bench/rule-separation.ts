// How well the decision rules separate each kind of rewrite from the pages that must stay clear, as a
// whole and independent of any threshold: each page's best rule margin (`ruleMargins`: the largest of
// whole, part, copied, walk) against its own original, and the area under the ROC curve of those
// margins for each positive kind against each negative kind (1 = every rewrite scores above every
// negative). A change to the matcher that raises these is a better measure; one that only moves pages
// across 1 is a threshold. Short pages are each page's 150–350-word opening, as in the eval.
// Then the operating points: how many negatives each share of retold pages caught would cost.
// Run: node --import tsx bench/rule-separation.ts [corpus]
import { join } from 'node:path';
import { alignSentences, DEFAULT_ALIGN } from '../src/core/align.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { opening, SHORT_PAGE } from '../src/cli/eval.ts';
import { extractFile } from '../src/cli/load.ts';
import { ruleMargins } from '../src/core/verdict.ts';
import { toPageToCheck } from '../src/library/page.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const POSITIVE = ['retold', 'condensed', 'partial', 'excerpt', 'short-condensed'];
const NEGATIVE = ['same-facts', 'same-event', 'short-same-facts', 'short-same-event'];
const SHORT = new Set(['same-facts', 'same-event', 'condensed']);
const margins = new Map<string, number[]>();

for (const d of docs.filter((x) => x.role === 'page')) {
  if (![...POSITIVE, ...NEGATIVE].includes(d.kind)) continue;
  const original = index.get(d.original ?? (d as { related?: string }).related ?? '');
  const r = extractFile(join(dir, d.file), d.url);
  if (!original || !r.ok) continue;
  const variants: [string, string[]][] = [[d.kind, r.article.paragraphs]];
  if (SHORT.has(d.kind)) variants.push([`short-${d.kind}`, opening(r.article.paragraphs, SHORT_PAGE.maxWords)]);
  for (const [kind, paragraphs] of variants) {
    const page = toPageToCheck({ ...r.article, paragraphs }, '');
    const m = ruleMargins(alignSentences(page.fingerprint, original.fingerprint, index.idf, DEFAULT_ALIGN));
    const list = margins.get(kind) ?? margins.set(kind, []).get(kind)!;
    list.push(Math.max(m.whole, m.part, m.copied, m.walk));
  }
}

const of = (kind: string) => margins.get(kind) ?? [];
console.log('AUC of the best rule margin, each page against its own original');
console.log(''.padEnd(16), ...NEGATIVE.map((n) => n.padStart(17)), '  decided ≥ 1');
for (const p of POSITIVE) {
  const caught = of(p).filter((x) => x >= 1).length;
  console.log(p.padEnd(16), ...NEGATIVE.map((n) => auc(of(p), of(n)).toFixed(3).padStart(17)), `  ${caught} of ${of(p).length}`);
}
for (const n of NEGATIVE) {
  const xs = of(n);
  const flagged = xs.filter((x) => x >= 1).length;
  const near = xs.filter((x) => x >= 0.8).length;
  console.log(`${n.padEnd(16)} flagged ${flagged} of ${xs.length}, within 0.2 of a rule (≥ 0.8) ${near}, highest ${Math.max(0, ...xs).toFixed(2)}`);
}

// The trade-off the labels leave: scaling every rule by one factor (a page is flagged when its best
// margin reaches t), how many pages of each negative kind a given share of retold pages would cost.
console.log('\nOperating points: flag when the best margin ≥ t');
console.log('retold caught'.padEnd(16), 't'.padStart(6), ...NEGATIVE.map((n) => n.padStart(17)));
const retold = [...of('retold')].sort((a, b) => b - a);
for (const share of [0.3, 0.5, 0.7, 0.85]) {
  const k = Math.ceil(share * retold.length);
  const t = retold[k - 1];
  if (t === undefined) continue;
  const flagged = (n: string) => `${of(n).filter((x) => x >= t).length} of ${of(n).length}`;
  console.log(`${k} of ${retold.length}`.padEnd(16), t.toFixed(2).padStart(6), ...NEGATIVE.map((n) => flagged(n).padStart(17)));
}

function auc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}
