import { Parser } from 'htmlparser2';
import { collapseWhitespace } from './text.ts';

/** Elements whose content is never text a reader sees. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'select', 'button']);

/** Elements that separate words: a space is put at their boundaries. */
const BREAK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * The visible text of an HTML fragment, without a DOM (htmlparser2's tokenizer): tags dropped,
 * entities decoded, scripts and styles left out, block boundaries as spaces, whitespace collapsed.
 * Input beyond `maxInput` characters is ignored.
 */
export function htmlToText(html: string, maxInput = 200_000): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (BREAK.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BREAK.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html.length > maxInput ? html.slice(0, maxInput) : html);
  parser.end();
  return collapseWhitespace(parts.join(''));
}
