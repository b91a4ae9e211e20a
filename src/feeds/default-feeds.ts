import { registrableDomain } from '../core/site.ts';
import { sameAddress } from '../core/url.ts';

/** A publisher feed Unspun can poll. */
export interface FeedSource {
  /** Stable id (lower-case, dashes). */
  id: string;
  /** The outlet's name as readers know it; given to every item of the feed. */
  outlet: string;
  /** The RSS, Atom or JSON Feed URL. */
  url: string;
  /** Off until the user turns it on (and grants the host permission). */
  enabled: boolean;
  /**
   * Registrable domains where the feed's articles live, when not under the feed's own domain
   * (feeds.bbci.co.uk links to bbc.co.uk and bbc.com): Unspun needs to read them too.
   */
  articleSites?: string[];
}

/** BBC feeds link to both of the BBC's sites. */
const BBC = ['bbc.co.uk', 'bbc.com'];

/**
 * Public feeds of outlets that do original reporting: wires, broadcasters, national papers,
 * business and tech press. All off by default.
 *
 * These URLs were written from knowledge of the publishers' long-standing public feeds; they could
 * not be checked from the machine this list was written on, which has no network. A feed that has
 * moved shows its error on the options page. Reuters and the Associated Press publish no public
 * feed any more, so neither is listed. Edit freely: ids must stay unique.
 */
