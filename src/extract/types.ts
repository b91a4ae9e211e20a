// What extraction produces: plain data, no DOM (the pure layers import these types).

/** What a reader is told when a page is refused as too complex (`reason: 'too-complex'`). */
export const TOO_COMPLEX_MESSAGE = 'this page is too complex to read safely';

/** Why a page is no article, as its verdict says it: a refusal as too complex says why in words. */
export const notArticleReason = (reason: string): string => (reason === 'too-complex' ? `too-complex: ${TOO_COMPLEX_MESSAGE}` : reason);

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
  { ok: true; article: ExtractedArticle } | { ok: false; reason: 'not-article' | 'too-short' | 'too-large' | 'too-complex' | 'error'; detail?: string };
