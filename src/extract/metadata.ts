import { parseDate } from '../core/dates.ts';
import { isHttpUrl } from '../core/url.ts';

/** Page metadata that Readability does not give, or gives less reliably. */
export interface PageMetadata {
  canonicalUrl?: string;
  /** The page's own address as its Open Graph tags give it. */
  pageUrl?: string;
  published?: string;
  /** URLs the page declares as its source (syndication-source, original-source, schema.org isBasedOn). */
  declaredSources: string[];
  siteName?: string;
  lang?: string;
}

export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld = jsonLdObjects(doc);
  const abs = (href: string | null | undefined) => absoluteUrl(href, pageUrl);
  const canonicalUrl = abs(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'));
  const declaredSources = [
    ...[...doc.querySelectorAll('link[rel~="syndication-source" i], link[rel~="original-source" i]')].map((l) => l.getAttribute('href')),
    ...[...doc.querySelectorAll('meta[name="syndication-source" i], meta[name="original-source" i]')].map((m) => m.getAttribute('content')),
    ...ld.flatMap((o) => asArray(o['isBasedOn']).map((b) => (typeof b === 'string' ? b : ((b as Record<string, unknown>)?.['url'] as string)))),
  ]
    .map(abs)
    .filter((u): u is string => !!u);
  return {
    canonicalUrl,
    pageUrl: abs(meta(doc, 'og:url')),
    published: readPublished(doc, ld, pageUrl),
    declaredSources: [...new Set(declaredSources)],
    siteName: meta(doc, 'og:site_name') ?? ldPublisherName(ld),
    lang: doc.documentElement?.getAttribute('lang') ?? undefined,
  };
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

/** schema.org types of a news or blog article (a page may also describe its videos and images). */
const ARTICLE_TYPE = /(Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|Review)$/;

/**
 * Published time, most trustworthy source first: JSON-LD of the article (in `@graph` too), meta
 * tags, `itemprop="datePublished"`, a `<time>` in the article, a date in the URL path.
 */
function readPublished(doc: Document, ld: Record<string, unknown>[], pageUrl: string): string | undefined {
  const isArticle = (o: Record<string, unknown>) => asArray(o['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  const ldDate = (objects: Record<string, unknown>[]) =>
    objects.map((o) => asArray(o['datePublished'])[0]).find((d): d is string => typeof d === 'string' && !!parseDate(d));
  const fromLd = ldDate(ld.filter(isArticle)) ?? ldDate(ld.filter((o) => !/Video|Image|Audio|Media/.test(String(o['@type']))));
  const fromMeta = PUBLISHED_META.map((n) => meta(doc, n)).find((d) => !!parseDate(d));
  const itemprop = [...doc.querySelectorAll('[itemprop~="datePublished"]')]
    .map((el) => el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent)
    .find((d) => !!parseDate(d));
  const fromTime = [...doc.querySelectorAll('article time[datetime], time[pubdate], time[datetime]')]
    .map((el) => el.getAttribute('datetime') ?? el.textContent)
    .find((d) => !!parseDate(d));
  for (const c of [fromLd, fromMeta, itemprop, fromTime, dateFromUrl(pageUrl)]) {
    const iso = parseDate(c);
    if (iso) return iso;
  }
  return undefined;
}

/** "/2025/10/22/..." or "/2025-10-22/" in a URL path. */
export function dateFromUrl(url: string): string | undefined {
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(safePath(url));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

function meta(doc: Document, name: string): string | undefined {
  const el = doc.querySelector(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`);
  return el?.getAttribute('content')?.trim() || undefined;
}

/** Every JSON-LD object on the page, with @graph members flattened in. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      if ('@graph' in v) visit((v as Record<string, unknown>)['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse((s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
    } catch {
      // Malformed JSON-LD is common; the other sources still count.
    }
  }
  return out;
}

function ldPublisherName(ld: Record<string, unknown>[]): string | undefined {
  for (const o of ld) {
    const p = o['publisher'] as Record<string, unknown> | undefined;
    if (p && typeof p['name'] === 'string') return p['name'];
  }
  return undefined;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const resolved = new URL(href.trim(), base).href;
    return isHttpUrl(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
