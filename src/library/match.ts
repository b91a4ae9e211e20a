import { alignSentences, chainedPairsOf, DEFAULT_ALIGN, originalLast, pageLast, type AlignedPair, type AlignOptions, type Alignment } from '../core/align.ts';
import { findCredit, type CreditSignals } from '../core/credit.ts';
import { memoizeWeight, weighSentence, type WeightedSentence } from '../core/similarity.ts';
import type { Fingerprint } from '../core/fingerprint.ts';
import { spanText } from '../core/sentences.ts';
import { normalizeUrl, siteOf } from '../core/site.ts';
import {
  DEFAULT_THRESHOLDS,
  derivationScore,
  describeDerivation,
  describeNotDerived,
  isDerived,
  ruleMargins,
  type ArticleRef,
  type DerivationThresholds,
  originalVerdict,
  type Evidence,
  type Verdict,
} from '../core/verdict.ts';
import { appearedAt, observationsOf, type LibraryArticle } from './article.ts';
import { appearanceTimes, whichCameFirst, type Appearance, type Observation } from './provenance.ts';
import type { CandidateSource } from './library-index.ts';
import type { PageCorrections } from './corrections.ts';
import { articleIdFor } from './page.ts';
import { insertsInto } from './inserted-passage.ts';
import { sameAddress } from '../core/url.ts';
import type { MessageRef } from '../core/messages.ts';

export { CLAIM_TOLERANCE_MS as ORDER_TOLERANCE_MS } from './provenance.ts';

/** A page being checked: its article, fingerprint and credit signals. */
export interface PageToCheck {
  url: string;
  canonicalUrl?: string;
  title: string;
  published?: string;
  firstSeen: string;
  sentences: string[];
  fingerprint: Fingerprint;
  credit: CreditSignals;
  /** Independent sightings of the page (a search index's, Unspun's first read). */
  observations?: Observation[];
  /** What the reader said Unspun got wrong about this page or its site (`correctionsFor`). */
  corrections?: PageCorrections;
}

export interface MatchOptions {
  /** Library articles verified per page (after candidate retrieval). */
  candidates: number;
  align: AlignOptions;
  thresholds: DerivationThresholds;
  /** Aligned sentence pairs kept as evidence. */
  evidencePairs: number;
}

export const DEFAULT_MATCH: MatchOptions = {
  candidates: 8,
  align: DEFAULT_ALIGN,
  thresholds: DEFAULT_THRESHOLDS,
  evidencePairs: 40,
};

export interface MatchResult {
  verdict: Verdict;
  /** The library article the verdict is about, if any. */
  matched?: LibraryArticle;
  /** A `none` verdict's nearest article (`verdict.nearest`). */
  nearest?: LibraryArticle;
}

/** Checks one page against the library and decides its verdict. */
export function checkPage(page: PageToCheck, index: CandidateSource, options: MatchOptions = DEFAULT_MATCH): MatchResult {
  const result = decide(page, index, options);
  const { verdict, matched } = result;
  // The reader trusts this site: what would flag it is shown as the nearest article, for them to judge.
  if (page.corrections?.trustedSite && matched && (verdict.kind === 'uncredited-rewrite' || verdict.kind === 'disputed')) {
    const site = siteOf(page.url);
    const reason = `you marked ${site} as trusted, so its articles are never flagged (${verdict.reason ?? 'it resembles this article'})`;
    const reasonMessage: MessageRef = verdict.reasonMessage
      ? { key: 'reasonTrustedSite', args: [site, verdict.reasonMessage] }
      : { key: 'reasonTrustedSiteResembles', args: [site] };
    return { verdict: { kind: 'none', reason, reasonMessage, nearest: verdict.original, evidence: verdict.evidence }, nearest: matched };
  }
  return result;
}

