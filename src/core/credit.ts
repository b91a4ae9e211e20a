import { siteOf } from './site.ts';
import type { Credit } from './verdict.ts';

/** What a page shows or declares that could credit a source. */
export interface CreditSignals {
  canonicalUrl?: string;
  declaredSources: readonly string[];
  /**
   * Visible links inside (or right after) the article body; not menus or related posts. A link
   * credits only with visible text (an image link carries its image's description, see
   * `extract/visibility.ts`): an empty link, or one of zero-width characters, is nothing a reader sees.
   */
  links: readonly { href: string; text: string }[];
  /** The article body's visible paragraphs (what a reader sees; not menus or related posts). */
  paragraphs: readonly string[];
}

export interface CreditTarget {
  url: string;
  canonicalUrl?: string;
  siteName?: string;
}

/**
 * Phrases that introduce a source, in English, Spanish, Portuguese, French, German, Italian and
 * Dutch. Each is followed by the source's name ("Originally published by CNBC", "Quelle: dpa").
 */
const INTRODUCES =
  '(?:originally|first) (?:published|appeared|posted|ran|reported)(?: (?:on|in|by|at))?' +
  '|(?:this|the) (?:article|story|report|post|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|posted|ran)(?: (?:on|in|by|at))?' +
  '|(?:re)?published (?:with (?:the )?permission )?(?:by|from|in|on)|republished(?: from)?|reprinted (?:with (?:the )?permission )?(?:from|by)?|reproduced (?:with (?:the )?permission )?(?:from|of)?' +
  '|syndicated (?:from|by)|(?:distributed|provided) by|courtesy(?: of)?|with (?:the )?permission (?:of|from)|according to|reporting by|(?:adapted|excerpted|taken) from' +
  '|sources?\\s*:|credits?\\s*:|via|read (?:the )?(?:full|original) (?:article|story)(?: (?:on|at))?|copyright(?: ©)?(?: \\d{4})?|©(?: \\d{4})?|\\(c\\)(?: \\d{4})?' +
  // Spanish, Portuguese
  '|publicad[oa] (?:originalmente |primero )?(?:en|por)|(?:apareci[óo]|publicado) originalmente en|fuente\\s*:|seg[uú]n|con (?:el )?permiso de' +
  '|publicad[oa] originalmente (?:em|por|no|na)|fonte\\s*:|de acordo com|segundo (?:o|a) |com informa[çc][õo]es (?:de|do|da)' +
  // French
  "|publi[ée]e? (?:initialement |à l'origine |d'abord )?(?:par|sur|dans)|paru (?:initialement |d'abord )?(?:dans|sur)|source\\s*:|d'apr[eè]s|selon|avec l'autorisation de" +
  // German
  '|ursprünglich (?:erschienen |veröffentlicht )?(?:bei|in|auf|von)|zuerst erschienen (?:bei|in|auf)|erschienen (?:bei|in|auf)|quelle\\s*:|laut|mit (?:freundlicher )?genehmigung (?:von|der|des)' +
  // Italian
  '|pubblicat[oa] (?:originariamente |per la prima volta )?(?:su|da|in)|fonte\\s*:|secondo' +
  // Dutch
  '|oorspronkelijk verschenen (?:op|in|bij)|bron\\s*:|volgens';

