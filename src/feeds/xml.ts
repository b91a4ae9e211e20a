import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';
import { canonicalName, extendScope, ROOT_SCOPE, type NamespaceScope } from './namespaces.ts';
import { decodeXmlEntities, stripControlChars, truncate } from './text.ts';
import type { XmlElement, XmlNode } from './xml-tree.ts';

/**
 * fast-xml-parser settings for untrusted feeds. `processEntities: false` turns entity handling
 * off entirely: DOCTYPE entity declarations are never expanded (no billion laughs) and external
 * entities are never resolved (the parser does no I/O; it refuses `SYSTEM` entities outright).
 * Text and attributes come back raw and are decoded here by `decodeXmlEntities`, which knows only
 * XML's five entities and numeric references. Order is kept, so mixed content (Atom XHTML) reads
 * in order; CDATA is kept apart so that it is not entity-decoded.
 */
export const SAFE_XML_OPTIONS: Partial<X2jOptions> = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 100,
};

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: string };

/**
 * Parses an XML document into a tree with canonical namespace prefixes (see `namespaces.ts`).
 * Refuses a DOCTYPE with an internal subset (entity declarations) and any document that is not
 * well-formed, except for bare `&` outside CDATA, which is read as `&amp;` as feed readers do.
 * Never throws.
 */
export function parseXml(input: string): XmlParseResult {
  try {
    const text = escapeBareAmpersands(stripControlChars(input.replace(/^[\ufeff\s]+/, '')));
    const prolog = readProlog(text);
    if (prolog.internalSubset) return { ok: false, error: 'the feed declares entities in a DOCTYPE; such feeds are refused' };
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { msg, line, col } = valid.err;
      return { ok: false, error: `not well-formed XML: ${truncate(msg, 160)} (line ${line}, column ${col})` };
    }
    const nodes = new XMLParser(SAFE_XML_OPTIONS).parse(text) as RawNode[];
    const root = nodes.map((n) => convert(n, ROOT_SCOPE, true)).find((n): n is XmlElement => typeof n !== 'string');
    return root ? { ok: true, root } : { ok: false, error: 'no XML root element' };
  } catch (e) {
    return { ok: false, error: `XML parser refused the feed: ${truncate(e instanceof Error ? e.message : String(e), 160)}` };
  }
}

/** One node of fast-xml-parser's ordered output: `{ tag: children, ':@': attrs }` or `{ '#text': s }`. */
type RawNode = Record<string, unknown>;

function convert(node: RawNode, scope: NamespaceScope, isRoot: boolean): XmlNode | undefined {
  const attrsRaw = (node[':@'] ?? {}) as Record<string, string>;
  const key = Object.keys(node).find((k) => k !== ':@');
  if (key === undefined) return undefined;
  const value = node[key];
  if (key === '#text') return decodeXmlEntities(String(value));
  if (key === '#cdata') return (value as RawNode[]).map((t) => String(t['#text'] ?? '')).join('');
  let inner = extendScope(scope, attrsRaw);
  // An Atom feed that forgot its namespace is still Atom.
  if (isRoot && key === 'feed' && !inner.get('')) inner = extendScope(inner, { xmlns: 'http://www.w3.org/2005/Atom' });
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(attrsRaw)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    attrs[canonicalName(k, inner, true)] = decodeXmlEntities(String(v));
  }
  const children: XmlNode[] = [];
  for (const c of Array.isArray(value) ? (value as RawNode[]) : []) {
    const n = convert(c, inner, false);
    if (n !== undefined) children.push(n);
  }
  return { name: canonicalName(key, inner, false), attrs, children };
}

/** An `&` that starts no entity or character reference. */
const BARE_AMPERSAND = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g;

/**
 * `&` not starting an entity or character reference, outside CDATA, becomes `&amp;`. One pass
 * with `indexOf` (linear time): a regex that looks for each `<![CDATA[`'s end from every opening
 * is quadratic on a feed of unclosed openings. An unclosed section (no `]]>` after it) is text.
 */
export function escapeBareAmpersands(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<![CDATA[', from);
    const close = open < 0 ? -1 : text.indexOf(']]>', open + 9);
    if (close < 0) break;
    out += text.slice(from, open).replace(BARE_AMPERSAND, '&amp;') + text.slice(open, close + 3);
    from = close + 3;
  }
  return out + text.slice(from).replace(BARE_AMPERSAND, '&amp;');
}

/** Reads the prolog (declaration, comments, processing instructions, DOCTYPE) before the root element. */
export function readProlog(text: string): { doctype?: string; internalSubset: boolean; rootStart: number } {
  let i = 0;
  let doctype: string | undefined;
  let internalSubset = false;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = endOf(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = endOf(text, '-->', i);
    else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const close = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      internalSubset = bracket >= 0 && (close < 0 || bracket < close);
      doctype = text.slice(i, close < 0 ? text.length : close + 1);
      if (internalSubset) break;
      i = close < 0 ? text.length : close + 1;
    } else break;
  }
  return { doctype, internalSubset, rootStart: i };
}

function endOf(text: string, marker: string, from: number): number {
  const j = text.indexOf(marker, from);
  return j < 0 ? text.length : j + marker.length;
}
