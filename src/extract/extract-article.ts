import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { siteOf } from '../core/site.ts';
import { blockTexts } from './blocks.ts';
import { parseDate } from '../core/dates.ts';
import { removeFurniture, rescueFooterAttribution } from './boilerplate.ts';
import { creditNearArticle } from './credit-nearby.ts';
import { absoluteUrl, readMetadata } from './metadata.ts';
import { filterParagraphs } from './text-rules.ts';
import { removeHidden, type MarkupStyles } from './visibility.ts';
import { markupStyles } from './visibility-markup.ts';

export type { ArticleLink, ExtractedArticle, ExtractResult } from './types.ts';
import type { ArticleLink, ExtractResult } from './types.ts';

export { TOO_COMPLEX_MESSAGE } from './types.ts';
import { TOO_COMPLEX_MESSAGE } from './types.ts';

export interface ExtractOptions {
  /** Pages with more elements are not parsed (bounds the work on huge pages). */
  maxElements: number;
  /**
   * Pages with elements nested deeper than this are not read (`too-complex`): Readability's work
   * grows with the cube of the nesting and its recursion overflows the stack some thousands deep.
   */
  maxDepth: number;
  /**
   * Milliseconds Readability may run before the page is given up as `too-complex` (Infinity: no
   * limit, so results never depend on the machine's speed). The browser passes `BROWSER_TIME_BUDGET_MS`.
   */
  timeBudgetMs: number;
  /** Fewest words of body text for an article. */
  minWords: number;
  /** Skip the cheap "looks like an article" test (the CLI extracts whatever it is given). */
  force: boolean;
  /**
   * Where the DOM has layout (a browser tab), also drop what the page's style sheets hide.
   * Markup-hidden elements are dropped in every DOM either way.
   */
  useLayout: boolean;
  /** The rules on declared styles, for a DOM without layout (default: `markupStyles`). */
  markup?: MarkupStyles<unknown>;
}

/**
 * The deepest nesting read. The deepest real pages measured (the 1,090 HTML files of ../shared/extraction
 * and ../shared/corpus, parsed by linkedom, <html> at depth 1) are 51 elements deep (median 14, 7 in the
 * corpus); at 200, Readability takes about half a second on a chain of 200 nested blocks (over a minute
 * at 2,000), and Chromium's parser itself stops nesting at 512.
 */
export const MAX_DEPTH = 200;

/** The time budget in the browser (tab pages and fetched originals, read in the background). */
export const BROWSER_TIME_BUDGET_MS = 1_500;

/**
 * Caps on the body text before any rule runs on it, above those of the message to the background
 * (800 paragraphs, 8,000 characters each, 300,000 in all) since the rules still drop some of it.
 */
export const TEXT_LIMITS = { paragraphs: 2_000, paragraphChars: 8_000, totalChars: 600_000 } as const;

export const DEFAULT_EXTRACT: ExtractOptions = {
  maxElements: 60_000,
  maxDepth: MAX_DEPTH,
  timeBudgetMs: Number.POSITIVE_INFINITY,
  minWords: 120,
  force: false,
  useLayout: true,
  markup: markupStyles as MarkupStyles<unknown>,
};

/**
 * Extracts the article of a page with Mozilla Readability, in any DOM: with layout (a browser tab),
 * what the page's computed styles hide is dropped; without (linkedom, a parsed document, a tab's
 * snapshot), what its inline styles and sheets hide (`markupStyles`). Never mutates `doc`:
 * Readability runs on a clone. Works on a live browser document and on linkedom's.
 */
export function extractArticle(doc: Document, url: string, options: Partial<ExtractOptions> = {}): ExtractResult {
  return extraction(doc, url, { ...DEFAULT_EXTRACT, ...options });
}

