import { isHttpUrl } from '../core/url.ts';
import { FEED_LIMITS } from './types.ts';
import type { XmlElement } from './xml-tree.ts';

/**
 * `href` resolved against `base` as an absolute http(s) URL without credentials, or undefined
 * (other schemes such as `javascript:`, `data:` or `file:`, unparsable or over-long URLs).
 * Whitespace inside the value (feeds wrap long links) is removed.
 */
export function resolveHttpUrl(href: string | undefined, base?: string): string | undefined {
  const h = href?.replace(/\s+/g, '');
  if (!h || h.length > FEED_LIMITS.urlChars) return undefined;
  let u: URL;
  try {
    u = base ? new URL(h, base) : new URL(h);
  } catch {
    return undefined;
  }
  const s = u.toString();
  return isHttpUrl(s, FEED_LIMITS.urlChars) ? s : undefined;
}

/** The base URL in effect inside `el`: its `xml:base` resolved against the parent's base. */
export function baseOf(el: XmlElement | undefined, parentBase: string): string {
  const b = el?.attrs['xml:base'];
  if (!b) return parentBase;
  return resolveHttpUrl(b, parentBase) ?? parentBase;
}
