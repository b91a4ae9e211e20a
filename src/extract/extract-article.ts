import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { siteOf } from '../core/site.ts';
import { blockTexts } from './blocks.ts';
import { parseDate } from '../core/dates.ts';
import { removeFurniture, rescueFooterAttribution } from './boilerplate.ts';
import { absoluteUrl, readMetadata } from './metadata.ts';
import { filterParagraphs } from './text-rules.ts';
import { removeHidden } from './visibility.ts';

export interface ArticleLink {
  href: string;
  text: string;
}

/** An article as read from a page: text, metadata and the signals credit detection needs. */
export interface ExtractedArticle {
  url: string;
  title: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  excerpt?: string;
  published?: string;
  canonicalUrl?: string;
  /** Source URLs the page declares in its markup. */
  declaredSources: string[];
  /** Article body, one entry per paragraph. */
  paragraphs: string[];
  /** Links inside the article body, absolute. */
  links: ArticleLink[];
}

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-article' | 'too-short' | 'too-large' | 'error'; detail?: string };

export interface ExtractOptions {
  /** Pages with more elements are not parsed (bounds the work on huge pages). */
  maxElements: number;
  /** Fewest words of body text for an article. */
  minWords: number;
  /** Skip the cheap "looks like an article" test (the CLI extracts whatever it is given). */
  force: boolean;
  /**
   * Where the DOM has layout (a browser tab), also drop what the page's style sheets hide.
   * Markup-hidden elements are dropped in every DOM either way.
   */
  useLayout: boolean;
}

export const DEFAULT_EXTRACT: ExtractOptions = { maxElements: 60_000, minWords: 120, force: false, useLayout: true };

/**
 * Extracts the article of a page with Mozilla Readability. Never mutates `doc`:
 * Readability runs on a clone. Works on a live browser document and on linkedom's.
 */
export function extractArticle(doc: Document, url: string, options: Partial<ExtractOptions> = {}): ExtractResult {
  const opts = { ...DEFAULT_EXTRACT, ...options };
  try {
    if (!opts.force && !isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 })) {
      return { ok: false, reason: 'not-article' };
    }
    const metadata = readMetadata(doc, url);
    const clone = doc.cloneNode(true) as Document;
    removeHidden(doc, clone, opts.useLayout);
    // A browser with scripts on shows no <noscript>, and DOMs parse its content differently.
    for (const el of clone.querySelectorAll('noscript')) el.remove();
    rescueFooterAttribution(clone);
    const parsed = new Readability<Element>(clone, {
      maxElemsToParse: opts.maxElements,
      serializer: (el) => el as Element,
      keepClasses: true,
    }).parse();
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
    const paragraphs = filterParagraphs(blockTexts(parsed.content), { title, urls: ownUrls });
    const words = countWords(paragraphs.join(' '));
    if (!opts.force && words < opts.minWords) return { ok: false, reason: 'too-short' };
    const links = [...parsed.content.querySelectorAll('a[href]')]
      .map((a) => ({ href: absoluteUrl(a.getAttribute('href'), url), text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() }))
      .filter((l): l is ArticleLink => !!l.href);
    return {
      ok: true,
      article: {
        url,
        title,
        byline: parsed.byline?.trim() || undefined,
        siteName: parsed.siteName?.trim() || metadata.siteName,
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
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: /Aborting parsing document/.test(detail) ? 'too-large' : 'error', detail };
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
