import type { Fingerprint, SentenceFingerprint } from './fingerprint.ts';
import { PHRASE_WORDS } from './phrases.ts';
import { sentenceSimilarity, weighSentence, type TermWeight, type WeightedSentence } from './similarity.ts';

export interface AlignedPair {
  /** The page sentence (the first of them when the page split one of the original's sentences). */
  page: number;
  /** The original's sentence (the first of them when the page merged several into one). */
  original: number;
  similarity: number;
  /** The last page sentence of a split: one original sentence told in two or three of the page's. */
  pageLast?: number;
  /** The last original sentence of a merge: two or three of the original's told in one page sentence. */
  originalLast?: number;
}

export interface Alignment {
  /** One-to-one sentence pairs, ascending by page sentence. */
  pairs: AlignedPair[];
  /** Share of the page's content mass in aligned sentences. */
  pageCoverage: number;
  /** Share of the original's content mass in aligned sentences. */
  originalCoverage: number;
  /** Share of the page's mass in pairs that follow the original's order (the heaviest chain increasing on both sides). */
  orderedCoverage: number;
  /** Share of the page's mass in chained pairs: pairs with a neighbour that walks the original in step. */
  chainedCoverage: number;
  /** Number of chained pairs. */
  chainedPairs: number;
  /**
   * The original's sentences told in step by the chained pairs: a page sentence that merges two of the
   * original's tells both. What the rules count, so that a condensed page (which merges) walks as many
   * steps through the original as a rewrite that keeps every sentence. Counted on the original's side
   * only: a page that splits one sentence in two tells no more of it (counted on both sides, loose groups
   * brought a same-event page to the `walk` rule: bench/README.md).
   */
  chainedSentences: number;
  /**
   * Share of the page's sentences in walks: runs of at least `MIN_WALK` pairs, each telling the
   * original's next sentences (within the chain step): blocks that retell the original in its order,
   * wherever the page puts them. Counted in sentences, not content mass, so that a long lede that
   * follows the original's, as any report's may, does not make up most of a short page.
   */
  walkedCoverage: number;
  /** `chainedSentences` per sentence of the original: how much of the original was walked through. */
  chainedOriginalShare: number;
  /** Chained pairs among the pairs at least `strongSimilarity` similar: close paraphrase, walked in order
   * (the writer's own sentences, up to `MAX_INSERTED`, may stand between two that tell consecutive ones). */
  strongChainedPairs: number;
  /** Strongly similar pairs in the writer's own words (not quotation, which any report may repeat;
   * not a caption or a name), counted along the longest chain in the original's order. */
  strongOwnWordsInOrder: number;
  /** Share of the page's names and numbers that the original never mentions (new facts, other sources). */
  novelNameShare: number;
  /**
   * Longest run of the original's sentences copied word for word, or nearly, in the writer's own words
   * (not quotation), one after another on both sides: what a phrase checker catches.
   */
  copiedRun: number;
  /** The original's sentences copied word for word, or nearly, in the writer's own words, wherever they stand. */
  copiedSentences: number;
  /** Words of the page copied word for word, or nearly, from the original outside quotations. */
  copiedWords: number;
  /** The copies counted above: each page sentence that copies a sentence of the original word for word, or nearly, with it. */
  copies: readonly Copy[];
  /** Sentences of the page (what the shares above are estimated from). */
  pageSentences: number;
}

export interface AlignOptions {
  /** Least sentence similarity for a pair to count. */
  minSimilarity: number;
  /** Least similarity for a pair to count towards `strongChainedPairs`. */
  strongSimilarity: number;
  /** Largest step (in sentences, on either side) between two pairs that walk in step. */
  chainGap: number;
}

export const DEFAULT_ALIGN: AlignOptions = { minSimilarity: 0.4, strongSimilarity: 0.6, chainGap: 2 };

/**
 * Aligns the page's sentences to the original's: every pair above `minSimilarity` is a
 * candidate; pairs are taken greedily by similarity, each sentence used at most once.
 * Order is measured afterwards (longest chain increasing on both sides), so reordered
 * paragraphs still align while scattered coincidences stay visibly unordered.
 */
