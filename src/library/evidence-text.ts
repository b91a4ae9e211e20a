import type { Verdict } from '../core/verdict.ts';
import { spanText } from '../core/sentences.ts';

/**
 * A verdict with its evidence's original sentences filled in from the original's full text (the
 * index holds no sentence text, so a match against it leaves them empty).
 */
export function withOriginalText<V extends Verdict>(verdict: V, originalSentences: string[]): V {
  if (!('evidence' in verdict) || !verdict.evidence) return verdict;
  const pairs = verdict.evidence.pairs.map((p) => ({
    ...p,
    originalText: p.original < originalSentences.length ? spanText(originalSentences, p.original, p.originalLast) : p.originalText,
  }));
  return { ...verdict, evidence: { ...verdict.evidence, pairs } };
}
