/** Elements whose text is a paragraph of its own. */
export const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Elements whose text is never article prose. */
export const SKIP = new Set('script style noscript template svg canvas iframe button select textarea input figcaption'.split(' '));

/** Caps on the paragraphs `blockTexts` returns (the same rules as the message caps in `ext/protocol.ts`). */
export interface TextLimits {
  /** Most paragraphs: the first ones. */
  paragraphs: number;
  /** Each paragraph is cut to this many characters. */
  paragraphChars: number;
  /** Reading stops before the paragraph that would take the total past this. */
  totalChars: number;
}

const NO_LIMITS: TextLimits = { paragraphs: Infinity, paragraphChars: Infinity, totalChars: Infinity };

export const tagOf = (node: Node) => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '');

/**
 * The node after `node` in document order inside `root` (null at its end), without recursion: its
 * first child when `descend`, else the next sibling of it or of its nearest ancestor that has one.
 * `leavingBlock` is called for each block element left on the way up.
 */
export function nextInDocument(node: Node, root: Node, descend: boolean, leavingBlock: (block: Node) => void): Node | null {
  if (descend && node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n && n !== root && !n.nextSibling) {
    n = n.parentNode;
    if (n && n !== root && BLOCK.has(tagOf(n))) leavingBlock(n);
  }
  return n && n !== root ? n.nextSibling : null;
}

/**
 * The text of an element as paragraphs: one entry per block, inline markup flattened,
 * whitespace collapsed. Works on any DOM (browser, linkedom) without layout. Walks the tree
 * without recursion (any depth) and stops once `limits` are reached.
 */
export function blockTexts(root: Element, limits: Partial<TextLimits> = {}): string[] {
  const { paragraphs, paragraphChars, totalChars } = { ...NO_LIMITS, ...limits };
  const out: string[] = [];
  let total = 0;
  let full = paragraphs <= 0;
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    buf = '';
    if (!t || full) return;
    const p = t.length > paragraphChars ? t.slice(0, paragraphChars) : t;
    if (total + p.length > totalChars) {
      full = true;
      return;
    }
    out.push(p);
    total += p.length;
    if (out.length >= paragraphs) full = true;
  };
  // Document order: text is added as it comes, a block flushes the paragraph on the way in and out.
  let node: Node | null = root.firstChild;
  while (node && !full) {
    let descend = false;
    if (node.nodeType === 3) {
      buf += node.nodeValue ?? '';
    } else if (node.nodeType === 1) {
      const tag = tagOf(node);
      if (tag === 'br') flush();
      else if (!SKIP.has(tag)) {
        if (BLOCK.has(tag)) flush();
        descend = true;
      }
    }
    // Leaving a block ends its paragraph.
    node = nextInDocument(node, root, descend, flush);
  }
  flush();
  return out;
}
