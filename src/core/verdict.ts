import type { AlignedPair, Alignment } from './align.ts';
import type { MessageKey, MessageRef } from './messages.ts';

/** What the reader is told about an article the page derives from (or that derives from it). */
export interface ArticleRef {
  id: string;
  url: string;
  title: string;
  site: string;
  siteName?: string;
  published?: string;
}

/** Where credit was found on the page. */
export interface Credit {
  kind: 'canonical' | 'meta' | 'link' | 'attribution';
  /** What the reader can see or the page declares, e.g. the link's URL or the attribution line. */
  detail: string;
}

export interface EvidencePair extends AlignedPair {
  pageText: string;
  originalText: string;
}

export interface Evidence {
  pairs: EvidencePair[];
  pageCoverage: number;
  originalCoverage: number;
  orderedCoverage: number;
  chainedCoverage: number;
  strongChainedPairs: number;
  strongOwnWordsInOrder: number;
  novelNameShare: number;
  /**
   * Aligned pairs left out of `pairs`: short lines (captions, fragments) when there is enough else,
   * and past the limit the least alike. Absent in evidence stored by older versions.
   */
  notShown?: number;
}

/** What a verdict that names an original carries: the original, the evidence and how strong it is. */
interface Derivation {
  /** Strength of the derivation evidence, 0–1. */
  score: number;
  /** The article the page derives from (or, `disputed`, the other copy). */
  original: ArticleRef;
  evidence: Evidence;
  /** What was found, in plain words (the derivation rule that decided). */
  reason?: string;
  /** The same, as a message of public/_locales with its figures, for the reader's language (absent in verdicts stored by older versions). */
  reasonMessage?: MessageRef;
}

/** The page derives from `original` and does not credit it. */
export interface UncreditedVerdict extends Derivation {
  kind: 'uncredited-rewrite';
}

/** The page derives from `original` and credits it. */
export interface CreditedVerdict extends Derivation {
  kind: 'credited';
  credit: Credit;
}

/** The page and `original` are copies of each other and which came first is not settled. */
export interface DisputedVerdict extends Derivation {
  kind: 'disputed';
  dispute: Dispute;
}

/** Later articles were found to derive from this page. */
export interface OriginalVerdict {
  kind: 'original';
  derivatives: ArticleRef[];
  /** When the check itself found the later copy: the strength and evidence of that match. */
  score?: number;
  evidence?: Evidence;
}

/** Nothing in the library explains the page. */
export interface NoneVerdict {
  kind: 'none';
  /** Why, in plain words (nothing shares the page's sentences, what does is too little, the check was skipped). */
  reason: string;
  /** The same, as a message of public/_locales, for the reader's language (absent where the reason has none). */
  reasonMessage?: MessageRef;
  /** The library article that shares most of the page's sentences, for the reader to judge, with what they share. */
  nearest?: ArticleRef;
  evidence?: Evidence;
}

/** The page was not read as an article. */
export interface NotArticleVerdict {
  kind: 'not-article';
  reason: string;
}

type Shapes = UncreditedVerdict | CreditedVerdict | DisputedVerdict | OriginalVerdict | NoneVerdict | NotArticleVerdict;
type AnyField = Shapes extends infer S ? (S extends unknown ? keyof S : never) : never;
/** One shape, with every other shape's fields absent: the union can be read field by field (`v.original` is undefined unless the kind has one). */
type Only<S> = S & { [K in Exclude<AnyField, keyof S>]?: undefined };

/** What the reader is told about a page: one shape per kind (narrow on `kind` for its required fields). */
export type Verdict =
  Only<UncreditedVerdict> | Only<CreditedVerdict> | Only<DisputedVerdict> | Only<OriginalVerdict> | Only<NoneVerdict> | Only<NotArticleVerdict>;
export type VerdictKind = Verdict['kind'];
/** The verdicts that name the article the page derives from (or, `disputed`, may). */
export type DerivedVerdict = UncreditedVerdict | CreditedVerdict | DisputedVerdict;

export const isDerivedVerdict = (v: Verdict): v is DerivedVerdict => v.kind === 'uncredited-rewrite' || v.kind === 'credited' || v.kind === 'disputed';

/** The strength of a verdict's derivation evidence, 0–1 (0 when nothing was matched). */
export const scoreOf = (v: Verdict): number => ('score' in v ? (v.score ?? 0) : 0);

