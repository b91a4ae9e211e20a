import { extractArticle, type ExtractedArticle, type ExtractResult } from '../extract/extract-article.ts';
import { parseHtmlDocument, readHtmlFile } from './node-dom.ts';
import { readTextArticle } from './corpus.ts';

/** Extracts an article from an HTML file (or a plain-text article file) in Node. */
export function extractFile(path: string, url: string, force = true): ExtractResult {
  if (path.endsWith('.txt')) {
    const { title, body } = readTextArticle(path);
    const article: ExtractedArticle = {
      url,
      title,
      paragraphs: body
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
      declaredSources: [],
      links: [],
    };
    return { ok: true, article };
  }
  return extractArticle(parseHtmlDocument(readHtmlFile(path)), url, { force });
}