export function alignSentences(
  page: Fingerprint,
  original: Fingerprint,
  weight: TermWeight,
  options: AlignOptions = DEFAULT_ALIGN,
  /** The page's sentences already weighed with `weight` (saves work when checking many candidates). */
  weighedPage?: WeightedSentence[],
  /** Page sentences left out of the pairs and copies (they still count in the page's size). */
  without?: ReadonlySet<number>,
): Alignment {
  const P = weighedPage ?? page.sentences.map((s) => weighSentence(s, weight));
  const O = original.sentences.map((s) => weighSentence(s, weight));
  const sharing = sharingSentences(P, O);
  without?.forEach((i) => sharing[i]?.clear());
  const candidates = candidatePairs(P, O, sharing, options.minSimilarity);
  candidates.sort((a, b) => b.similarity - a.similarity || a.page - b.page || a.original - b.original);
  const usedP = new Set<number>();
  const usedO = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const c of candidates) {
    if (usedP.has(c.page) || usedO.has(c.original)) continue;
    usedP.add(c.page);
    usedO.add(c.original);
    pairs.push(c);
  }
  pairs.sort((a, b) => a.page - b.page);
  const grouped = groupPairs(P, O, sharing, pairs, options.minSimilarity);
  grouped.sort((a, b) => a.page - b.page);
  return measure(grouped, pairs, P, O, page, original, options, sharing);
}

/**
 * The alignment's measures. Coverage and order count merged and split sentences (`grouped`); close
 * paraphrase (`strong…`) is a property of one sentence told as one, so it counts the one-to-one pairs.
 */
function measure(
  pairs: AlignedPair[],
  oneToOne: AlignedPair[],
  P: WeightedSentence[],
  O: WeightedSentence[],
  page: Fingerprint,
  original: Fingerprint,
  options: AlignOptions,
  sharing: Set<number>[],
): Alignment {
  const pageMass = total(P);
  const share = (ps: AlignedPair[]) => (pageMass ? sum(ps.map((p) => spanMass(P, p.page, pageLast(p)))) / pageMass : 0);
  const origMass = total(O);
  return {
    pairs,
    pageCoverage: share(pairs),
    originalCoverage: origMass ? sum(pairs.map((p) => spanMass(O, p.original, originalLast(p)))) / origMass : 0,
    orderedCoverage: pageMass ? heaviestIncreasingChain(pairs, (p) => spanMass(P, p.page, pageLast(p))) / pageMass : 0,
    ...chains(pairs, P, O.length, options.chainGap, pageMass),
    ...strongChains(
      oneToOne.filter((p) => p.similarity >= options.strongSimilarity),
      page,
      original,
      options.chainGap,
    ),
    novelNameShare: novelNameShare(page, original),
    ...copied(page, original, sharing),
    pageSentences: P.length,
  };
}

/** Pairs at least `min` similar, among the sentences that share a term (`sharing`). */
function candidatePairs(P: WeightedSentence[], O: WeightedSentence[], sharing: Set<number>[], min: number): AlignedPair[] {
  const out: AlignedPair[] = [];
  P.forEach((s, i) => {
    for (const j of sharing[i]!) {
      const similarity = sentenceSimilarity(s, O[j]!);
      if (similarity >= min) out.push({ page: i, original: j, similarity });
    }
  });
  return out;
}

/** The last page sentence a pair covers (its page sentence, unless the page split the original's). */
export const pageLast = (p: AlignedPair) => p.pageLast ?? p.page;
/** The last original sentence a pair covers (its original sentence, unless the page merged several). */
export const originalLast = (p: AlignedPair) => p.originalLast ?? p.original;
const spanMass = (S: WeightedSentence[], first: number, last: number) => {
  let m = 0;
  for (let k = first; k <= last; k++) m += S[k]!.mass;
  return m;
};

/** A member of a group must be at least this share of `minSimilarity` similar to the one sentence on its own. */
const MEMBER_SHARE = 0.5;

/** Most sentences one sentence of the other side may stand for: rewriters merge two or three into one, or split one. */
export const MAX_GROUP = 3;

/**
 * Merges and splits: a page sentence that tells two or three consecutive sentences of the original
 * (a condensed rewrite merges them), or two or three consecutive page sentences that tell one of the
 * original's (a split). Such a group counts when it is similar enough as a whole and every sentence in
 * it adds to the similarity (a neighbour that shares nothing does not ride along). Groups are taken
 * greedily by similarity over sentences the one-to-one alignment left free, or around one pair it made
 * when the group tells the page sentence better than that pair alone.
 */
