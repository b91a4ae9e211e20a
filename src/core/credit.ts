import { siteOf } from './site.ts';
import type { Credit } from './verdict.ts';

/** What a page shows or declares that could credit a source. */
export interface CreditSignals {
  canonicalUrl?: string;
  declaredSources: readonly string[];
  /** Links inside the article body. */
  links: readonly { href: string; text: string }[];
  /** The article body's paragraphs (what a reader sees; not menus or related posts). */
  paragraphs: readonly string[];
}

export interface CreditTarget {
  url: string;
  canonicalUrl?: string;
  siteName?: string;
}

/** Phrases that introduce a source, in English and other major languages. */
const ATTRIBUTION =
  /(?<!\p{L})(originally (published|appeared|posted|ran)|first (published|appeared|ran)|(re)?published (with permission )?(by|from|in)|reprinted (with permission )?(from|by)|republished|syndicated from|courtesy of|according to|reporting by|source[s]?\s*:|credit\s*:|via|with permission|copyright|this (article|story|report) (was|is|first)|publicado originalmente|fuente\s*:|seg[uú]n|publi[ée] (initialement|à l'origine|par)|d'apr[eè]s|selon|ursprünglich|zuerst erschienen|erschienen (bei|in|auf)|quelle\s*:|laut|pubblicato (originariamente|da)|fonte\s*:|secondo|de acordo com)(?!\p{L})|©|\(c\)/iu;

/**
 * Finds visible or declared credit to `original` on a page: a canonical or declared source
 * URL on the original's site, a body link to it, or an attribution line naming its outlet.
 */
export function findCredit(page: CreditSignals, original: CreditTarget): Credit | undefined {
  const site = siteOf(original.url);
  const sites = new Set([site, original.canonicalUrl ? siteOf(original.canonicalUrl) : site]);
  const onOriginalSite = (u: string | undefined) => !!u && sites.has(siteOf(u));
  if (onOriginalSite(page.canonicalUrl)) return { kind: 'canonical', detail: page.canonicalUrl! };
  const declared = page.declaredSources.find(onOriginalSite);
  if (declared) return { kind: 'meta', detail: declared };
  const link = page.links.find((l) => onOriginalSite(l.href));
  if (link) return { kind: 'link', detail: link.text ? `${link.text} (${link.href})` : link.href };
  const names = outletNames(original.siteName, site);
  const line = page.paragraphs.find((p) => ATTRIBUTION.test(p) && names.some((n) => n.test(p)));
  return line ? { kind: 'attribution', detail: line.length > 200 ? line.slice(0, 197) + '...' : line } : undefined;
}

/** Ways a page may name the outlet: its own name and its domain label ("cnbc" of cnbc.com). */
function outletNames(siteName: string | undefined, site: string): RegExp[] {
  const label = site.split('.')[0] ?? '';
  return [siteName, label.length >= 3 ? label : undefined, site]
    .filter((n): n is string => !!n && n.trim().length >= 2)
    .map((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(n.trim())}($|[^\\p{L}\\p{N}])`, 'iu'));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