function decide(page: PageToCheck, index: CandidateSource, options: MatchOptions): MatchResult {
  const { best, nearest, insertedFrom } = bestDerivation(page, index, options);
  if (!best) return noneVerdict(page, nearest, options);
  const { article, alignment, score, via } = best;
  const credit = findCredit(page.credit, article);
  const evidence = toEvidence(alignment, page.sentences, article.sentences, options.evidencePairs);
  const ref = toRef(article);
  const explained = via
    ? describeDerivation(via.alignment, page.sentences.length, outletOf(via.article), options.thresholds)
    : describeDerivation(alignment, page.sentences.length, outletOf(article), options.thresholds);
  const reason = via ? `${explained.text}; that article is itself an uncredited copy of ${outletOf(article)}'s, which appeared earlier` : explained.text;
  const reasonMessage: MessageRef = via ? { key: 'reasonThroughCopy', args: [explained.message, outletOf(article)] } : explained.message;
  if (credit) return { verdict: { kind: 'credited', score, original: ref, credit, evidence, reason, reasonMessage }, matched: article };
  const pageTimes: Appearance = { claimed: page.published, observations: page.observations ?? [] };
  const otherTimes = appearanceOf(article);
  const first = whichCameFirst(pageTimes, otherTimes, insertedFrom ? 'page' : undefined);
  if (first === 'page') return { verdict: originalVerdict([ref], { score, evidence }), matched: article };
  if (first === 'disputed') {
    const outlet = outletOf(article);
    const dispute = {
      page: appearanceTimes(pageTimes),
      other: appearanceTimes(otherTimes),
      ...(insertedFrom
        ? {
            why: `${outlet}'s article is this page's text with sentences of ${outletOf(insertedFrom)}'s article pasted into it, which says it was made from this page, but it was seen or dated first.`,
            whyMessage: { key: 'reasonDisputedInserted', args: [outlet, outletOf(insertedFrom)] } satisfies MessageRef,
          }
        : {
            why: `This page claims to be older than ${outlet}'s article, but only its own markup says so, while ${outlet}'s was seen by an independent source when it appeared.`,
            whyMessage: { key: 'reasonDisputedWhy', args: [outlet] } satisfies MessageRef,
          }),
    };
    return { verdict: { kind: 'disputed', score, original: ref, evidence, dispute, reason, reasonMessage }, matched: article };
  }
  return { verdict: { kind: 'uncredited-rewrite', score, original: ref, evidence, reason, reasonMessage }, matched: article };
}

/**
 * Nothing derives: say why, truthfully (nothing shares the page's sentences, or what does is too
 * little), and name the nearest article with its evidence so the reader can judge.
 */
function noneVerdict(page: PageToCheck, nearest: Derivation | undefined, options: MatchOptions): MatchResult {
  if (!nearest)
    return { verdict: { kind: 'none', reason: 'no article in the library shares its sentences', reasonMessage: { key: 'reasonNoMatch', args: [] } } };
  const { article, alignment } = nearest;
  const explained = describeNotDerived(alignment, outletOf(article), options.thresholds);
  return {
    verdict: {
      kind: 'none',
      reason: explained.text,
      reasonMessage: explained.message,
      nearest: toRef(article),
      evidence: toEvidence(alignment, page.sentences, article.sentences, options.evidencePairs),
    },
    nearest: article,
  };
}

export interface Derivation {
  article: LibraryArticle;
  alignment: Alignment;
  score: number;
  /** The page derives from `article` through this later rewrite of it (the page follows the rewrite). */
  via?: Derivation;
}

/** Library articles a page must never be matched with: itself (URL or own canonical) and its own site's. */
export function selfOrSameSite(page: Pick<PageToCheck, 'url' | 'canonicalUrl'>): (a: Pick<LibraryArticle, 'site' | 'url' | 'canonicalUrl'>) => boolean {
  const pageSite = siteOf(page.url);
  // A canonical URL on another site declares a source (syndication), so it is not the page itself.
  const ownCanonical = page.canonicalUrl && siteOf(page.canonicalUrl) === pageSite ? [normalizeUrl(page.canonicalUrl)] : [];
  const self = new Set([normalizeUrl(page.url), ...ownCanonical]);
  return (a) => a.site === pageSite || self.has(normalizeUrl(a.url)) || (!!a.canonicalUrl && sameAddress(a.canonicalUrl, page.url));
}

