/** Elements whose text is a paragraph of its own. */
const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
/** Elements whose text is never article prose. */
const SKIP = new Set('script style noscript template svg canvas iframe button select textarea input figcaption'.split(' '));

/**
 * The text of an element as paragraphs: one entry per block, inline markup flattened,
 * whitespace collapsed. Works on any DOM (browser, linkedom) without layout.
 */
export function blockTexts(root: Element): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        buf += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toLowerCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        flush();
      } else if (BLOCK.has(tag)) {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}