export const DEFAULT_FEEDS: readonly FeedSource[] = [
  // Wire
  feed('upi-top', 'UPI', 'https://rss.upi.com/news/top_news.rss'),
  // Broadcasters
  feed('bbc-top', 'BBC News', 'https://feeds.bbci.co.uk/news/rss.xml', BBC),
  feed('bbc-world', 'BBC News', 'https://feeds.bbci.co.uk/news/world/rss.xml', BBC),
  feed('bbc-business', 'BBC News', 'https://feeds.bbci.co.uk/news/business/rss.xml', BBC),
  feed('bbc-technology', 'BBC News', 'https://feeds.bbci.co.uk/news/technology/rss.xml', BBC),
  feed('npr-news', 'NPR', 'https://feeds.npr.org/1001/rss.xml'),
  feed('npr-world', 'NPR', 'https://feeds.npr.org/1004/rss.xml'),
  feed('cbs-news', 'CBS News', 'https://www.cbsnews.com/latest/rss/main'),
  feed('nbc-news', 'NBC News', 'https://feeds.nbcnews.com/nbcnews/public/news'),
  feed('cnn-top', 'CNN', 'http://rss.cnn.com/rss/edition.rss'),
  feed('fox-news', 'Fox News', 'https://moxie.foxnews.com/google-publisher/latest.xml'),
  feed('sky-news-world', 'Sky News', 'https://feeds.skynews.com/feeds/rss/world.xml', ['sky.com']),
  feed('al-jazeera', 'Al Jazeera', 'https://www.aljazeera.com/xml/rss/all.xml'),
  feed('dw-all', 'DW', 'https://rss.dw.com/rdf/rss-en-all'),
  feed('france24', 'France 24', 'https://www.france24.com/en/rss'),
  feed('cbc-top', 'CBC News', 'https://www.cbc.ca/webfeed/rss/rss-topstories'),
  // National papers
  feed('nyt-home', 'The New York Times', 'https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml'),
  feed('nyt-world', 'The New York Times', 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml'),
  feed('nyt-business', 'The New York Times', 'https://rss.nytimes.com/services/xml/rss/nyt/Business.xml'),
  feed('nyt-technology', 'The New York Times', 'https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml'),
  feed('guardian-world', 'The Guardian', 'https://www.theguardian.com/world/rss'),
  feed('guardian-us', 'The Guardian', 'https://www.theguardian.com/us-news/rss'),
  feed('guardian-business', 'The Guardian', 'https://www.theguardian.com/business/rss'),
  feed('guardian-technology', 'The Guardian', 'https://www.theguardian.com/technology/rss'),
  feed('wapo-world', 'The Washington Post', 'https://feeds.washingtonpost.com/rss/world'),
  feed('wapo-national', 'The Washington Post', 'https://feeds.washingtonpost.com/rss/national'),
  feed('wsj-world', 'The Wall Street Journal', 'https://feeds.a.dj.com/rss/RSSWorldNews.xml', ['wsj.com']),
  feed('latimes-world-nation', 'Los Angeles Times', 'https://www.latimes.com/world-nation/rss2.0.xml'),
  feed('independent-world', 'The Independent', 'https://www.independent.co.uk/news/world/rss'),
  feed('nypost', 'New York Post', 'https://nypost.com/feed/'),
  feed('times-of-india', 'The Times of India', 'https://timesofindia.indiatimes.com/rssfeedstopstories.cms'),
  feed('politico', 'Politico', 'https://rss.politico.com/politics-news.xml'),
  feed('axios', 'Axios', 'https://api.axios.com/feed/'),
  // Business press
  feed('cnbc-top', 'CNBC', 'https://www.cnbc.com/id/100003114/device/rss/rss.html'),
  feed('cnbc-world', 'CNBC', 'https://www.cnbc.com/id/100727362/device/rss/rss.html'),
  feed('cnbc-business', 'CNBC', 'https://www.cnbc.com/id/10001147/device/rss/rss.html'),
  feed('cnbc-technology', 'CNBC', 'https://www.cnbc.com/id/19854910/device/rss/rss.html'),
  feed('bloomberg-markets', 'Bloomberg', 'https://feeds.bloomberg.com/markets/news.rss'),
  feed('ft-world', 'Financial Times', 'https://www.ft.com/world?format=rss'),
  feed('business-insider', 'Business Insider', 'https://feeds.businessinsider.com/custom/all'),
  feed('economist-international', 'The Economist', 'https://www.economist.com/international/rss.xml'),
  // Tech press
  feed('ars-technica', 'Ars Technica', 'https://feeds.arstechnica.com/arstechnica/index'),
  feed('the-verge', 'The Verge', 'https://www.theverge.com/rss/index.xml'),
  feed('techcrunch', 'TechCrunch', 'https://techcrunch.com/feed/'),
  feed('wired', 'Wired', 'https://www.wired.com/feed/rss'),
  feed('engadget', 'Engadget', 'https://www.engadget.com/rss.xml'),
  feed('cnet-news', 'CNET', 'https://www.cnet.com/rss/news/'),
  feed('zdnet', 'ZDNET', 'https://www.zdnet.com/news/rss.xml'),
  feed('the-register', 'The Register', 'https://www.theregister.com/headlines.atom'),
];

function feed(id: string, outlet: string, url: string, articleSites?: string[]): FeedSource {
  return articleSites ? { id, outlet, url, enabled: false, articleSites } : { id, outlet, url, enabled: false };
}

/**
 * The feeds the first-run setup turns on at once: one each of a dozen major outlets, wire-like
 * broadcasters, papers, business and tech press.
 */
export const FEED_BUNDLE: readonly string[] = [
  'bbc-top',
  'npr-news',
  'cbs-news',
  'sky-news-world',
  'al-jazeera',
  'dw-all',
  'france24',
  'nyt-home',
  'guardian-world',
  'cnbc-top',
  'ars-technica',
];

/**
 * The host permissions a feed needs: its own host, and every host of the outlet's sites where its
 * articles live (the feed's registrable domain and its `articleSites`). Schemes are spelt out:
 * Firefox refuses a `*://` pattern that the manifest's optional `http://*\/*` and `https://*\/*`
 * do not literally declare. A subscription stored before `articleSites` existed gets the default
 * feed's (same URL).
 *
 * Sites are registrable domains by the Public Suffix List: a feed on `alice.github.io` asks for
 * `*.alice.github.io`, never `*.github.io` (every GitHub Pages site). A public suffix given as an
 * article site is left out, and a host with no registrable domain (an IP address, `localhost`)
 * gets its own host only.
 */
export function feedOrigins(f: Pick<FeedSource, 'url' | 'articleSites'>): string[] {
  const articleSites = f.articleSites ?? DEFAULT_FEEDS.find((d) => sameAddress(d.url, f.url))?.articleSites ?? [];
  const feedSite = hostOf(f.url);
  const sites = [feedSite ? registrableDomain(feedSite) : undefined, ...articleSites.map(siteOfName)].filter((s): s is string => !!s);
  const outlet = sites.flatMap((s) => [`http://*.${s}/*`, `https://*.${s}/*`]);
  return [...new Set([feedHostPattern(f.url), ...outlet].filter((o): o is string => !!o))];
}

/** The registrable domain of an article site as listed ("bbc.com", "www.bbc.com"); undefined for a public suffix. */
function siteOfName(site: string): string | undefined {
  const host = site.trim().toLowerCase().replace(/^\*\./, '');
  return registrableDomain(host) === host ? host : registrableDomain(host);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** Every origin pattern the feed bundle needs (feed hosts and article sites, http and https), sorted. */
export function bundleOrigins(feeds: readonly FeedSource[] = DEFAULT_FEEDS): string[] {
  const chosen = feeds.filter((f) => FEED_BUNDLE.includes(f.id));
  return [...new Set(chosen.flatMap(feedOrigins))].sort();
}

/**
 * The match pattern of the optional host permission a feed URL needs, e.g.
 * `https://feeds.bbci.co.uk/*` (match patterns take no port); undefined unless http(s).
 */
export function feedHostPattern(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
  return `${u.protocol}//${u.hostname}/*`;
}

/** The distinct host permission patterns of these feeds, sorted. */
export function feedHostPatterns(feeds: readonly Pick<FeedSource, 'url'>[]): string[] {
  return [...new Set(feeds.map((f) => feedHostPattern(f.url)).filter((p): p is string => !!p))].sort();
}
