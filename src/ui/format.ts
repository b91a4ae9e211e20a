import type { ArticleRef, Credit, Evidence } from '../core/verdict.ts';
import { t } from './i18n.ts';

export const percent = (x: number) => `${Math.round(x * 100)}%`;

export function formatDate(iso: string | undefined): string {
  if (!iso) return t('articleDateUnknown');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? t('articleDateUnknown') : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "CNBC" or, lacking a name, the site ("cnbc.com"). */
export const outletOf = (ref: ArticleRef) => ref.siteName || ref.site;

/** "CNBC's", "Reuters'" (a name ending in s takes the apostrophe alone, as news style has it). */
export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** A count with its noun: "1 article", "6 articles". */
export const plural = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * How a page credits its original, in words a reader uses ("Links to CNBC's article"), and, when
 * there is one, what the reader can see on the page that says so (the link's text, the attribution
 * line), to be shown quoted. Never the credit's kind or a raw field.
 */
export function creditSentence(credit: Credit, original: ArticleRef): { text: string; quote?: string } {
  const outlet = outletOf(original);
  // "CNBC's", "Reuters'" in English; the name alone where the language builds it into the sentence.
  const owner = t(/s$/i.test(outlet) ? 'possessiveBare' : 'possessiveS', outlet);
  switch (credit.kind) {
    case 'canonical':
      return { text: t('creditCanonical', owner) };
    case 'meta':
      return { text: t('creditMeta', owner) };
    case 'link': {
      // The detail is "link text (address)": the reader saw the text; the address is the original's.
      const text = linkText(credit.detail);
      return { text: t('creditLink', owner), ...(text ? { quote: clip(text) } : {}) };
    }
    case 'attribution':
      return { text: t('creditAttribution', outlet), ...(credit.detail.trim() ? { quote: clip(credit.detail.trim()) } : {}) };
  }
}

/** How much of the page matches the other article, as one short sentence. */
export function coverageSentence(e: Pick<Evidence, 'pageCoverage' | 'orderedCoverage' | 'pairs'>, other: string): string {
  if (!e.pairs.length || e.pageCoverage < 0.005) return t('coverageNone', other);
  return t('coverageSome', percent(e.pageCoverage), other, percent(e.orderedCoverage));
}

/** The visible text of a link credit's detail ("Read the original (https://…)" → "Read the original"); '' when it is only an address. */
function linkText(detail: string): string {
  const d = detail.trim();
  const text = (/^(.*?)\s*\(https?:\/\/\S*\)$/is.exec(d)?.[1] ?? d).trim();
  return /^https?:\/\/\S*$/i.test(text) ? '' : text;
}

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/** A run of a sentence's text, and whether its words are missing from the sentence beside it. */
export interface Segment {
  text: string;
  differs: boolean;
}

/**
 * `text` cut into runs, marking the words that the other sentence does not have in the same order
 * (a longest common subsequence of the words, compared without case and punctuation): what the
 * reader sees changed between a page sentence and the original's. Joined, the runs give `text` back.
 */
export function differingWords(text: string, other: string): Segment[] {
  const words = text.split(/(\s+)/);
  const key = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const mine = words.map((w, i) => (i % 2 === 0 ? key(w) : ''));
  const theirs = other
    .split(/\s+/)
    .map(key)
    .filter((w) => w);
  // Word i (even indexes of `words`) is kept when it is in the common subsequence.
  const idx = mine.flatMap((w, i) => (i % 2 === 0 && w ? [i] : []));
  const n = idx.length;
  const m = theirs.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = mine[idx[i]!] === theirs[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const kept = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (mine[idx[i]!] === theirs[j]) {
      kept.add(idx[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  const flags = words.map((_, i) => i % 2 === 0 && !!mine[i] && !kept.has(i));
  // A space between two marked words is marked with them: "was smug" is one mark, not two.
  for (let i = 1; i < words.length - 1; i += 2) flags[i] = flags[i - 1]! && flags[i + 1]!;
  const out: Segment[] = [];
  words.forEach((w, i) => {
    if (!w) return;
    const last = out[out.length - 1];
    if (last && last.differs === flags[i]) last.text += w;
    else out.push({ text: w, differs: flags[i]! });
  });
  return out;
}
