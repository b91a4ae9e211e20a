// Pasted passages beyond the corpus's 23 `excerpt` pages: runs of an original's own sentences (no
// quotation marks in them) pasted word for word into every fact-sheet article of the same story
// (kinds same-facts, retold, borderline: the corpus's recipe for `excerpt`), one run every third
// sentence of the original, and checked against the corpus library. Compared with a phrase checker
// (share of the page's 8-word phrases found in the original ≥ 0.15), which Unspun must never trail.
// Run: node --import tsx bench/pasted.ts [corpus] [--run 3] [--short] [--edit [N]]   (--short: hosts cut
// to their 150–350-word opening, the pasted run inside it; --edit: N words (1) dropped from each pasted sentence)
import { corpusBodies, PHRASE_CHECKER_SHARE, phraseShare, shingles } from './corpus-texts.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { opening, SHORT_PAGE } from '../src/cli/eval.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !['--run', '--edit'].includes(args[i - 1] ?? '')) ?? '../shared/corpus';
const runLength = Number(args[args.indexOf('--run') + 1] ?? 3) || 3;
const short = args.includes('--short');
/** --edit N: N words (1) dropped from each pasted sentence, evenly spread (a near copy, as people make). */
const edit = args.includes('--edit');
const edits = Number(args[args.indexOf('--edit') + 1]) || 1;
const nearly = (s: string) => {
  let w = s.split(' ');
  for (let k = 1; k <= edits && w.length >= 6; k++) {
    const at = Math.floor((k * w.length) / (edits + 1));
    w = [...w.slice(0, at), ...w.slice(at + 1)];
  }
  return w.join(' ');
};
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const texts = corpusBodies(dir);

let n = 0;
let caught = 0;
let phrase = 0;
let phraseOnly = 0;
const reasons = new Map<string, number>();
const missed: string[] = [];
for (const host of docs.filter((d) => ['same-facts', 'retold', 'borderline'].includes(d.kind))) {
  const id = (host as { related?: string }).related ?? host.original ?? '';
  const original = index.get(id);
  if (!original) continue;
  const originalShingles = shingles(original.sentences.join(' '));
  let paragraphs = texts.get(host.id)!.split(/\n+/);
  if (short) paragraphs = opening(paragraphs, SHORT_PAGE.maxWords - 90);
  for (let start = 1; start + runLength <= original.sentences.length; start += 3) {
    const run = original.sentences.slice(start, start + runLength).map((x) => (edit ? nearly(x) : x));
    // The original's own words only: no quotation marks, and no sentence inside a quotation that
    // runs over several sentences or paragraphs (the fingerprint marks its words quoted).
    const quoted = original.fingerprint.sentences.slice(start, start + runLength).some((f) => f.quoted.length * 2 >= f.terms.length && f.terms.length > 0);
    if (quoted || run.some((s) => /["“”]/.test(s))) continue;
    const at = 1 + ((start * 7) % Math.max(1, paragraphs.length - 1));
    const pasted = [...paragraphs.slice(0, at), run.join(' '), ...paragraphs.slice(at)];
    const body = pasted.join('\n');
    const at2030 = '2030-01-01T00:00:00Z';
    const page = toPageToCheck(
      { url: `https://paste-${n}.example/story`, title: 'page', published: at2030, declaredSources: [], paragraphs: pasted, links: [] },
      at2030,
    );
    n++;
    const { verdict, matched } = checkPage(page, index);
    const ok = verdict.kind === 'uncredited-rewrite' && matched?.id === id;
    const byPhrase = phraseShare(body, originalShingles) >= PHRASE_CHECKER_SHARE;
    if (ok) caught++;
    if (byPhrase) phrase++;
    if (byPhrase && !ok) phraseOnly++;
    if (ok) continue;
    const reason = (verdict.reason ?? verdict.kind).replace(/\d+/g, 'N').replace(/ [A-Z][\w .'&-]*'s (article|sentences)/, " X's $1");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const example = `  ${host.id} run at ${start} (${run.map((s) => s.split(/\s+/).length).join('+')} words)${byPhrase ? ' [phrase checker caught it]' : ''}: ${verdict.reason}`;
    if (byPhrase) missed.unshift(example);
    else if (missed.length < 10) missed.push(example);
  }
}
const pct = (x: number) => `${x} (${((100 * x) / n).toFixed(1)} %)`;
console.log(`runs of ${runLength} pasted${edit ? `, ${edits} word(s) dropped from each sentence,` : ''}${short ? ' into short pages' : ''}: ${n} pages`);
console.log(`  Unspun caught, naming the original: ${pct(caught)}`);
console.log(`  phrase checker (8-word share ≥ 0.15): ${pct(phrase)}; caught by it and missed by Unspun: ${phraseOnly}`);
console.log('missed, by reason:');
for (const [r, k] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${k}  ${r}`);
console.log('examples:');
console.log(missed.slice(0, 10).join('\n'));
