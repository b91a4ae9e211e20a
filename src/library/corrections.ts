/**
 * What the reader told Unspun it got wrong, kept on their machine and respected by every check
 * from then on: a page that does not derive from an article (the pair is never matched again),
 * or a site whose articles are its own reporting (they are never flagged). Pure: the extension
 * stores it (src/ext), the matcher reads it (`checkPage`).
 */
export interface Corrections {
  /** Pages (library ids, `articleIdFor`) the reader said do not derive from an article. */
  notDerived: NotDerived[];
  /** Sites (`siteOf`) the reader trusts: their pages are never flagged. */
  trustedSites: TrustedSite[];
}

export interface NotDerived {
  page: string;
  original: string;
  /** When the reader said so (ISO). */
  at: string;
  /** For the list on the library page: what the reader saw. */
  pageTitle?: string;
  originalTitle?: string;
}

export interface TrustedSite {
  site: string;
  at: string;
}

/** What one check must respect (`correctionsFor`). */
export interface PageCorrections {
  /** Articles the page must not be matched with. */
  notFrom: ReadonlySet<string>;
  /** The page's site is trusted: no verdict against it flags it. */
  trustedSite: boolean;
}

export const NO_CORRECTIONS: Corrections = { notDerived: [], trustedSites: [] };

/** Most corrections kept of each kind (oldest dropped first): bounds what storage and every check read. */
export const MAX_CORRECTIONS = 5_000;
const MAX_ID_CHARS = 2_048;
const MAX_TITLE_CHARS = 300;

/** The corrections a check of this page respects. */
export function correctionsFor(c: Corrections, pageId: string, pageSite: string): PageCorrections {
  return {
    notFrom: new Set(c.notDerived.filter((n) => n.page === pageId).map((n) => n.original)),
    trustedSite: c.trustedSites.some((t) => t.site === pageSite),
  };
}

/** Adds "this page does not derive from that article" (once; the newest kept at the end). */
export function withNotDerived(c: Corrections, n: NotDerived): Corrections {
  const rest = c.notDerived.filter((x) => x.page !== n.page || x.original !== n.original);
  return { ...c, notDerived: [...rest, n].slice(-MAX_CORRECTIONS) };
}

export function withTrustedSite(c: Corrections, t: TrustedSite): Corrections {
  return { ...c, trustedSites: [...c.trustedSites.filter((x) => x.site !== t.site), t].slice(-MAX_CORRECTIONS) };
}

/** Takes one correction back: a page–article pair, or a trusted site. */
export function withoutCorrection(c: Corrections, which: { page: string; original: string } | { site: string }): Corrections {
  if ('site' in which) return { ...c, trustedSites: c.trustedSites.filter((t) => t.site !== which.site) };
  return { ...c, notDerived: c.notDerived.filter((n) => n.page !== which.page || n.original !== which.original) };
}

/**
 * Corrections from storage or an import, whatever they hold: well-formed entries are kept, others
 * dropped (a corrupt entry never loses the rest), at most MAX_CORRECTIONS of each kind.
 */
export function parseCorrections(x: unknown): Corrections {
  if (!x || typeof x !== 'object') return NO_CORRECTIONS;
  const o = x as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.slice(-MAX_CORRECTIONS) : []);
  const notDerived: NotDerived[] = [];
  for (const e of list(o['notDerived'])) {
    const r = e as Record<string, unknown> | null;
    if (!r || !isId(r['page']) || !isId(r['original']) || !isTime(r['at'])) continue;
    notDerived.push({
      page: r['page'],
      original: r['original'],
      at: r['at'],
      ...(isTitle(r['pageTitle']) ? { pageTitle: r['pageTitle'] } : {}),
      ...(isTitle(r['originalTitle']) ? { originalTitle: r['originalTitle'] } : {}),
    });
  }
  const trustedSites: TrustedSite[] = [];
  for (const e of list(o['trustedSites'])) {
    const r = e as Record<string, unknown> | null;
    if (r && isId(r['site']) && isTime(r['at'])) trustedSites.push({ site: r['site'], at: r['at'] });
  }
  return { notDerived, trustedSites };
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS;
const isTitle = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TITLE_CHARS;
const isTime = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && Number.isFinite(Date.parse(v));