function extraction(doc: Document, url: string, opts: ExtractOptions): ExtractResult {
  try {
    // Before anything that walks the tree recursively or once per ancestor (Readability, the clone).
    const depth = maxElementDepth(doc.documentElement, opts.maxDepth);
    if (depth > opts.maxDepth) {
      return { ok: false, reason: 'too-complex', detail: `${TOO_COMPLEX_MESSAGE}: elements nested over ${opts.maxDepth} deep` };
    }
    if (!opts.force && !isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 })) {
      return { ok: false, reason: 'not-article' };
    }
    const metadata = readMetadata(doc, url);
    // The clone and the judgement of what shows are one step: the page must not change in between.
    const clone = doc.cloneNode(true) as Document;
    // The clone keeps only what shows; what shows of the page is kept on record, to read the credit around the story later.
    const shown = removeHidden(doc, clone, opts.useLayout, opts.markup);
    // A browser with scripts on shows no <noscript>, and DOMs parse its content differently.
    for (const el of clone.querySelectorAll('noscript')) el.remove();
    rescueFooterAttribution(clone);
    const reader = new Readability<Element>(clone, {
      maxElemsToParse: opts.maxElements,
      serializer: (el) => el as Element,
      keepClasses: true,
    });
    if (Number.isFinite(opts.timeBudgetMs)) limitTime(reader, opts.timeBudgetMs);
    const parsed = reader.parse();
    if (!parsed?.content) return { ok: false, reason: 'not-article' };
    const title = (parsed.title ?? doc.title ?? '').trim();
    const ownUrls = [url, metadata.canonicalUrl, metadata.pageUrl].filter((u): u is string => !!u);
    const ownSites = new Set(ownUrls.map(siteOf));
    removeFurniture(parsed.content, {
      ownSites,
      ownUrls,
      resolve: (href) => absoluteUrl(href, url),
      siteOfHref: (href) => siteOf(absoluteUrl(href, url) ?? ''),
    });
    // Capped before the rules run: their work then has a bound whatever the page holds.
    const body = filterParagraphs(blockTexts(parsed.content, TEXT_LIMITS), { title, urls: ownUrls });
    const words = countWords(body.join(' '));
    if (!opts.force && words < opts.minWords) return { ok: false, reason: 'too-short' };
    const bodyLinks = [...parsed.content.querySelectorAll('a[href]')]
      .map((a) => ({ href: absoluteUrl(a.getAttribute('href'), url), text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() }))
      .filter((l): l is ArticleLink => !!l.href);
    const siteName = parsed.siteName?.trim() || metadata.siteName;
    // Credit lines and links a reader sees around the story that Readability left out.
    const nearbyContext = { title, urls: ownUrls, ownSites, siteName, resolve: (href: string) => absoluteUrl(href, url), siteOf };
    const nearby = creditNearArticle(shown, parsed.content, nearbyContext, { paragraphs: body, links: bodyLinks });
    const paragraphs = [...nearby.before, ...body, ...nearby.after];
    // First: the message to the background keeps the first links only.
    const links = [...nearby.links, ...bodyLinks];
    return {
      ok: true,
      article: {
        url,
        title,
        byline: parsed.byline?.trim() || undefined,
        siteName,
        lang: parsed.lang || metadata.lang,
        excerpt: parsed.excerpt?.trim() || undefined,
        published: metadata.published ?? parseDate(parsed.publishedTime),
        canonicalUrl: metadata.canonicalUrl,
        declaredSources: metadata.declaredSources,
        paragraphs,
        links,
      },
    };
  } catch (e) {
    if (e instanceof TimeBudgetExceeded) return { ok: false, reason: 'too-complex', detail: `${TOO_COMPLEX_MESSAGE}: ${e.message}` };
    const detail = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError && /call stack/i.test(detail)) return { ok: false, reason: 'too-complex', detail: `${TOO_COMPLEX_MESSAGE}: ${detail}` };
    return { ok: false, reason: /Aborting parsing document/.test(detail) ? 'too-large' : 'error', detail };
  }
}

/**
 * The deepest element under `root` (`root` itself is 1), walked without recursion or a stack;
 * the walk stops as soon as a level past `stopAbove` is reached (and returns that level).
 */
export function maxElementDepth(root: Element | null, stopAbove = Number.POSITIVE_INFINITY): number {
  let max = 0;
  let depth = 1;
  let el: Element | null = root;
  while (el) {
    if (depth > max) {
      max = depth;
      if (max > stopAbove) return max;
    }
    const first = el.firstElementChild;
    if (first) {
      el = first;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return max;
}

class TimeBudgetExceeded extends Error {}

/**
 * Readability's methods that every costly pass calls over and over: the tree walk, text reads,
 * element lists. Readability has no time option, so `limitTime` wraps these on one instance.
 */
export const READABILITY_HOT_METHODS = ['_getNextNode', '_getInnerText', '_getAllNodesWithTag', '_getLinkDensity', '_hasChildBlockElement'] as const;

/** Makes `reader.parse()` throw `TimeBudgetExceeded` once `ms` have passed (checked every few calls). */
function limitTime(reader: object, ms: number): void {
  const deadline = performance.now() + ms;
  let calls = 0;
  const methods = reader as Record<string, unknown>;
  for (const name of READABILITY_HOT_METHODS) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      if ((++calls & 63) === 0 && performance.now() > deadline) throw new TimeBudgetExceeded(`reading took over ${ms} ms`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

/**
 * Words in a text, for the length test. Chinese and Japanese are written without spaces: there,
 * every two characters count as a word (the average length of a word in both).
 */
export function countWords(text: string): number {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const spaced = (text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return spaced + Math.round(cjk / 2);
}