/** The verdict of a page that later articles derive from: the one builder of an `original` verdict. */
export function originalVerdict(derivatives: ArticleRef[], match?: { score: number; evidence: Evidence }): OriginalVerdict {
  return match ? { kind: 'original', score: match.score, derivatives, evidence: match.evidence } : { kind: 'original', derivatives };
}

/** When one article appeared, as it claims and as observed by sources it cannot write to. */
export interface AppearanceTimes {
  /** The publication time the article's own markup or feed claims (ISO). */
  claimed?: string;
  /** The earliest independent observation (ISO): Unspun's own first sight, a feed poll, a search index. */
  observed?: string;
  /** Who observed it then ("first read by you", "feed poll", "GDELT"). */
  observedBy?: string;
  /** The same as a message for the reader's language, where it is Unspun's own words (not a name like "GDELT"). */
  observedByMessage?: MessageRef;
}

export interface Dispute {
  page: AppearanceTimes;
  other: AppearanceTimes;
  /** Why neither can be named the original, in a sentence. */
  why: string;
  /** The same, as a message of public/_locales, for the reader's language. */
  whyMessage?: MessageRef;
}

export interface DerivationThresholds {
  /** A whole-article rewrite: this share of the page is in chained pairs... */
  pageChained: number;
  /** ...with at least this many sentences told in step (`chainedSentences`)... */
  pageMinSentences: number;
  /** ...at most this share of the page's names and numbers absent from the original... */
  maxNovelNames: number;
  /** ...and at least this share of its aligned content in the original's order (longest chain)... */
  minOrderedShare: number;
  /** ...or this share of the page in walks (`walkedCoverage`): blocks in the original's order, moved or not. */
  pageWalked: number;
  /** A close copy of part or all of the original: this many strongly similar pairs walk it in order... */
  strongPairs: number;
  /** ...with this many strongly similar sentences in the writer's own words, in the original's order... */
  strongOwnWords: number;
  /** ...unless there are this many: a long run of the same quotes in the same order is no coincidence. */
  strongPairsAnyWords: number;
  /** This many of the original's own sentences copied word for word (or nearly), wherever they stand... */
  copiedSentences: number;
  /** ...or two of them, at least this many words in all (two long sentences). */
  copiedWords: number;
  /** A block of the original retold inside a longer page: this many sentences told in step (`chainedSentences`)... */
  walkedSentences: number;
  /** ...walking through at least this share of the original's sentences. */
  walkedOriginalShare: number;
}

/**
 * Chosen on the development corpus (bench/README.md) for no false flags on same-event and
 * unrelated pages at the least cost in recall; the held-out corpus checks that they generalise.
 */
export const DEFAULT_THRESHOLDS: DerivationThresholds = {
  pageChained: 0.3,
  pageMinSentences: 4,
  maxNovelNames: 0.1,
  minOrderedShare: 0.6,
  pageWalked: 0.5,
  strongPairs: 5,
  strongOwnWords: 3,
  strongPairsAnyWords: 8,
  copiedSentences: 3,
  copiedWords: 45,
  walkedSentences: 8,
  walkedOriginalShare: 0.4,
};

/** How strongly an alignment shows that the page derives from the original (0–1). */
export function derivationScore(a: Alignment): number {
  return Math.min(1, Math.max(a.chainedCoverage, a.strongChainedPairs / 10));
}

/**
 * Decides from an alignment whether the page derives from the original. Either the page as a
 * whole walks through the original, mostly in its order, and brings no facts of its own (a
 * rewrite, condensed or not; independent reports of one press release share facts but reorder them),
 * or part of it walks closely through the original (a partial copy inside other text), or it holds a
 * run of the original's sentences word for word, or much of the original is retold in it, in step.
 */
export function isDerived(a: Alignment, t: DerivationThresholds = DEFAULT_THRESHOLDS): boolean {
  const m = ruleMargins(a, t);
  return m.whole >= 1 || m.part >= 1 || m.copied >= 1 || m.walk >= 1;
}

export type DerivationRule = 'whole' | 'part' | 'copied' | 'walk';

/**
 * How far each rule of `isDerived` is from deciding "derived": the least of its conditions' ratios
 * of value to threshold (≥ 1: the rule fires). For margins: how close a page that must stay clear
 * comes to each threshold (bench/margins.ts).
 */
