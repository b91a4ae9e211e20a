import { parseDate } from '../core/dates.ts';
import { htmlToText } from './html-text.ts';
import { parseMinutes, type RawFeed, type RawItem } from './raw-feed.ts';
import { baseOf, resolveHttpUrl } from './urls.ts';
import { child, childText, children, firstChildText, textOf, type XmlElement } from './xml-tree.ts';

const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

/**
 * Reads RSS 0.9x/2.0 (root `rss`) and RSS 0.90/1.0 (root `rdf:RDF`, items beside the channel).
 * Handles CDATA, HTML in titles and descriptions, `content:encoded`, `dc:date`, `media:description`,
 * `atom:link`, FeedBurner's `origLink`, permalink guids, `xml:base` and relative links.
 */
export function readRss(root: XmlElement, feedUrl: string): RawFeed {
  const rootBase = baseOf(root, feedUrl);
  const channel = child(root, 'channel');
  const base = baseOf(channel, rootBase);
  return {
    title: htmlToText(childText(channel, 'title') || childText(channel, 'dc:title')),
    siteUrl: resolveHttpUrl(childText(channel, 'link'), base) ?? alternateLink(channel, base),
    ttlMinutes: parseMinutes(childText(channel, 'ttl')) ?? syndicationMinutes(channel) ?? syndicationMinutes(root),
    items: [
      ...children(channel, 'item').map((item) => readItem(item, base)),
      // RSS 0.90 and 1.0 put the items beside the channel.
      ...children(root, 'item').map((item) => readItem(item, rootBase)),
    ],
  };
}

function readItem(item: XmlElement, parentBase: string): RawItem {
  const base = baseOf(item, parentBase);
  const guidEl = child(item, 'guid');
  const guid = childText(item, 'guid') || item.attrs['rdf:about'] || undefined;
  const permalinkGuid = guidEl && guidEl.attrs.isPermaLink?.trim().toLowerCase() !== 'false' ? childText(item, 'guid') : undefined;
  const link =
    resolveHttpUrl(childText(item, 'feedburner:origLink'), base) ??
    firstLink(item, base) ??
    alternateLink(item, base) ??
    resolveHttpUrl(permalinkGuid) ?? // a permalink guid must be absolute: "12345" is no link
    resolveHttpUrl(item.attrs['rdf:about']);
  const mediaGroup = child(item, 'media:group');
  const summaryHtml =
    firstChildText(item, ['description', 'content:encoded', 'media:description', 'dc:description']) || childText(mediaGroup, 'media:description');
  return {
    title: htmlToText(firstChildText(item, ['title', 'dc:title', 'media:title']) || childText(mediaGroup, 'media:title')),
    link,
    published: parseDate(firstChildText(item, ['pubDate', 'dc:date', 'atom:published', 'atom:updated', 'dcterms:issued', 'dcterms:modified'])),
    summary: htmlToText(summaryHtml),
    guid,
  };
}

/** The first `link` child that resolves to an http(s) URL. */
function firstLink(item: XmlElement, base: string): string | undefined {
  for (const l of children(item, 'link')) {
    const href = resolveHttpUrl(textOf(l).trim() || l.attrs['rdf:resource'], baseOf(l, base));
    if (href) return href;
  }
  return undefined;
}

/** The href of an `atom:link` with rel `alternate` (or none). */
function alternateLink(el: XmlElement | undefined, base: string): string | undefined {
  for (const l of children(el, 'atom:link')) {
    const rel = (l.attrs.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate') continue;
    const href = resolveHttpUrl(l.attrs.href, baseOf(l, base));
    if (href) return href;
  }
  return undefined;
}

/** The syndication module's `sy:updatePeriod` / `sy:updateFrequency` as minutes between updates. */
function syndicationMinutes(el: XmlElement | undefined): number | undefined {
  const period = PERIOD_MINUTES[childText(el, 'sy:updatePeriod').toLowerCase()];
  if (!period) return undefined;
  const freq = Number.parseInt(childText(el, 'sy:updateFrequency') || '1', 10);
  return parseMinutes(String(Math.max(1, Math.round(period / (freq > 0 ? freq : 1)))));
}