/** Also refuses the articles the reader said the page does not derive from. */
function orRefused<A extends { id: string }>(exclude: (a: A) => boolean, notFrom: ReadonlySet<string>): (a: A) => boolean {
  return (a) => notFrom.has(a.id) || exclude(a);
}

interface BestDerivation {
  best?: Derivation;
  nearest?: Derivation;
  /** The earlier article whose passage `best` pasted into the page's text (`insertsInto`). */
  insertedFrom?: LibraryArticle;
}

function bestDerivation(page: PageToCheck, index: CandidateSource, options: MatchOptions): BestDerivation {
  const notFrom = page.corrections?.notFrom;
  const own = selfOrSameSite(page);
  const isSelfOrSameSite = notFrom?.size ? orRefused<Pick<LibraryArticle, 'id' | 'site' | 'url' | 'canonicalUrl'>>(own, notFrom) : own;
  const weight = memoizeWeight(index.idf);
  const weighedPage = page.fingerprint.sentences.map((s) => weighSentence(s, weight));
  const derived: Derivation[] = [];
  const resembling: Derivation[] = [];
  let nearest: Derivation | undefined;
  for (const { article } of index.candidates(page.fingerprint, options.candidates, isSelfOrSameSite, articleIdFor(page.url, page.canonicalUrl))) {
    const alignment = alignSentences(page.fingerprint, article.fingerprint, weight, options.align, weighedPage);
    const score = derivationScore(alignment);
    if (!isDerived(alignment, options.thresholds)) {
      if (!alignment.pairs.length) continue;
      resembling.push({ article, alignment, score });
      if (!nearest || alignment.pageCoverage > nearest.alignment.pageCoverage) nearest = { article, alignment, score };
      continue;
    }
    derived.push({ article, alignment, score });
  }
  const copies = (later: LibraryArticle, earlier: LibraryArticle) => isCopyOf(later, earlier, weight, options);
  const pastedBeside = (closest: Derivation, other: Derivation) => pastesBeyond(closest, other, page, weight, options, weighedPage);
  const source = earliestSource(derived, page.credit, copies, pastedBeside);
  if (!source || (page.credit && findCredit(page.credit, source.article))) return { best: source, nearest };
  // A source that appeared after the page copied it: nothing reached the page through it.
  if (whichCameFirst({ claimed: page.published, observations: page.observations ?? [] }, appearanceOf(source.article)) === 'page')
    return { best: source, nearest };
  const through = (source: Derivation, earlier: LibraryArticle) => followsThrough(source, earlier, weight, options);
  const best = storyOriginal(source, resembling, through);
  if (best.via) return { best, nearest };
  // The texts may say which of the two came first: the source is the page with a passage pasted in.
  const insertedFrom = [...derived, ...resembling].find(
    (d) => d.article !== best.article && appearedAt(d.article) <= appearedAt(best.article) && insertsInto(best, d.article, weight, options),
  )?.article;
  return { best, nearest, insertedFrom };
}

/**
 * The page's source may itself be an uncredited copy of an earlier article in the library, which
 * the page resembles less (it follows the copy's wording): when what the page took from its source
 * is mostly the source's retelling of that earlier article, the earlier one is the story's original,
 * and the verdict names it, through the copy.
 */
export function storyOriginal(source: Derivation, resembling: Derivation[], through: (source: Derivation, earlier: LibraryArticle) => boolean): Derivation {
  const earlier = resembling.filter((d) => appearedAt(d.article) < appearedAt(source.article)).sort((a, b) => appearedAt(a.article) - appearedAt(b.article));
  const original = earlier.find((d) => through(source, d.article));
  return original ? { ...original, score: source.score, via: source } : source;
}