export function ruleMargins(a: Alignment, t: DerivationThresholds = DEFAULT_THRESHOLDS): Record<DerivationRule, number> {
  const ordered = a.pageCoverage > 0 ? a.orderedCoverage / a.pageCoverage : 0;
  const atMost = (value: number, limit: number) => (value <= 0 ? Infinity : limit / value);
  return {
    // The whole page walks through the original, in its order, with no facts of its own. The order
    // must hold beyond chance: news puts the main facts first, so a few pairs of any report of the
    // story come in the same order; the ordered share less one standard error must reach the threshold.
    // Or most of the page is in walks, blocks of three or more sentences that each tell the original's
    // next ones: a writer who moved a block kept the order inside each (the walks are the order).
    whole: Math.max(
      Math.min(
        a.chainedCoverage / t.pageChained,
        a.chainedSentences / t.pageMinSentences,
        atMost(a.novelNameShare, t.maxNovelNames),
        surely(ordered, a.pairs.length) / t.minOrderedShare,
      ),
      Math.min(a.walkedCoverage / t.pageWalked, a.chainedSentences / t.pageMinSentences, atMost(a.novelNameShare, t.maxNovelNames)),
    ),
    // Part of the page walks closely through the original (a partial copy inside other text): a long
    // run of close pairs, or a shorter one in the writer's own words (not quotation).
    part: Math.max(a.strongChainedPairs / t.strongPairsAnyWords, Math.min(a.strongChainedPairs / t.strongPairs, a.strongOwnWordsInOrder / t.strongOwnWords)),
    // The original's own sentences pasted word for word: no coincidence, whatever surrounds them.
    // Three sentences, or two long ones: independent reports of one event share at most a line or
    // two of a common source; any one sentence may be a stock phrase.
    copied: Math.max(a.copiedSentences / t.copiedSentences, Math.min(a.copiedSentences / 2, a.copiedWords / t.copiedWords)),
    // Containment seen from the original's side: much of it retold in the page, in step, whatever the
    // page adds of its own (a partial rewrite brings its own names, which the whole-page rule refuses).
    walk: Math.min(a.chainedSentences / t.walkedSentences, a.chainedOriginalShare / t.walkedOriginalShare, ordered / t.minOrderedShare),
  };
}

/** A reason in English (`text`, as the CLI and the eval print it) and as a message for the reader's language (`message`), from the same figures. */
export interface Explained {
  text: string;
  message: MessageRef;
}

/**
 * What an alignment that decided "derived" shows, in plain words, naming the other article's outlet:
 * a retelling in the original's order (most of the page walks through it), a close partial copy among
 * the writer's own text, or a pasted run.
 */
export function explainDerivation(a: Alignment, pageSentences: number, outlet: string, t: DerivationThresholds = DEFAULT_THRESHOLDS): string {
  return describeDerivation(a, pageSentences, outlet, t).text;
}

/** `explainDerivation`, with the same reason as a message (public/_locales: `reason…`, a whole sentence about the page). */
export function describeDerivation(a: Alignment, pageSentences: number, outlet: string, t: DerivationThresholds = DEFAULT_THRESHOLDS): Explained {
  const m = ruleMargins(a, t);
  const whole = m.whole >= 1;
  const verbatim = a.copiedSentences > 0 ? `, ${a.copiedSentences} of them word for word or nearly` : '';
  // The verbatim count, for the messages that say it.
  const copied = a.copiedSentences > 0 ? [String(a.copiedSentences)] : [];
  const said = (key: MessageKey, keyVerbatim: MessageKey, ...args: string[]): MessageRef =>
    copied.length ? { key: keyVerbatim, args: [outlet, ...args, ...copied] } : { key, args: [outlet, ...args] };
  // "N sentences follow…, M of them word for word" needs M ≤ N: more sentences copied than followed
  // (a pasted passage counts its short lines) is a copy, and said so.
  const says = (followed: number) => !(m.copied >= 1 && a.copiedSentences > followed);
  if ((whole || (a.strongChainedPairs >= t.strongPairs && a.chainedCoverage >= MOST_OF_THE_PAGE)) && says(a.chainedPairs)) {
    return {
      text: `retells ${outlet}'s article in its order: ${a.chainedPairs} of its ${pageSentences} sentences follow the original's${verbatim}`,
      message: said('reasonRetells', 'reasonRetellsVerbatim', String(a.chainedPairs), String(pageSentences)),
    };
  }
  // The share and the count are both of the original's sentences (what the rule counts).
  if (m.walk >= 1 && says(a.chainedSentences)) {
    const share = Math.round(a.chainedOriginalShare * 100);
    return {
      text: `retells ${share}% of ${outlet}'s article in its order (${a.chainedSentences} sentences${verbatim}), among text of its own`,
      message: said('reasonRetellsPart', 'reasonRetellsPartVerbatim', String(share), String(a.chainedSentences)),
    };
  }
  if (a.strongChainedPairs >= t.strongPairs && says(a.strongChainedPairs)) {
    return {
      text: `${a.strongChainedPairs} of its ${pageSentences} sentences closely follow ${outlet}'s in the same order${verbatim}, among text of its own`,
      message: said('reasonFollowsClosely', 'reasonFollowsCloselyVerbatim', String(a.strongChainedPairs), String(pageSentences)),
    };
  }
  if (a.copiedRun >= t.copiedSentences) {
    const more = a.copiedSentences > a.copiedRun ? ` (${a.copiedSentences} copied in all)` : '';
    return {
      text: `copies ${a.copiedRun} of ${outlet}'s sentences word for word or nearly, one after another${more}`,
      message: more
        ? { key: 'reasonCopiesRunMore', args: [outlet, String(a.copiedRun), String(a.copiedSentences)] }
        : { key: 'reasonCopiesRun', args: [outlet, String(a.copiedRun)] },
    };
  }
  return {
    text: `copies ${a.copiedSentences} of ${outlet}'s sentences word for word or nearly (${a.copiedWords} words), among text of its own`,
    message: { key: 'reasonCopies', args: [outlet, String(a.copiedSentences), String(a.copiedWords)] },
  };
}

