import { normalizeUrl } from './site.ts';

/** The longest URL Unspun accepts from outside (a message, a pack, a search result, a feed). */
export const URL_MAX_CHARS = 2048;

/**
 * True for an absolute http(s) URL with a host and without credentials, of at most `maxChars`
 * characters. The written form must be absolute too: the URL parser forgives "https:&//host" or a
 * leading space, and a value that came from outside must not need forgiving. The one check of its
 * kind: messages, packs, feeds, lookups and fetches all ask it.
 */
export function isHttpUrl(v: unknown, maxChars: number = URL_MAX_CHARS): v is string {
  if (typeof v !== 'string' || v.length > maxChars || !/^https?:\/\/[^/]/i.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The URL as the parser writes it (`href`) when `isHttpUrl` accepts it, else undefined. */
export function httpUrl(v: unknown, maxChars: number = URL_MAX_CHARS): string | undefined {
  return isHttpUrl(v, maxChars) ? new URL(v).href : undefined;
}

/**
 * Two URLs name the same page: equal once normalised (`normalizeUrl`: no fragment, no tracking
 * parameters, no `www.`, no trailing slash, host in lower case). The one comparison of its kind.
 */
export function sameAddress(a: string, b: string): boolean {
  return normalizeUrl(a) === normalizeUrl(b);
}