/**
 * Whether the page reached `earlier` through its source: the source derives from `earlier`, and most
 * of the source's sentences the page follows are among those the source took from it. A page that
 * follows an article's own reporting, beside a few paragraphs it quotes from another, follows the first.
 */
export function followsThrough(
  source: Derivation,
  earlier: Pick<LibraryArticle, 'fingerprint'>,
  weight: (t: number) => number,
  options: MatchOptions = DEFAULT_MATCH,
): boolean {
  const sourceToEarlier = copyAlignment(source.article, earlier, weight, options);
  if (!sourceToEarlier) return false;
  // What the source took: its sentences that walk the earlier article in step, not facts any report
  // of the story shares with it (a retelling with a few pasted lines took those lines, not the rest).
  const taken = new Set<number>();
  for (const p of chainedPairsOf(sourceToEarlier, earlier.fingerprint.sentences.length, options.align.chainGap))
    for (let i = p.page; i <= pageLast(p); i++) taken.add(i);
  const followed = source.alignment.pairs;
  const tookFromEarlier = (p: AlignedPair) => {
    for (let j = p.original; j <= originalLast(p); j++) if (taken.has(j)) return true;
    return false;
  };
  return followed.length > 0 && followed.filter(tookFromEarlier).length * 2 > followed.length;
}

/**
 * Whether the page holds sentences of `other` word for word (the `copied` rule) that `closest` does not
 * tell as closely: pasted from it, whatever else the page follows. Word-for-word copies are no
 * coincidence; close paraphrase is not compared, since two retellings of one story resemble a page
 * about equally, sentence by sentence, and which is closer is noise.
 */
export function pastesBeyond(
  closest: Pick<Derivation, 'alignment'>,
  other: Pick<Derivation, 'alignment' | 'article'>,
  page: Pick<PageToCheck, 'fingerprint'>,
  weight: (t: number) => number,
  options: MatchOptions = DEFAULT_MATCH,
  weighedPage?: WeightedSentence[],
): boolean {
  if (other.alignment.copiedSentences < 2) return false;
  const closer = closestPerSentence(closest.alignment);
  const told = new Set<number>();
  for (const [i, similarity] of closestPerSentence(other.alignment)) if ((closer.get(i) ?? -1) >= similarity) told.add(i);
  const rest = told.size ? alignSentences(page.fingerprint, other.article.fingerprint, weight, options.align, weighedPage, told) : other.alignment;
  return ruleMargins(rest, options.thresholds).copied >= 1;
}

/** Each aligned page sentence's similarity to the original in the alignment (a merge or split counts for each of its sentences). */
function closestPerSentence(a: Alignment): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of a.pairs) for (let i = p.page; i <= pageLast(p); i++) out.set(i, Math.max(p.similarity, out.get(i) ?? 0));
  return out;
}

/**
 * Whether one article is a copy of another (verbatim, rewritten, condensed): it derives from it as a
 * whole or closely. Retelling part of it (the walk test) does not make an article the other's copy.
 */
export function isCopyOf(
  later: Pick<LibraryArticle, 'fingerprint'>,
  earlier: Pick<LibraryArticle, 'fingerprint'>,
  weight: (t: number) => number,
  options: MatchOptions = DEFAULT_MATCH,
): boolean {
  return !!copyAlignment(later, earlier, weight, options);
}

/** The alignment of `later` with `earlier` when `later` is a copy of it (`isCopyOf`), else undefined. */
function copyAlignment(
  later: Pick<LibraryArticle, 'fingerprint'>,
  earlier: Pick<LibraryArticle, 'fingerprint'>,
  weight: (t: number) => number,
  options: MatchOptions,
): Alignment | undefined {
  const alignment = alignSentences(later.fingerprint, earlier.fingerprint, weight, options.align);
  return isDerived(alignment, { ...options.thresholds, walkedSentences: Infinity }) ? alignment : undefined;
}