/** Share of the page's content in chained pairs above which the page as a whole retells the other. */
const MOST_OF_THE_PAGE = 0.5;

/**
 * Margin of the retelling rules (`whole`, `walk`) from which a page that is no rewrite is said to come
 * close: within a fifth of a rule. Pages written from one outlet's facts land here, retold or told in
 * their own way; the reader is told so and judges with the evidence. Real coverage of the same event
 * stays under it (bench/margins.ts: same-event's nearest `whole` 0.65, `walk` 0.63, short 0.75).
 */
const CLOSE_TO_A_RULE = 0.8;

/** Why an alignment that did not decide "derived" is not enough, in plain words. */
export function explainNotDerived(a: Alignment, outlet: string, t: DerivationThresholds = DEFAULT_THRESHOLDS): string {
  return describeNotDerived(a, outlet, t).text;
}

/** `explainNotDerived`, with the same reason as a message (public/_locales: `reason…`). */
export function describeNotDerived(a: Alignment, outlet: string, t: DerivationThresholds = DEFAULT_THRESHOLDS): Explained {
  const n = a.pairs.length;
  // Close to retelling it: what the reader most needs to know, before a stray copied line or two.
  const m = ruleMargins(a, t);
  if (a.chainedPairs > 0 && Math.max(m.whole, m.walk) >= CLOSE_TO_A_RULE) {
    return {
      text: `${n} of its sentences resemble ${outlet}'s article and ${a.chainedPairs} follow its order: it may retell ${outlet}'s reporting, but not closely enough to call this page a rewrite of it`,
      message: { key: 'reasonCloseRetelling', args: [outlet, String(n), String(a.chainedPairs)] },
    };
  }
  if (a.copiedSentences > 0) {
    const one = a.copiedSentences === 1;
    const copied = one
      ? `1 of its sentences matches ${outlet}'s article word for word or nearly`
      : `${a.copiedSentences} of its sentences match ${outlet}'s article word for word or nearly`;
    const resembling = n - a.copiedSentences;
    const more = resembling > 0 ? `; ${resembling} more resemble it` : '';
    const key: MessageKey = one
      ? resembling > 0
        ? 'reasonTooLittleCopiedOneMore'
        : 'reasonTooLittleCopiedOne'
      : resembling > 0
        ? 'reasonTooLittleCopiedMore'
        : 'reasonTooLittleCopied';
    const args = [outlet, ...(one ? [] : [String(a.copiedSentences)]), String(a.copiedWords), ...(resembling > 0 ? [String(resembling)] : [])];
    return { text: `${copied} (${a.copiedWords} words): too little for a copy${more}`, message: { key, args } };
  }
  return {
    text: `${n} of its sentences resemble ${outlet}'s article, too few or too scattered to call this page a rewrite of it`,
    message: { key: 'reasonTooFewResembling', args: [outlet, String(n)] },
  };
}

/**
 * A share measured over n items, less one standard error (binomial): what the page surely shows.
 * Few items reach a share by coincidence more easily (a same-facts brief whose lede follows the
 * original's); many give a tight estimate.
 */
function surely(share: number, n: number): number {
  if (!(n > 0)) return share;
  return share - Math.sqrt((share * (1 - share)) / n);
}
