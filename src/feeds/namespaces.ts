/**
 * Namespace URIs the feed parsers know, each with the one prefix they use for it, whatever
 * prefix the feed declares. Elements of RSS 0.90/1.0 (and the odd namespaced RSS 2.0) get no
 * prefix, like plain RSS 2.0; Atom elements are always `atom:`.
 */
export const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Prefix → namespace URI in scope at an element. */
export type NamespaceScope = ReadonlyMap<string, string>;

/** The root scope: only `xml:` is bound. */
export const ROOT_SCOPE: NamespaceScope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** The scope inside an element with these (raw) attributes. */
export function extendScope(scope: NamespaceScope, attrs: Record<string, string>): NamespaceScope {
  let next: Map<string, string> | undefined;
  for (const [k, v] of Object.entries(attrs)) {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
    next ??= new Map(scope);
    next.set(k === 'xmlns' ? '' : k.slice(6), v.trim());
  }
  return next ?? scope;
}

/**
 * The canonical name of a raw element or attribute name: the known prefix of its namespace and
 * its local name. An undeclared prefix is kept as written (sloppy feeds use `dc:` without
 * declaring it); an unknown namespace gets a prefix no parser asks for.
 */
export function canonicalName(raw: string, scope: NamespaceScope, isAttribute: boolean): string {
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  if (isAttribute && prefix === '') return local; // unprefixed attributes have no namespace
  const uri = scope.get(prefix);
  if (uri === undefined || uri === '') return raw;
  const known = KNOWN_NAMESPACES[uri];
  if (known === undefined) return `{${uri}}${local}`;
  return known === '' ? local : `${known}:${local}`;
}
