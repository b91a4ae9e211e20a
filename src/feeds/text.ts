/** Whitespace runs (including no-break and zero-width spaces) as one space, trimmed. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary when one is near, with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

const XML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML's five predefined entities and numeric character references, in one pass (so
 * `&amp;lt;` becomes `&lt;`, not `<`). Any other `&name;` is left as it is: DOCTYPE-declared
 * entities are never expanded. Invalid code points become U+FFFD.
 */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,8})|#x([0-9a-fA-F]{1,7})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return XML_NAMED[name] ?? whole;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return isValidCodePoint(cp) ? String.fromCodePoint(cp) : '\ufffd';
  });
}

function isValidCodePoint(cp: number): boolean {
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

/** Control characters that XML 1.0 forbids; real feeds sometimes carry them. */
export function stripControlChars(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * A feed summary without the trailers that publishing tools append: WordPress's "The post … appeared
 * first on …", "Continue reading…", "Read more", "[…]".
 */
export function stripSummaryTrailers(s: string): string {
  let out = s.replace(/\s*The post .{1,600}? appeared first on .{1,200}$/s, '');
  out = out.replace(/\s*\[(?:…|\.\.\.)\]\s*$/, '');
  // "Continue reading", "Read more" and what follows them, when they start a sentence.
  out = out.replace(/(?<=^|[.…!?"”’)\]])\s*(?:Continue reading|Read more|Read the full (?:story|article))\b.{0,150}$/s, '');
  return out.trim();
}
