import { FINGERPRINT_VERSION, type Fingerprint } from '../core/fingerprint.ts';
import { DEFAULT_MINHASH } from '../core/minhash.ts';
import type { ExtractedArticle } from '../extract/extract-article.ts';
import { isFingerprintOf } from '../library/pack-validate.ts';

/** Content script → background: the article on this tab, extracted and fingerprinted. */
export interface CheckArticleMessage {
  type: 'unspun/check-article';
  article: ExtractedArticle;
  sentences: string[];
  fingerprint: Fingerprint;
}

/** Content script → background: this tab's page is not an article. */
export interface NotArticleMessage {
  type: 'unspun/not-article';
  url: string;
  reason: string;
}

export type ContentMessage = CheckArticleMessage | NotArticleMessage;

/** Size caps: a hostile or huge page cannot make the background do unbounded work. */
export const LIMITS = {
  paragraphs: 800,
  paragraphChars: 8_000,
  totalChars: 300_000,
  sentences: 400,
  termsPerSentence: 400,
  links: 400,
  shortString: 2_000,
} as const;

/**
 * Trims an extracted article to the message limits (the content script calls this before sending),
 * so a huge page is still checked on its first part instead of being refused.
 */
export function capArticle(article: ExtractedArticle): ExtractedArticle {
  const paragraphs: string[] = [];
  let total = 0;
  for (const p of article.paragraphs.slice(0, LIMITS.paragraphs)) {
    const text = p.slice(0, LIMITS.paragraphChars);
    if (total + text.length > LIMITS.totalChars) break;
    paragraphs.push(text);
    total += text.length;
  }
  const short = (s: string | undefined) => (s === undefined ? undefined : s.slice(0, LIMITS.shortString));
  return {
    ...article,
    title: short(article.title) ?? '',
    byline: short(article.byline),
    siteName: short(article.siteName),
    lang: short(article.lang),
    excerpt: short(article.excerpt),
    paragraphs,
    links: article.links.filter((l) => isUrl(l.href)).slice(0, LIMITS.links).map((l) => ({ href: l.href, text: short(l.text) ?? '' })),
    declaredSources: article.declaredSources.filter(isUrl).slice(0, 20),
    canonicalUrl: article.canonicalUrl && isUrl(article.canonicalUrl) ? article.canonicalUrl : undefined,
    published: short(article.published),
  };
}

/**
 * Validates a message from a content script; returns null for anything malformed or oversized, or
 * whose fingerprint is not that of its sentences (recomputed here: the library matches by the
 * fingerprint and shows the sentences, so the two must agree).
 */
export function parseContentMessage(msg: unknown): ContentMessage | null {
  if (!isObject(msg)) return null;
  if (msg['type'] === 'unspun/not-article') {
    return isUrl(msg['url']) && isString(msg['reason'], LIMITS.shortString)
      ? { type: 'unspun/not-article', url: msg['url'], reason: msg['reason'] }
      : null;
  }
  if (msg['type'] !== 'unspun/check-article') return null;
  const article = parseArticle(msg['article']);
  const sentences = msg['sentences'];
  const fingerprint = parseFingerprint(msg['fingerprint']);
  if (!article || !fingerprint || !isStringArray(sentences, LIMITS.sentences, LIMITS.paragraphChars)) return null;
  if (fingerprint.sentences.length !== sentences.length || !isFingerprintOf(fingerprint, sentences)) return null;
  return { type: 'unspun/check-article', article, sentences, fingerprint };
}

function parseArticle(a: unknown): ExtractedArticle | null {
  if (!isObject(a) || !isUrl(a['url']) || !isString(a['title'], LIMITS.shortString)) return null;
  const paragraphs = a['paragraphs'];
  if (!isStringArray(paragraphs, LIMITS.paragraphs, LIMITS.paragraphChars)) return null;
  if (paragraphs.reduce((n, p) => n + p.length, 0) > LIMITS.totalChars) return null;
  const links = a['links'];
  if (!Array.isArray(links) || links.length > LIMITS.links) return null;
  if (!links.every((l) => isObject(l) && isUrl(l['href']) && isString(l['text'], LIMITS.shortString))) return null;
  const declared = a['declaredSources'];
  if (!isStringArray(declared, 20, LIMITS.shortString) || !declared.every(isUrl)) return null;
  const optional = ['byline', 'siteName', 'lang', 'excerpt', 'published', 'canonicalUrl'] as const;
  if (!optional.every((k) => a[k] === undefined || isString(a[k], LIMITS.shortString))) return null;
  if (a['canonicalUrl'] !== undefined && !isUrl(a['canonicalUrl'])) return null;
  return {
    url: a['url'],
    title: a['title'],
    paragraphs,
    links: links.map((l) => ({ href: l['href'] as string, text: l['text'] as string })),
    declaredSources: declared,
    ...Object.fromEntries(optional.filter((k) => a[k] !== undefined).map((k) => [k, a[k] as string])),
  };
}

function parseFingerprint(f: unknown): Fingerprint | null {
  if (!isObject(f) || f['version'] !== FINGERPRINT_VERSION) return null;
  const sentences = f['sentences'];
  if (!Array.isArray(sentences) || sentences.length > LIMITS.sentences) return null;
  const parsed = sentences.map((s) =>
    isObject(s) && isTermList(s['terms']) && isTermList(s['quoted']) && isTermList(s['names'])
      ? { terms: s['terms'], quoted: s['quoted'], names: s['names'] }
      : null,
  );
  if (parsed.some((s) => !s)) return null;
  const terms = f['terms'];
  if (!Array.isArray(terms) || terms.length > LIMITS.sentences * LIMITS.termsPerSentence || !terms.every(isTerm)) return null;
  const signature = f['minhash'];
  if (!Array.isArray(signature) || signature.length !== DEFAULT_MINHASH.numPerm || !signature.every(isTerm)) return null;
  return { version: FINGERPRINT_VERSION, sentences: parsed as Fingerprint['sentences'], terms, minhash: signature };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTerm = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isTermList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= LIMITS.termsPerSentence && v.every(isTerm);
const isStringArray = (v: unknown, maxItems: number, maxChars: number): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && v.every((s) => isString(s, maxChars));

export function isUrl(v: unknown): v is string {
  if (!isString(v, LIMITS.shortString) || !/^https?:\/\/[^/]/i.test(v)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