const ATTRIBUTION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${INTRODUCES})(?![\\p{L}])`, 'giu');

/**
 * The phrases that make a line an attribution line of its own (a credit line under a story),
 * not those that also run through prose ("via", "according to", "selon").
 */
const CREDIT_LINE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:(?:originally|first) (?:published|appeared|posted|ran)|(?:re)?published (?:with (?:the )?permission )?(?:by|from|in|on)|republished|reprinted|reproduced with|syndicated (?:from|by)' +
    '|(?:this|the) (?:article|story|report|post|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|posted|ran)|sources?\\s*:|copyright|©|\\(c\\) \\d{4}' +
    "|publicad[oa] originalmente|apareci[óo] originalmente|fuente\\s*:|fonte\\s*:|publi[ée]e? (?:initialement|à l'origine)|paru (?:initialement|d'abord)|source\\s*:" +
    '|ursprünglich (?:erschienen|veröffentlicht)|zuerst erschienen|quelle\\s*:|pubblicat[oa] originariamente|oorspronkelijk verschenen|bron\\s*:)(?![\\p{L}])',
  'iu',
);

/** Most words an attribution line may have (longer text is prose that may mention the outlet in passing). */
const LINE_WORDS = 40;
/** Most words of a credit line of its own. */
const CREDIT_LINE_WORDS = 25;
/** How far after an attribution phrase, in characters, the outlet's name must start. */
const NAME_REACH = 60;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Characters that show nothing: white space, zero-width spaces and joiners, direction and
 * invisible formatting marks, soft hyphens, variation selectors, fillers, tags.
 */
const INVISIBLE_CHARS =
  '\\s\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u2800\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\u{e0000}-\\u{e0fff}';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'gu');
const VISIBLE = new RegExp(`[^${INVISIBLE_CHARS}]`, 'u');

/** The text without the characters that show nothing (see `hasVisibleText`). */
export const withoutInvisible = (text: string) => text.replace(INVISIBLE, '');

/** True when some character of `text` shows: not only white space and zero-width characters. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/** True for a short credit line ("Originally published by …", "Quelle: …", "© 2024 …"). */
export function isAttributionLine(text: string): boolean {
  return wordCount(text) <= CREDIT_LINE_WORDS && CREDIT_LINE.test(text);
}

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
  // A link a reader cannot see (no text, only zero-width characters) credits nothing.
  const link = page.links.find((l) => onOriginalSite(l.href) && hasVisibleText(l.text));
  if (link) return { kind: 'link', detail: `${link.text.trim()} (${link.href})` };
  const names = outletNames(original.siteName, site);
  // Zero-width characters inside a visible line ("C\u200bNBC") do not change what it says.
  const line = page.paragraphs.find((p) => namesOutlet(p.replace(ZERO_WIDTH, ''), names));
  return line ? { kind: 'attribution', detail: line.length > 200 ? line.slice(0, 197) + '...' : line } : undefined;
}

/**
 * True when `text` credits the outlet: an attribution phrase with the outlet's name right after it
 * ("… according to CNBC", "Source: CNBC"), or a short attribution line that names it anywhere
 * ("CNBC contributed to this report. © 2025"). A paragraph that only mentions the outlet is no credit.
 */
function namesOutlet(text: string, names: RegExp[]): boolean {
  if (wordCount(text) <= LINE_WORDS && CREDIT_LINE.test(text) && names.some((n) => n.test(text))) return true;
  ATTRIBUTION.lastIndex = 0;
  for (let m = ATTRIBUTION.exec(text); m; m = ATTRIBUTION.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + NAME_REACH);
    if (names.some((n) => namedRightAfter(after, n))) return true;
  }
  return false;
}

/**
 * The outlet is what the phrase attributes to: its name comes right after ("according to CNBC",
 * "according to a CNBC report"), not as a person's affiliation after their name ("according to Jane
 * Doe, a CNBC producer": a source quoted, as any report of the event may, not the article credited).
 */
function namedRightAfter(after: string, name: RegExp): boolean {
  const m = name.exec(after);
  if (!m) return false;
  const at = m.index + (m[1]?.length ?? 0); // the name itself, after the character before it
  return at < NAME_REACH / 2 && !/[,;(]/.test(after.slice(0, at));
}

/** Ways a page may name the outlet: its own name and its domain label ("cnbc" of cnbc.com). */
function outletNames(siteName: string | undefined, site: string): RegExp[] {
  const label = site.split('.')[0] ?? '';
  return [siteName, label.length >= 3 ? label : undefined, site]
    .filter((n): n is string => !!n && n.trim().length >= 2)
    .map((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(n.trim())}($|[^\\p{L}\\p{N}])`, 'iu'));
}

/** Zero-width characters that may sit inside a word without showing. */
const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
