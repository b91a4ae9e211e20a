// Near copies as people make them: an original's text pasted with light edits (a word dropped, two
// words swapped, about one edit every `--every` words), then cut, reorganised, mixed with the writer's
// own paragraphs or scattered through another article. Compared with a phrase checker (share of the
// page's 8-word phrases found in the original ≥ 0.15), which Unspun must never trail (issue 9).
// Forms, per corpus original that has fact-sheet articles (the writer's "own" text is one of them):
//   near      every paragraph edited, a fifth of them dropped, order kept
//   moved     the same, thirds put back 2-3-1
//   mixed     near copy paragraphs alternating with the writer's own paragraphs
//   scattered five edited sentences of the original, from all over it, spread through the writer's article
//   short     the near copy's 150–350-word opening
// Run: node --import tsx bench/near-copies.ts [corpus] [--every 12] [--misses FORM]   (--misses: print that form's misses)
import { corpusBodies, paragraphsOf, PHRASE_CHECKER_SHARE, phraseShare, seededRandom, shingles, splitSentences } from './corpus-texts.ts';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { opening, SHORT_PAGE } from '../src/cli/eval.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !['--every', '--misses'].includes(args[i - 1] ?? '')) ?? '../shared/corpus';
const misses = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const every = Number(args[args.indexOf('--every') + 1] ?? 12) || 12;
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const bodies = corpusBodies(dir);
const texts = new Map([...bodies].map(([id, body]) => [id, paragraphsOf(body)]));

const random = seededRandom(1);

/** One light edit every `every` words: a word dropped or two neighbours swapped. */
function edited(sentence: string): string {
  const w = sentence.split(' ');
  const edits = Math.floor(w.length / every);
  for (let k = 0; k < edits; k++) {
    const at = 1 + Math.floor(random() * (w.length - 2));
    if (random() < 0.5) w.splice(at, 1);
    else [w[at], w[at + 1]] = [w[at + 1]!, w[at]!];
  }
  return w.join(' ');
}
const editParagraph = (p: string) => splitSentences(p).map(edited).join(' ');

function nearCopy(paragraphs: string[]): string[] {
  return paragraphs.filter(() => random() >= 0.2).map(editParagraph);
}
function thirds(p: string[]): string[] {
  const a = Math.round(p.length / 3);
  const b = Math.round((2 * p.length) / 3);
  return [...p.slice(a, b), ...p.slice(b), ...p.slice(0, a)];
}
function alternate(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...(i < b.length ? [b[i]!] : []), ...(i < a.length ? [a[i]!] : []));
  return out;
}
function scattered(original: string[], own: string[]): string[] {
  const sentences = original.flatMap(splitSentences).filter((s) => s.split(' ').length >= 12 && !/["“”]/.test(s));
  const picks = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => sentences[Math.floor(f * sentences.length)]!).filter(Boolean);
  const out = [...own];
  picks.forEach((s, k) => out.splice(Math.round(((k + 1) * out.length) / (picks.length + 1)) + k, 0, edited(s)));
  return out;
}

type Tally = { n: number; caught: number; phrase: number; phraseOnly: string[] };
const tallies = new Map<string, Tally>();
let n = 0;
function check(form: string, id: string, paragraphs: string[], originalShingles: Set<string>) {
  const at = '2030-01-01T00:00:00Z';
  const page = toPageToCheck({ url: `https://near-${n++}.example/story`, title: 'page', published: at, declaredSources: [], paragraphs, links: [] }, at);
  const { verdict, matched } = checkPage(page, index);
  const ok = verdict.kind === 'uncredited-rewrite' && matched?.id === id;
  const byPhrase = phraseShare(paragraphs.join('\n'), originalShingles) >= PHRASE_CHECKER_SHARE;
  const t = tallies.get(form) ?? tallies.set(form, { n: 0, caught: 0, phrase: 0, phraseOnly: [] }).get(form)!;
  t.n++;
  if (ok) t.caught++;
  if (byPhrase) t.phrase++;
  if (misses === form && !ok) console.log(`  miss ${form} ${id.slice(0, 10)}: ${verdict.kind} ${matched?.id ?? ''} ${verdict.reason}`);
  if (byPhrase && !ok) t.phraseOnly.push(`${id.slice(0, 10)}: ${verdict.reason ?? verdict.kind}`);
}

const stories = docs.filter((d) => d.role === 'original' && docs.some((p) => p.kind === 'heavy' && p.original === d.id));
for (const o of stories) {
  const original = texts.get(o.id) ?? [];
  const own = docs.filter((d) => ['same-facts', 'retold', 'borderline'].includes(d.kind) && (d as { related?: string }).related === o.id);
  const originalShingles = shingles(index.get(o.id)!.sentences.join(' '));
  for (let rep = 0; rep < 3; rep++) {
    const near = nearCopy(original);
    check('near', o.id, near, originalShingles);
    check('moved', o.id, thirds(near), originalShingles);
    const cut = opening(near, SHORT_PAGE.maxWords);
    if (cut.join(' ').split(/\s+/).length >= SHORT_PAGE.minWords) check('short', o.id, cut, originalShingles);
    const host = own[rep % Math.max(1, own.length)];
    if (!host) continue;
    const hostParagraphs = texts.get(host.id) ?? [];
    check('mixed', o.id, alternate(near.slice(0, Math.ceil(hostParagraphs.length / 2)), hostParagraphs), originalShingles);
    check('scattered', o.id, scattered(original, hostParagraphs), originalShingles);
  }
}
console.log(`near copies, one edit every ${every} words:`);
console.log('| form | pages | Unspun caught | phrase checker | phrase checker only |');
console.log('|---|---|---|---|---|');
for (const [form, t] of tallies) console.log(`| ${form} | ${t.n} | ${t.caught} | ${t.phrase} | ${t.phraseOnly.length} |`);
for (const [form, t] of tallies) for (const line of t.phraseOnly.slice(0, 6)) console.log(`  ${form}: ${line}`);
