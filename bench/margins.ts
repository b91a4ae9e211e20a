// How close each kind sits to the decision rules (`ruleMargins`: ≥ 1 fires, value/threshold of the
// rule's weakest condition). Positives: the best rule against the true original. Negatives (pages
// that must stay clear): per rule, the nearest page against any library candidate the matcher would
// verify, i.e. how much room each threshold leaves. Short pages are each page's 150–350-word opening.
// Run: node --import tsx bench/margins.ts [corpus] [--all]   (--all: one line per positive page too)
import { join } from 'node:path';
import { alignSentences, DEFAULT_ALIGN } from '../src/core/align.ts';
import { memoizeWeight } from '../src/core/similarity.ts';
import { ruleMargins, type DerivationRule } from '../src/core/verdict.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { opening, SHORT_PAGE } from '../src/cli/eval.ts';
import { extractFile } from '../src/cli/load.ts';
import { toPageToCheck } from '../src/library/page.ts';
import { selfOrSameSite } from '../src/library/match.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';
const all = args.includes('--all');
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const weight = memoizeWeight(index.idf);
const RULES: DerivationRule[] = ['whole', 'part', 'copied', 'walk'];
const NEGATIVE = new Set(['same-facts', 'same-event', 'unrelated']);
const POSITIVE = new Set(['heavy', 'condensed', 'verbatim', 'spin', 'partial', 'excerpt', 'retold']);

type Margins = Record<DerivationRule, number>;
const nearest = new Map<string, Record<DerivationRule, { m: number; id: string }>>();
const positives = new Map<string, number[]>();

for (const d of docs.filter((x) => x.role === 'page' && (NEGATIVE.has(x.kind) || POSITIVE.has(x.kind)))) {
  const r = extractFile(join(dir, d.file), d.url);
  if (!r.ok) continue;
  const variants = [{ kind: d.kind, paragraphs: r.article.paragraphs }];
  const cut = opening(r.article.paragraphs, SHORT_PAGE.maxWords);
  if (cut.join(' ').split(/\s+/).length >= SHORT_PAGE.minWords && !['partial', 'excerpt', 'retold'].includes(d.kind))
    variants.push({ kind: `short-${d.kind}`, paragraphs: cut });
  for (const v of variants) {
    const page = toPageToCheck({ ...r.article, paragraphs: v.paragraphs }, '');
    const marginsWith = (fp: typeof page.fingerprint): Margins => ruleMargins(alignSentences(page.fingerprint, fp, weight, DEFAULT_ALIGN));
    if (POSITIVE.has(d.kind)) {
      const orig = index.get(d.original!);
      if (!orig) continue;
      const m = marginsWith(orig.fingerprint);
      const best = Math.max(...RULES.map((k) => m[k]));
      (positives.get(v.kind) ?? positives.set(v.kind, []).get(v.kind)!).push(best);
      if (all) console.log(v.kind.padEnd(16), d.id.padEnd(24), RULES.map((k) => `${k}=${fmt(m[k])}`).join(' '));
      continue;
    }
    const near = nearest.get(v.kind) ?? nearest.set(v.kind, Object.fromEntries(RULES.map((k) => [k, { m: 0, id: '' }])) as never).get(v.kind)!;
    for (const { article } of index.candidates(page.fingerprint, 8, selfOrSameSite(page))) {
      const m = marginsWith(article.fingerprint);
      for (const k of RULES) if (m[k] > near[k].m) near[k] = { m: m[k], id: `${d.id}→${article.id.slice(0, 10)}` };
    }
  }
}

console.log('\nPositives: best rule margin against the true original (share of pages ≥ 1 = caught before ranking; min, median)');
for (const [kind, ms] of [...positives].sort()) {
  const s = [...ms].sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(16)} n=${String(s.length).padStart(3)}  ≥1: ${(s.filter((x) => x >= 1).length / s.length).toFixed(3)}  min ${fmt(s[0]!)}  median ${fmt(s[s.length >> 1]!)}`,
  );
}
console.log('\nNegatives: the nearest page per rule (1 = on the threshold; room = 1 - margin)');
for (const [kind, near] of [...nearest].sort()) {
  console.log(`  ${kind.padEnd(16)} ${RULES.map((k) => `${k} ${fmt(near[k].m)} (${near[k].id || '-'})`).join('  ')}`);
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'inf';
}