function groupPairs(P: WeightedSentence[], O: WeightedSentence[], sharing: Set<number>[], pairs: AlignedPair[], min: number): AlignedPair[] {
  const groups: AlignedPair[] = [];
  const consider = (one: WeightedSentence, many: WeightedSentence[], first: number, last: number, make: (sim: number) => AlignedPair) => {
    const members = many.slice(first, last + 1);
    const sim = sentenceSimilarity(one, union(members));
    if (sim < min) return;
    // Every member is told in the one sentence (a word in common is not enough) and adds to the
    // group: the group without it is less similar.
    for (let k = 0; k < members.length; k++) {
      if (sentenceSimilarity(one, members[k]!) < min * MEMBER_SHARE) return;
      if (sentenceSimilarity(one, union(members.filter((_, x) => x !== k))) >= sim) return;
    }
    groups.push(make(sim));
  };
  // Every member must share a term with the one sentence: runs of such neighbours are the groups to try.
  const tryGroups = (
    ones: WeightedSentence[],
    many: WeightedSentence[],
    near: Set<number>[],
    make: (one: number, first: number, last: number, similarity: number) => AlignedPair,
  ) =>
    ones.forEach((one, x) => {
      for (const y of near[x]!) {
        for (let n = 2; n <= MAX_GROUP && near[x]!.has(y + n - 1); n++) consider(one, many, y, y + n - 1, (similarity) => make(x, y, y + n - 1, similarity));
      }
    });
  tryGroups(P, O, sharing, (i, j, last, similarity) => ({ page: i, original: j, originalLast: last, similarity }));
  const sharingPage = O.map(() => new Set<number>());
  sharing.forEach((js, i) => js.forEach((j) => sharingPage[j]!.add(i)));
  tryGroups(O, P, sharingPage, (j, i, last, similarity) => ({ page: i, pageLast: last, original: j, similarity }));
  if (!groups.length) return pairs;
  groups.sort((a, b) => b.similarity - a.similarity || a.page - b.page || a.original - b.original);
  const taken = new Set<AlignedPair>(pairs);
  const usedP = new Map<number, AlignedPair>(pairs.map((p) => [p.page, p]));
  const usedO = new Map<number, AlignedPair>(pairs.map((p) => [p.original, p]));
  for (const g of groups) {
    const holders = new Set<AlignedPair>();
    for (let i = g.page; i <= pageLast(g); i++) if (usedP.has(i)) holders.add(usedP.get(i)!);
    for (let j = g.original; j <= originalLast(g); j++) if (usedO.has(j)) holders.add(usedO.get(j)!);
    // Free sentences only, or one pair lying wholly inside the group that the group tells better.
    if (holders.size > 1) continue;
    const [held] = holders;
    if (held) {
      const inside = held.page >= g.page && pageLast(held) <= pageLast(g) && held.original >= g.original && originalLast(held) <= originalLast(g);
      if (!inside || held.similarity >= g.similarity) continue;
      taken.delete(held);
      for (let i = held.page; i <= pageLast(held); i++) usedP.delete(i);
      for (let j = held.original; j <= originalLast(held); j++) usedO.delete(j);
    }
    taken.add(g);
    for (let i = g.page; i <= pageLast(g); i++) usedP.set(i, g);
    for (let j = g.original; j <= originalLast(g); j++) usedO.set(j, g);
  }
  return [...taken];
}

/** For each page sentence, the original's sentences that share a term with it. */
function sharingSentences(P: WeightedSentence[], O: WeightedSentence[]): Set<number>[] {
  const index = new Map<number, number[]>();
  O.forEach((s, j) => {
    for (const t of s.weights.keys()) {
      const list = index.get(t);
      if (list) list.push(j);
      else index.set(t, [j]);
    }
  });
  return P.map((s) => {
    const seen = new Set<number>();
    for (const t of s.weights.keys()) for (const j of index.get(t) ?? []) seen.add(j);
    return seen;
  });
}

/** Sentences read as one: each term at its largest weight among them. */
function union(members: WeightedSentence[]): WeightedSentence {
  if (members.length === 1) return members[0]!;
  const weights = new Map<number, number>();
  for (const m of members) for (const [t, w] of m.weights) weights.set(t, Math.max(w, weights.get(t) ?? 0));
  let mass = 0;
  for (const w of weights.values()) mass += w;
  return { weights, mass };
}

