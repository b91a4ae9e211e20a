import { extractArticle, type ExtractedArticle, type ExtractOptions } from '../../src/extract/extract-article.ts';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';

/** Three paragraphs of prose, enough for Readability to take the container as the article. */
export const PROSE = [
  'The city council voted on Tuesday to approve a new network of protected bike lanes across the downtown core, after a debate that ran late into the evening and drew dozens of residents to the chamber.',
  'Supporters said the lanes would make cycling safer for commuters and schoolchildren, while several business owners warned that removing parking spaces could hurt shops that depend on customers who arrive by car.',
  'The plan will be phased in over three years, starting with the busiest corridors next spring, and the transport department has promised to publish data on traffic and collisions every six months.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** A page with `body` inside <article>, and `around` after it, extracted under linkedom. */
export function page(body: string, opts: { head?: string; around?: string; url?: string; title?: string } = {}): string {
  const title = opts.title ?? 'Council approves downtown bike lanes';
  return `<!doctype html><html lang="en"><head><title>${title}</title>${opts.head ?? ''}</head>
<body><main><article><h1>${title}</h1>${body}</article>${opts.around ?? ''}</main></body></html>`;
}

export function extract(html: string, url = 'https://news.example.com/2025/03/04/bike-lanes', options: Partial<ExtractOptions> = {}): ExtractedArticle {
  const r = extractArticle(parseHtmlDocument(html), url, { force: true, ...options });
  if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${r.detail ?? ''}`);
  return r.article;
}
