import { MAX_REF_DEPTH, type MessageRef } from './messages.ts';
import type { ArticleRef, Evidence, Verdict } from './verdict.ts';

/**
 * Whether a value read back from storage is a verdict of a known shape: each kind with the fields it
 * needs (a record from an older version, or a corrupted one, is refused rather than shown half-read).
 */
export function isVerdict(v: unknown): v is Verdict {
  if (!isRecord(v)) return false;
  switch (v.kind) {
    case 'uncredited-rewrite':
      return isDerivation(v);
    case 'credited':
      return isDerivation(v) && isRecord(v.credit) && typeof v.credit.kind === 'string' && typeof v.credit.detail === 'string';
    case 'disputed':
      return (
        isDerivation(v) &&
        isRecord(v.dispute) &&
        typeof v.dispute.why === 'string' &&
        optional(v.dispute.whyMessage, isMessageRef) &&
        isTimes(v.dispute.page) &&
        isTimes(v.dispute.other)
      );
    case 'original':
      return Array.isArray(v.derivatives) && v.derivatives.every(isArticleRef) && optional(v.evidence, isEvidence) && optional(v.score, isScore);
    case 'none':
      return typeof v.reason === 'string' && optional(v.reasonMessage, isMessageRef) && optional(v.nearest, isArticleRef) && optional(v.evidence, isEvidence);
    case 'not-article':
      return typeof v.reason === 'string';
    default:
      return false;
  }
}

function isDerivation(v: Record<string, unknown>): boolean {
  return (
    isScore(v.score) &&
    isArticleRef(v.original) &&
    isEvidence(v.evidence) &&
    optional(v.reason, (r) => typeof r === 'string') &&
    optional(v.reasonMessage, isMessageRef)
  );
}

/**
 * A text for the reader's language (`MessageRef`) of a sane shape: a key, at most 9 values (what
 * `browser.i18n` fills), each a string of reasonable length or such a text, nested a few deep. A key
 * this version lacks passes: the UI shows the English reason instead (`localizedRef`).
 */
export function isMessageRef(v: unknown, depth = 0): v is MessageRef {
  return (
    isRecord(v) &&
    typeof v.key === 'string' &&
    /^\w{1,100}$/.test(v.key) &&
    Array.isArray(v.args) &&
    v.args.length <= 9 &&
    v.args.every((a) => (typeof a === 'string' ? a.length <= MAX_ARG_CHARS : depth < MAX_REF_DEPTH && isMessageRef(a, depth + 1)))
  );
}

const MAX_ARG_CHARS = 1000;

/** One side's times in a dispute: any record (older versions stored fewer fields), its message if any of a sane shape. */
const isTimes = (v: unknown) => isRecord(v) && optional(v.observedByMessage, isMessageRef);

export function isArticleRef(v: unknown): v is ArticleRef {
  return isRecord(v) && typeof v.id === 'string' && typeof v.url === 'string' && typeof v.title === 'string' && typeof v.site === 'string';
}

function isEvidence(v: unknown): v is Evidence {
  if (!isRecord(v) || !Array.isArray(v.pairs)) return false;
  const shares = ['pageCoverage', 'originalCoverage', 'orderedCoverage', 'chainedCoverage', 'novelNameShare'] as const;
  return (
    shares.every((k) => typeof v[k] === 'number') &&
    optional(v.notShown, (n) => Number.isInteger(n) && (n as number) >= 0) &&
    v.pairs.every(
      (p) =>
        isRecord(p) &&
        typeof p.page === 'number' &&
        typeof p.original === 'number' &&
        typeof p.similarity === 'number' &&
        typeof p.pageText === 'string' &&
        typeof p.originalText === 'string',
    )
  );
}

const isScore = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