/**
 * Weight of the heaviest chain of pairs increasing in both page and original index (pairs sorted by
 * page): how much of the page follows the original's order. Weighed, not counted: of two chains of
 * as many pairs, the one that carries more of the page is the page's order (a counted chain may keep
 * a caption and drop a long sentence that a moved one displaced). Fenwick tree of best weights by the
 * original's sentence index: O(n log m).
 */
export function heaviestIncreasingChain(pairs: readonly AlignedPair[], weightOf: (p: AlignedPair) => number): number {
  const size = pairs.reduce((m, p) => Math.max(m, originalLast(p) + 1), 0);
  const tree = new Float64Array(size + 1); // tree[i]: best chain weight ending at an original index < i, in Fenwick form
  const bestBefore = (end: number) => {
    let best = 0;
    for (let i = end; i > 0; i -= i & -i) best = Math.max(best, tree[i]!);
    return best;
  };
  let heaviest = 0;
  for (const p of pairs) {
    const weight = bestBefore(p.original) + weightOf(p);
    heaviest = Math.max(heaviest, weight);
    for (let i = originalLast(p) + 1; i <= size; i += i & -i) tree[i] = Math.max(tree[i]!, weight);
  }
  return heaviest;
}

/** Longest chain of pairs increasing in both page and original index (pairs sorted by page). */
export function longestIncreasingChain(pairs: readonly AlignedPair[]): AlignedPair[] {
  const tails: number[] = []; // index into pairs of the smallest tail for each length
  const prev: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (originalLast(pairs[tails[mid]!]!) < p.original) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const chain: AlignedPair[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}

/**
 * A rewrite walks through the original: page sentence i aligns to j, and a page sentence
 * shortly after aligns to a sentence shortly after j. Independent coverage of the same event
 * shares facts in scattered sentences. A pair is chained when such a neighbour exists.
 */
function chains(pairs: AlignedPair[], P: WeightedSentence[], originalSentences: number, gap: number, pageMass: number) {
  const pace = paceOf(originalSentences, P.length);
  const chained = chainedIndices(pairs, gap, pace);
  const massOf = (indices: Set<number>) => sum([...indices].map((i) => spanMass(P, pairs[i]!.page, pageLast(pairs[i]!))));
  const sentencesOf = (indices: Set<number>) => sum([...indices].map((i) => pageLast(pairs[i]!) - pairs[i]!.page + 1));
  const originalTold = sum([...chained].map((i) => originalLast(pairs[i]!) - pairs[i]!.original + 1));
  return {
    chainedCoverage: pageMass ? massOf(chained) / pageMass : 0,
    chainedPairs: chained.size,
    chainedSentences: originalTold,
    walkedCoverage: P.length ? sentencesOf(inWalks(pairs, gap, pace)) / P.length : 0,
    chainedOriginalShare: originalSentences ? originalTold / originalSentences : 0,
  };
}

/** The pairs that walk the original in step (those `chainedCoverage` counts): what a rewrite took from it, in its order. */
export function chainedPairsOf(a: Pick<Alignment, 'pairs' | 'pageSentences'>, originalSentences: number, gap = DEFAULT_ALIGN.chainGap): AlignedPair[] {
  return [...chainedIndices(a.pairs, gap, paceOf(originalSentences, a.pageSentences))].sort((x, y) => x - y).map((i) => a.pairs[i]!);
}

/** A condensed page walks the original at its own pace: ten sentences telling forty step about four at a time. */
const paceOf = (originalSentences: number, pageSentences: number) => Math.max(1, originalSentences / Math.max(1, pageSentences));

/** Least pairs in a walk: three sentences in a row that follow the original's are no coincidence. */
export const MIN_WALK = 3;

/**
 * Indices of pairs (sorted by page) in a walk of at least `MIN_WALK` pairs: each the next within `gap`
 * page sentences of the one before, telling the original's sentences a step of 1 to `(gap + 1) · pace`
 * further on (as chained pairs do). The longest walk ending and starting at each pair, added.
 */
function inWalks(pairs: AlignedPair[], gap: number, pace: number): Set<number> {
  const n = pairs.length;
  const follows = (a: AlignedPair, b: AlignedPair) => walksOn(a, b, gap, pace);
  const ending: number[] = new Array(n).fill(1);
  const starting: number[] = new Array(n).fill(1);
  for (let b = 0; b < n; b++) for (let a = 0; a < b; a++) if (follows(pairs[a]!, pairs[b]!)) ending[b] = Math.max(ending[b]!, ending[a]! + 1);
  for (let a = n - 1; a >= 0; a--) for (let b = a + 1; b < n; b++) if (follows(pairs[a]!, pairs[b]!)) starting[a] = Math.max(starting[a]!, starting[b]! + 1);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (ending[i]! + starting[i]! - 1 >= MIN_WALK) out.add(i);
  return out;
}

/**
 * Own sentences a writer may set between two close paraphrases that tell the original's consecutive
 * sentences (a paragraph or two of their own between pasted ones) without breaking the chain.
 */
export const MAX_INSERTED = 5;

/**
 * Indices of pairs (sorted by page) that have a neighbour within `gap` walking the original forward:
 * at most `gap + 1` of the original's sentences on, times the page's `pace` through the original
 * (its sentences per page sentence, at least 1). With `inserted`, a pair also chains to one up to
 * `inserted` page sentences further that tells the original's very next sentence.
 */
function chainedIndices(pairs: AlignedPair[], gap: number, pace = 1, inserted = 0): Set<number> {
  const chained = new Set<number>();
  const reach = Math.max(gap, inserted + 1);
  for (let a = 0; a < pairs.length; a++) {
    for (let b = a + 1; b < pairs.length && pairs[b]!.page - pageLast(pairs[a]!) <= reach; b++) {
      if (walksOn(pairs[a]!, pairs[b]!, gap, pace) || (inserted > 0 && tellsNext(pairs[a]!, pairs[b]!))) chained.add(a).add(b);
    }
  }
  return chained;
}

/** Whether pair `b`, later on the page, tells the sentence of the original right after pair `a`'s. */
const tellsNext = (a: AlignedPair, b: AlignedPair) => b.page > pageLast(a) && b.original === originalLast(a) + 1;

/**
 * Whether pair `b` walks on from pair `a` in step: at most `gap` page sentences after it, telling the
 * original's sentences 1 to `(gap + 1) · pace` further on.
 */
function walksOn(a: AlignedPair, b: AlignedPair, gap: number, pace: number): boolean {
  const step = b.original - originalLast(a);
  return b.page > pageLast(a) && b.page - pageLast(a) <= gap && step >= 1 && step <= (gap + 1) * pace;
}

function strongChains(strong: AlignedPair[], page: Fingerprint, original: Fingerprint, gap: number) {
  const own = strong.filter(
    (p) =>
      !mostlyQuoted(page.sentences[p.page]!) &&
      page.sentences[p.page]!.terms.length >= MIN_OWN_TERMS &&
      original.sentences[p.original]!.terms.length >= MIN_OWN_TERMS,
  );
  return {
    strongChainedPairs: chainedIndices(strong, gap, 1, MAX_INSERTED).size,
    strongOwnWordsInOrder: longestIncreasingChain(own).length,
  };
}

/** Least phrases a sentence needs for a verbatim copy of it to count (eight words): a short line proves nothing. */
export const MIN_COPIED_PHRASES = 5;
/**
 * Words per light edit a copy "word for word or nearly" may carry: people edit what they paste (a word
 * dropped, changed or two swapped) about once a dozen words, and still copy it, as a phrase checker sees.
 */
export const WORDS_PER_EDIT = 12;
/**
 * Share of the shorter sentence's phrases that the other must hold for a verbatim copy: the same
 * words in the same order, give or take a word changed in a long sentence (or the sentence pasted
 * inside a longer one).
 */
export const COPIED_CONTAINMENT = 0.8;
/**
 * Whether two sentences share `shared` of the longer one's `phrases`, as a copy "nearly" word for word
 * does: the same words in the same order but for a light edit every `WORDS_PER_EDIT` of its words
 * (`phrases + PHRASE_WORDS - 1`), each of which breaks the `PHRASE_WORDS` phrases around it. Of the
 * longer one, so that a line holding part of another (a wire fragment inside a report's own sentence)
 * is no near copy of it. Two writers telling the same facts in their own words keep few of them.
 */
const nearlyAll = (shared: number, phrases: number) => (phrases - shared) * WORDS_PER_EDIT <= PHRASE_WORDS * (phrases + PHRASE_WORDS - 1);

export interface Copy {
  page: number;
  original: number;
  /** Words copied: those of the shorter of the two sentences. */
  words: number;
}

/**
 * Verbatim copies, found from the words themselves (phrases, `phraseHashes`) rather than from the
 * one-to-one alignment: a page sentence and an original sentence where the shorter one's phrases
 * stand almost all in the other. A pasted sentence that the page runs into its neighbour (a missing
 * full stop), a list pasted as one line, a long sentence split in two are all found; words inside
 * quotation marks are not phrases, so quoting the same people is no copy.
 */
function copied(page: Fingerprint, original: Fingerprint, sharing: Set<number>[]): Pick<Alignment, 'copiedRun' | 'copiedSentences' | 'copiedWords' | 'copies'> {
  const copies = copiesOf(page, original, sharing);
  return {
    copiedRun: longestCopiedRun(copies),
    copiedSentences: new Set(copies.map((c) => c.original)).size,
    copiedWords: sum(copies.map((c) => c.words)),
    copies,
  };
}

function copiesOf(page: Fingerprint, original: Fingerprint, sharing: Set<number>[]): Copy[] {
  const index = new Map<number, number[]>();
  original.sentences.forEach((s, j) => {
    if (s.phrases.length < MIN_COPIED_PHRASES) return;
    for (const h of s.phrases) {
      const list = index.get(h);
      if (list) list.push(j);
      else index.set(h, [j]);
    }
  });
  const copies: Copy[] = [];
  const near: Copy[] = [];
  page.sentences.forEach((s, i) => {
    // Left-out sentences (`alignSentences`' `without`) share nothing.
    if (!sharing[i]!.size) return;
    const shared = new Map<number, number>();
    if (s.phrases.length >= MIN_COPIED_PHRASES) for (const h of s.phrases) for (const j of index.get(h) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    const found = new Set<number>();
    for (const [j, n] of shared) {
      const smaller = Math.min(s.phrases.length, original.sentences[j]!.phrases.length);
      const copy = { page: i, original: j, words: smaller + PHRASE_WORDS - 1 };
      const larger = Math.max(s.phrases.length, original.sentences[j]!.phrases.length);
      if (n >= COPIED_CONTAINMENT * smaller || nearlyAll(n, larger)) copies.push(copy);
      else if (n >= MIN_COPIED_PHRASES && n >= smaller - PHRASE_WORDS)
        near.push(copy); // one word changed in a short sentence: it breaks more than the edit rate allows
      else continue;
      found.add(j);
    }
    // A word changed in a sentence of 8 to 12 words leaves fewer than MIN_COPIED_PHRASES phrases:
    // the same words, give or take one, in the same order (the phrases the change leaves standing).
    if (s.terms.length < MIN_OWN_TERMS - 1) return;
    for (const j of sharing[i]!) {
      const told = original.sentences[j]!;
      if (found.has(j) || !sameWordsNearly(s, told)) continue;
      const theirs = new Set(told.phrases);
      const kept = s.phrases.filter((h) => theirs.has(h)).length;
      if (kept >= 1 && kept >= Math.min(s.phrases.length, told.phrases.length) - PHRASE_WORDS) near.push({ page: i, original: j, words: wordsOf(told) });
    }
  });
  copies.push(...inRuns(near, copies));
  extendRuns(copies, page, original, sharing);
  return copies;
}

/**
 * Short sentences copied with one word changed (people edit what they paste), more than `nearlyAll`
 * allows, that stand in a run: next to another copy, in the original and in
 * the page. Alone, such a line may be a stock phrase two reports both edited; a run of them is a
 * pasted passage.
 */
function inRuns(near: Copy[], exact: Copy[]): Copy[] {
  const next = (a: Copy, b: Copy) => a.original !== b.original && Math.abs(a.original - b.original) <= RUN_STEP && Math.abs(a.page - b.page) <= RUN_STEP;
  return near.filter((c) => exact.some((e) => next(c, e)) || near.some((o) => o !== c && next(c, o)));
}

/**
 * A pasted run is one passage, whatever its sentences' lengths and the odd word people change: a
 * sentence of the original right after or before a copied one joins the copy when the page tells it
 * right there too, either with every one of its phrases (in the same page sentence, run into it, or in
 * the next one: a sentence too short to count alone, `MIN_COPIED_PHRASES`), or in the next page
 * sentence with the same words give or take one (`sameWordsNearly`: a short line with a word changed
 * has no phrase left in common). Standing next to a copy, in step on both sides, it is no stock line.
 */
function extendRuns(copies: Copy[], page: Fingerprint, original: Fingerprint, sharing: Set<number>[]): void {
  const taken = new Set(copies.map((c) => c.original));
  const contains = (i: number, j: number) => {
    const s = page.sentences[i];
    const short = original.sentences[j]!.phrases;
    if (!s || !short.length || !sharing[i]!.size) return false;
    const have = new Set(s.phrases);
    return short.every((h) => have.has(h));
  };
  const nearly = (i: number, j: number) => !!sharing[i]?.has(j) && sameWordsNearly(page.sentences[i]!, original.sentences[j]!);
  for (let k = 0; k < copies.length; k++) {
    const c = copies[k]!;
    for (const step of [1, -1]) {
      const j = c.original + step;
      const told = original.sentences[j];
      if (taken.has(j) || !told) continue;
      const short = told.phrases.length < MIN_COPIED_PHRASES;
      const i = short ? [c.page, c.page + step].find((x) => contains(x, j)) : undefined;
      const at = i ?? (nearly(c.page + step, j) ? c.page + step : undefined);
      if (at === undefined) continue;
      taken.add(j);
      copies.push({ page: at, original: j, words: wordsOf(told) }); // extended in turn
    }
  }
}

/** About how many words a sentence has, from its phrases (or its terms, when it has no phrase). */
const wordsOf = (s: SentenceFingerprint) => Math.max(s.phrases.length + PHRASE_WORDS - 1, s.terms.length);

/**
 * Whether a page sentence says what a sentence of the original says in the same words, give or take
 * one: all but one of the original's unquoted terms, and at most one term of its own. The original's
 * sentence must have words of its own beyond names and quotation (`MIN_OWN_TERMS`): a caption, a
 * photo credit or a quoted line is the same in any report that carries it.
 */
function sameWordsNearly(s: SentenceFingerprint, told: SentenceFingerprint): boolean {
  // Too few words, or more than one added or missing: the sizes alone rule out most pairs.
  if (told.terms.length < MIN_OWN_TERMS || s.terms.length > told.terms.length + 1 || s.terms.length < told.terms.length - told.quoted.length - 1) return false;
  const quoted = new Set(told.quoted);
  const names = new Set(told.names);
  const unquoted = told.terms.filter((t) => !quoted.has(t));
  if (unquoted.filter((t) => !names.has(t)).length < MIN_OWN_TERMS) return false;
  const have = new Set(s.terms);
  const all = new Set(told.terms);
  const missing = unquoted.filter((t) => !have.has(t)).length;
  const added = s.terms.filter((t) => !all.has(t)).length;
  return missing <= 1 && added <= 1;
}

/** Largest step, on either side, between two copies of one run: one line of the original may be skipped (a caption, a line left out). */
const RUN_STEP = 2;

/**
 * Longest run of the original's sentences copied one after another: each next original sentence
 * (one may be skipped: a caption, a line left out) copied at or shortly after the previous one's place.
 */
function longestCopiedRun(copies: Copy[]): number {
  const first = new Map<number, number>(); // original sentence -> first page sentence copying it
  for (const c of copies) first.set(c.original, Math.min(first.get(c.original) ?? Infinity, c.page));
  const ordered = [...first].sort((a, b) => a[0] - b[0]);
  let best = 0;
  let run = 0;
  ordered.forEach(([j, i], n) => {
    const prev = ordered[n - 1];
    const follows = !!prev && j - prev[0] <= RUN_STEP && i - prev[1] >= 0 && i - prev[1] <= RUN_STEP;
    run = follows ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/** Sentences shorter than this (a caption, a name) say too little to count as the writer's own words. */
const MIN_OWN_TERMS = 4;

/** A sentence that is mostly quotation: any report may repeat it, so it proves no copying. */
function mostlyQuoted(s: SentenceFingerprint): boolean {
  return s.terms.length > 0 && s.quoted.length * 2 >= s.terms.length;
}

function novelNameShare(page: Fingerprint, original: Fingerprint): number {
  const names = new Set(page.sentences.flatMap((s) => s.names));
  if (!names.size) return 0;
  const known = new Set(original.terms);
  let novel = 0;
  for (const n of names) if (!known.has(n)) novel++;
  return novel / names.size;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const total = (xs: WeightedSentence[]) => sum(xs.map((s) => s.mass));
