// The two seed texts as articles: the CNBC original and the content farm's rewrite of it, cut to their
// article text (what extraction keeps: the site's menus and footers gone).
import { seedText } from '../helpers.ts';

export interface SeedArticle {
  title: string;
  paragraphs: string[];
  body: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** CNBC's article: its headline, then its paragraphs up to the comment form. */
export function cnbcArticle(): SeedArticle {
  const all = lines(seedText('original-cnbc'));
  const end = all.indexOf('LEAVE A REPLY');
  // Line 0 is the headline; "0" and "4" after it are share counters.
  const paragraphs = all.slice(1, end < 0 ? undefined : end).filter((l) => !/^\d+$/.test(l));
  return { title: all[0]!, paragraphs, body: paragraphs.join('\n') };
}

/** The rewrite: its headline, then its paragraphs from the photo caption to "Post Views". */
export function rewriteArticle(): SeedArticle {
  const all = lines(seedText('rewrite-content-farm'));
  const start = all.findIndex((l) => l.startsWith('Russian President Vladimir Putin, October 15'));
  const end = all.findIndex((l) => l.startsWith('Post Views'));
  if (start < 0 || end < 0) throw new Error('the rewrite seed text changed');
  const title = all[all.findIndex((l) => l.startsWith('Russia was happy with'))]!;
  const paragraphs = all.slice(start, end);
  return { title, paragraphs, body: paragraphs.join('\n') };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An article page as an outlet serves it. */
export function articleHtml(a: { title: string; paragraphs: string[] }, siteName: string, published?: string): string {
  const time = published ? `<meta property="article:published_time" content="${esc(published)}">` : '';
  return (
    `<html><head><title>${esc(a.title)}</title><meta property="og:site_name" content="${esc(siteName)}">${time}</head>` +
    `<body><article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`
  );
}
