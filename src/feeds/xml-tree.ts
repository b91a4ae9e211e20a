/** An XML element with canonical names (see `canonicalName`), decoded text and attributes. */
export interface XmlElement {
  name: string;
  /** Attributes by canonical name (a prototype-free record). */
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** Text (CDATA included, already decoded) or an element. */
export type XmlNode = XmlElement | string;

/** The first child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Every child element with this name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The concatenated text of an element and its descendants (raw, not trimmed). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** The trimmed text of the first child element with this name ('' if none). */
export function childText(el: XmlElement | undefined, name: string): string {
  return textOf(child(el, name)).trim();
}

/** The first non-empty trimmed text among these child names, in order of preference. */
export function firstChildText(el: XmlElement | undefined, names: readonly string[]): string {
  for (const n of names) {
    const t = childText(el, n);
    if (t) return t;
  }
  return '';
}
