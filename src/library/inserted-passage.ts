import { alignSentences, originalLast } from '../core/align.ts';
import { weighSentence } from '../core/similarity.ts';
import { ruleMargins } from '../core/verdict.ts';
import type { LibraryArticle } from './article.ts';
import type { Derivation, MatchOptions } from './match.ts';

/**
 * Whether the page's `source` (its derivation: the page's alignment with it) is the page's own text
 * with a passage of `earlier` pasted into it. The page copies the source word for word on both sides
 * of a run of sentences that the source copies word for word from `earlier`; the page holds none of
 * that run (nor a close paraphrase of it) and nearly all the rest, and its text runs straight on where
 * the source has the run. Pasting a passage in is what a compiler does; cutting out exactly the
 * sentences that came from a third article, and nothing around them, is not what a copier does: the
 * texts say the page came first, whatever the dates say (`whichCameFirst` weighs the two).
 */
export function insertsInto(
  source: Pick<Derivation, 'alignment' | 'article'>,
  earlier: Pick<LibraryArticle, 'fingerprint'>,
  weight: (t: number) => number,
  options: MatchOptions,
): boolean {
  // Only between copies: the page copies its source word for word, and the source copies `earlier`.
  if (ruleMargins(source.alignment, options.thresholds).copied < 1) return false;
  const sourceToEarlier = alignSentences(source.article.fingerprint, earlier.fingerprint, weight, options.align);
  if (ruleMargins(sourceToEarlier, options.thresholds).copied < 1) return false;
  // The pasted passage: the longest run of the source's sentences copied from `earlier` (a line may
  // stand between two of them); a stock line elsewhere that both share is no passage.
  const run = longestRun(
    sourceToEarlier.copies.map((c) => c.page),
    SEAM_SLACK,
  );
  if (!run || run.count < 2) return false;
  const { first, last } = run;
  // The page holds nothing of the run: no copy of it, no close paraphrase.
  const inRun = (from: number, to: number) => from <= last && to >= first;
  const strong = options.align.strongSimilarity;
  if (source.alignment.pairs.some((p) => p.similarity >= strong && inRun(p.original, originalLast(p)))) return false;
  const pageCopies = source.alignment.copies;
  if (pageCopies.some((c) => inRun(c.original, c.original))) return false;
  // The source is the page and the run, nothing else: the page holds the source's other sentences
  // (a copier who cut more, a teaser here, a box there, says nothing about who came first).
  const held = new Set<number>(pageCopies.map((c) => c.original));
  for (const p of source.alignment.pairs) if (p.similarity >= strong) for (let j = p.original; j <= originalLast(p); j++) held.add(j);
  // Weighed by content, so that a template's short lines (Previous Post, a related headline) count little.
  let outside = 0;
  let kept = 0;
  source.article.fingerprint.sentences.forEach((sentence, j) => {
    if (j >= first && j <= last) return;
    const { mass } = weighSentence(sentence, weight);
    outside += mass;
    if (held.has(j)) kept += mass;
  });
  if (kept < outside * HELD_SHARE) return false;
  // The seam: the page copies the source's sentences just before and just after the run, close together.
  const before = pageCopies.filter((c) => c.original < first && first - c.original <= SEAM_SLACK + 1);
  const after = pageCopies.filter((c) => c.original > last && c.original - last <= SEAM_SLACK + 1);
  return before.some((b) => after.some((a) => a.page > b.page && a.page - b.page <= SEAM_SLACK + 1));
}

/** Share of the source's content outside the pasted run that the page must hold. */
const HELD_SHARE = 0.9;

/** Sentences a seam may hold besides the pasted run or the text around it (a caption, a line left out). */
const SEAM_SLACK = 1;

/** The longest run of sentence numbers, each at most `gap` + 1 after the previous. */
function longestRun(sentences: number[], gap: number): { first: number; last: number; count: number } | undefined {
  const sorted = [...new Set(sentences)].sort((a, b) => a - b);
  let best: { first: number; last: number; count: number } | undefined;
  let start = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > start && sorted[i]! - sorted[i - 1]! > gap + 1) start = i;
    const count = i - start + 1;
    if (!best || count > best.count) best = { first: sorted[start]!, last: sorted[i]!, count };
  }
  return best;
}
