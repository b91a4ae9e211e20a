import { getDomain } from 'tldts';

/**
 * The article content script runs on every page the user opens, so it should stay small: in its
 * build (WXT names the entrypoint `article`) hosts are reduced approximately (see
 * `approximateSite`) and the Public Suffix List (≈170 KB minified) goes unused, to be dropped by the
 * bundler once tldts is marked free of side effects (its module builds tables at load, which keeps
 * it otherwise). There `siteOf` only tells the page's own links from other sites' while trimming
 * furniture; every decision that matters (library ids, credit, same site, host permissions) is
 * taken in the background, the extension's pages and the CLI, with the full list.
 */
const LEAN_BUILD = import.meta.env?.ENTRYPOINT === 'article';

/**
 * The Public Suffix List as tldts keeps it, private section included: `github.io`, `blogspot.com`,
 * `netlify.app` and the like are suffixes under which every subdomain is a site of its own.
 * Hostnames come from `URL`, already lower case and punycoded.
 */
const PSL = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, mixedInputs: false, detectIp: true } as const;

/** The hostname of a URL, lower case ("" for none). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** An IPv4 or IPv6 address, or a name of one label ("localhost"): no domain to reduce it to. */
const isBareHost = (host: string) => /^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.');

/**
 * The registrable domain of a hostname by the Public Suffix List ("www.bbc.co.uk" → "bbc.co.uk",
 * "alice.github.io" → "alice.github.io"), or undefined when it has none: an IP address, a single
 * label, or a public suffix itself ("github.io", "co.uk").
 */
export function registrableDomain(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || isBareHost(h)) return undefined;
  if (RESERVED.test(h)) return h.replace(/^www\./, '');
  if (LEAN_BUILD) return approximateSite(h);
  return getDomain(h, PSL) ?? undefined;
}

/**
 * The domains reserved for documentation (RFC 2606: example.com, .net, .org) belong to no outlet:
 * test pages and corpora stand a host under them for each outlet ("outlet498.example.com"), so under
 * them each host is a site of its own, as under a private suffix. (Under the reserved top-level
 * names, .example and .test, "news.example" is a domain like any other.)
 */
const RESERVED = /\.example\.(?:com|net|org)$/;

/** Second-level labels under which registrable domains sit one level deeper (bbc.co.uk, abc.net.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

/** The registrable domain without the list: the last two labels, three under "co.uk"-like suffixes. */
function approximateSite(host: string): string {
  const labels = host.split('.');
  const keep = labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The site of a URL: its registrable domain by the Public Suffix List ("www.cnbc.com" → "cnbc.com",
 * "news.bbc.co.uk" → "bbc.co.uk", "alice.github.io" → "alice.github.io"). Two pages are on the same
 * site when they have the same one. A host with no registrable domain (an IP address, "localhost",
 * a bare public suffix) is its own site; "" when the URL has no host.
 */
export function siteOf(url: string): string {
  const host = hostOf(url).replace(/\.$/, '');
  if (!host) return '';
  return registrableDomain(host) ?? host;
}

/** A URL without fragment, default port, trailing slash or common tracking parameters, for identity. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|mc_|ref$|cmpid)/i.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    const s = u.toString();
    return s.endsWith('/') ? s.slice(0, -1) : s;
  } catch {
    return url;
  }
}
