import * as steps from './extract-steps.ts';
import type { ExtractOptions, ExtractResult } from './extract-steps.ts';
import { markupStyles } from './visibility-markup.ts';

export * from './extract-steps.ts';

/** The rules on declared styles, for a DOM without layout. */
const markup = markupStyles as ExtractOptions['markup'];

/**
 * Extracts the article of a page with Mozilla Readability, in any DOM: with layout (a browser tab),
 * what the page's computed styles hide is dropped; without (linkedom, a parsed document), what its
 * inline styles and sheets hide (`markupStyles`). Never mutates `doc`: Readability runs on a clone.
 */
export function extractArticle(doc: Document, url: string, options: Partial<ExtractOptions> = {}): ExtractResult {
  return steps.extractArticle(doc, url, { markup, ...options });
}

/** `extractArticle`, giving the page's main thread back between its steps (see `extract-steps.ts`). */
export function extractArticleInSteps(doc: Document, url: string, options: Partial<ExtractOptions> = {}, pause?: () => Promise<void>): Promise<ExtractResult> {
  return steps.extractArticleInSteps(doc, url, { markup, ...options }, pause);
}
