import { parseDate } from '../core/dates.ts';
import { htmlToText } from './html-text.ts';
import type { RawFeed, RawItem } from './raw-feed.ts';
import { collapseWhitespace } from './text.ts';
import { baseOf, resolveHttpUrl } from './urls.ts';
import { child, childText, children, firstChildText, textOf, type XmlElement, type XmlNode } from './xml-tree.ts';

/**
 * Reads Atom 1.0 (and the older Atom 0.3): text constructs of type text, html and xhtml,
 * `link rel="alternate"` (preferring HTML), `xml:base` at every level, FeedBurner's `origLink`.
 */
export function readAtom(feed: XmlElement, feedUrl: string): RawFeed {
  const base = baseOf(feed, feedUrl);
  return {
    title: atomText(child(feed, 'atom:title')),
    siteUrl: alternateLink(feed, base),
    items: children(feed, 'atom:entry').map((e) => readEntry(e, base)),
  };
}

function readEntry(entry: XmlElement, parentBase: string): RawItem {
  const base = baseOf(entry, parentBase);
  const id = childText(entry, 'atom:id');
  const summary =
    atomText(child(entry, 'atom:summary')) || atomText(child(entry, 'atom:content')) || htmlToText(childText(child(entry, 'media:group'), 'media:description'));
  return {
    title: atomText(child(entry, 'atom:title')),
    link: resolveHttpUrl(childText(entry, 'feedburner:origLink'), base) ?? alternateLink(entry, base) ?? resolveHttpUrl(id),
    published: parseDate(firstChildText(entry, ['atom:published', 'atom:updated', 'atom:issued', 'atom:modified', 'dc:date'])),
    summary,
    guid: id || undefined,
  };
}

/**
 * The best alternate link: rel `alternate` or no rel, an HTML type or none before any other
 * type, resolved against the link's own base.
 */
function alternateLink(el: XmlElement, base: string): string | undefined {
  let fallback: string | undefined;
  for (const l of children(el, 'atom:link')) {
    const rel = (l.attrs.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    const href = resolveHttpUrl(l.attrs.href, baseOf(l, base));
    if (!href) continue;
    const type = (l.attrs.type ?? '').toLowerCase();
    if (!type || type.includes('html')) return href;
    fallback ??= href;
  }
  return fallback;
}

/** The plain text of an Atom text construct (or content element) by its `type` (and 0.3's `mode`). */
export function atomText(el: XmlElement | undefined): string {
  if (!el || el.attrs.src) return '';
  const type = (el.attrs.type ?? 'text').trim().toLowerCase();
  if (type === 'xhtml' || type.includes('xhtml+xml')) return htmlToText(el.children.map(toHtml).join(''));
  if (type === 'html' || type.includes('html') || el.attrs.mode === 'escaped') return htmlToText(textOf(el));
  return collapseWhitespace(textOf(el));
}

/** Serialises inline XHTML back to markup, for `htmlToText` (text re-escaped, attributes dropped). */
function toHtml(node: XmlNode): string {
  if (typeof node === 'string') return node.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const name = node.name.replace(/^xhtml:/, '').replace(/[^\w-]/g, '');
  return `<${name}>${node.children.map(toHtml).join('')}</${name}>`;
}