/**
 * Of the articles a page derives from, the one it should be said to copy. A credited source the page
 * names comes first (the page told the reader). Otherwise the closest match, unless an earlier source
 * of the page is its original: the closest is a later copy of it (a copy of the same story is not the
 * original), or the page also pastes sentences of it word for word that the closest does not hold
 * (`pastedBeside`: the page drew on it directly, and it came first), or every page sentence the closest
 * tells, it tells too (`explainsAll`: two tellings of one story, and the later one gave the page
 * nothing; which of the two is closer, sentence by sentence, is noise).
 */
export function earliestSource(
  derived: Derivation[],
  credit: CreditSignals | undefined,
  copies: (later: LibraryArticle, earlier: LibraryArticle) => boolean,
  pastedBeside: (closest: Derivation, other: Derivation) => boolean = () => false,
): Derivation | undefined {
  // Equal scores (a score is capped, or counts close pairs): the one more of the page walks in step with.
  const ranked = [...derived].sort((a, b) => b.score - a.score || b.alignment.chainedCoverage - a.alignment.chainedCoverage);
  if (credit) {
    const named = ranked.find((d) => findCredit(credit, d.article));
    if (named) return named;
  }
  let chosen = ranked[0];
  for (const d of ranked.slice(1)) {
    if (appearedAt(d.article) < appearedAt(chosen!.article) && (copies(chosen!.article, d.article) || pastedBeside(chosen!, d) || explainsAll(d, chosen!)))
      chosen = d;
  }
  return chosen;
}

/**
 * Whether `earlier` tells the page every sentence `later` does: the page follows nothing of the later
 * article that the earlier does not explain (two tellings of one story, the later adding nothing the page took).
 */
export function explainsAll(earlier: Derivation, later: Derivation): boolean {
  const told = closestPerSentence(earlier.alignment);
  for (const i of closestPerSentence(later.alignment).keys()) if (!told.has(i)) return false;
  return true;
}

const appearanceOf = (a: LibraryArticle): Appearance => ({ claimed: a.published, observations: observationsOf(a) });

export function toRef(a: LibraryArticle): ArticleRef {
  return { id: a.id, url: a.url, title: a.title, site: a.site, siteName: a.siteName, published: a.published ?? a.firstSeen };
}

/** Evidence for the reader: the strongest pairs, in page order, skipping captions and fragments when there is enough else. */
function toEvidence(a: Alignment, pageSentences: string[], originalSentences: string[], limit: number): Evidence {
  const words = (p: AlignedPair) => spanText(pageSentences, p.page, p.pageLast).split(/\s+/).length;
  const full = a.pairs.filter((p) => words(p) >= MIN_EVIDENCE_WORDS);
  const pairs = (full.length >= 3 ? full : a.pairs)
    .slice()
    .sort((x, y) => y.similarity - x.similarity)
    .slice(0, limit)
    .sort((x, y) => x.page - y.page)
    .map((p) => ({ ...p, pageText: spanText(pageSentences, p.page, p.pageLast), originalText: spanText(originalSentences, p.original, p.originalLast) }));
  return {
    pairs,
    pageCoverage: a.pageCoverage,
    originalCoverage: a.originalCoverage,
    orderedCoverage: a.orderedCoverage,
    chainedCoverage: a.chainedCoverage,
    strongChainedPairs: a.strongChainedPairs,
    strongOwnWordsInOrder: a.strongOwnWordsInOrder,
    novelNameShare: a.novelNameShare,
    notShown: a.pairs.length - pairs.length,
  };
}

const MIN_EVIDENCE_WORDS = 8;

const outletOf = (a: LibraryArticle) => a.siteName || a.site;
