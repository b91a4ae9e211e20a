/**
 * Removes the site furniture that Readability keeps around an article: navigation, share bars,
 * "related" and "more stories" boxes, other posts, newsletter and subscription prompts, galleries
 * and figures, author boxes, tag lists. Works on the element Readability returns (a detached
 * clone), with markup only: tags, ARIA roles, class and id words, link density, permalinks. No
 * layout, so every DOM gives the same result.
 */

import { isAttributionLine } from '../core/credit.ts';

/** Roles that never hold article prose. */
const ROLES = new Set(['navigation', 'menu', 'menubar', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'toolbar', 'tablist']);

/**
 * Elements that never hold article prose (Readability keeps some when it falls back to the body).
 * A story's <footer> may hold its credit line; the others hold no credit for the story.
 */
const LISTING_TAGS = new Set(['nav', 'aside', 'menu', 'dialog', 'figure']);
const OTHER_TAGS = new Set(['footer']);

/**
 * Words in class or id names that mark furniture. A class is split into words at non-letters and
 * camel-case humps ("social-share", "relatedPosts", "newsletter_signup"); a word matches when it
 * starts with one of these.
 */
const FURNITURE_WORD =
  /^(share|sharing|sharebar|social|related|relacionad|recirc|recommend|newsletter|subscri|signup|promo|breadcrumb|byline|dateline|timestamp|comment|advert|sponsor|gallery|slideshow|carousel|trending|popular|toolbar|widget|masthead|sidebar|rail|bio|author|caption|tags|taglist|keywords|pagination|pager|cookie|consent|gdpr|paywall|meter|disclaimer|print|cta|outbrain|taboola|readmore|read-more|morestories|moreon|nav|menu|footer|header)/;

/**
 * Furniture that lists other pages (more stories, comments, menus): a mention of an outlet in it
 * is no credit, so nothing in it is kept. Other furniture (a footer, an author box, a share bar
 * under the story) may hold the story's attribution line, which is kept.
 */
const LISTING_WORD =
  /^(related|relacionad|recirc|recommend|trending|popular|gallery|slideshow|carousel|comment|newsletter|subscri|signup|promo|cta|outbrain|taboola|readmore|read-more|morestories|moreon|widget|sidebar|rail|nav|menu|breadcrumb|pagination|pager|tags|taglist|keywords)/;

/** Class words that mean "this is the article": an element so named is never removed for its name. */
const CONTENT_WORD = /^(article|body|content|entry|main|post|story|text|prose)$/;

/** Visually hidden helpers of common CSS frameworks: hidden on screen, in the browser and here. */
const HIDDEN_CLASS = /(^|\s)(hidden|hide|d-none|sr-only|screen-reader-text|visually-hidden|visuallyhidden|element-invisible|is-hidden|u-hidden)(\s|$)/i;

export interface CleanContext {
  /** Sites the page is on (its URL, canonical URL, og:url), to tell internal links from outside ones. */
  ownSites: ReadonlySet<string>;
  /** The page's own addresses, absolute: a permalink to any other address is another post's. */
  ownUrls: readonly string[];
  /** Resolves an href against the page (undefined for none or not http). */
  resolve: (href: string) => string | undefined;
  /** Turns an href into a site ("" when it has none). */
  siteOfHref: (href: string) => string;
}

/** Words of an element's class and id attributes, lower case. */
export function nameWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True for an element the markup itself hides from a sighted reader. */
export function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (/(^|;)(display:none|visibility:hidden|visibility:collapse)(;|!|$)/.test(style)) return true;
  if (/(^|;)(opacity:0|font-size:0|max-height:0|height:0;overflow:hidden)(;|!|$|px)/.test(style)) return true;
  return HIDDEN_CLASS.test(el.getAttribute('class') ?? '');
}

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** Text inside links, over all text, for an element. */
function linkDensity(el: Element): number {
  const total = textLength(el);
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textLength(a);
  return Math.min(1, linked / total);
}

export interface Furniture {
  /** It lists other pages: nothing in it is kept, not even an attribution line. */
  listing: boolean;
}

/** Whether an element is furniture by its markup, and of which sort. */
export function furniture(el: Element): Furniture | undefined {
  const tag = el.tagName.toLowerCase();
  if (LISTING_TAGS.has(tag)) return { listing: true };
  if (OTHER_TAGS.has(tag)) return { listing: false };
  const role = el.getAttribute('role')?.toLowerCase();
  if (role && ROLES.has(role)) return { listing: role !== 'contentinfo' };
  const words = nameWords(el);
  if (words.some((w) => CONTENT_WORD.test(w))) return undefined;
  const named = words.filter((w) => FURNITURE_WORD.test(w));
  return named.length ? { listing: named.some((w) => LISTING_WORD.test(w)) } : undefined;
}

/** Blocks that hold a line of text, where an attribution line would be. */
const LINE_BLOCKS = 'p, div, li, dd, address, blockquote, section';
const flat = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Moves the attribution lines ("Originally published by…", "Source: …", "© 2024 …") out of a
 * furniture element about to go, so that the credit a reader sees under the story survives.
 */
export function rescueAttribution(el: Element): void {
  const isLine = (x: Element) => !x.querySelector(LINE_BLOCKS);
  if (isLine(el)) {
    if (!isAttributionLine(flat(el))) return;
    const p = el.ownerDocument.createElement('p');
    p.append(...el.childNodes);
    el.before(p);
    return;
  }
  for (const line of el.querySelectorAll(LINE_BLOCKS)) {
    if (isLine(line) && isAttributionLine(flat(line))) el.before(line);
  }
}

/**
 * Removes furniture from `root` in place. An element is removed for its tag, role or name only
 * when it holds less than a third of the text (so a misnamed article container survives), and a
 * list of links only when it is mostly links to the page's own site (more stories, sections).
 */
export function removeFurniture(root: Element, ctx: CleanContext): void {
  const total = textLength(root);
  const visit = (el: Element) => {
    for (const child of [...el.children]) {
      if (hiddenByMarkup(child)) {
        child.remove();
        continue;
      }
      const kind = furniture(child);
      if (kind && textLength(child) < total / 3) {
        if (!kind.listing) rescueAttribution(child);
        child.remove();
        continue;
      }
      if (isInternalLinkList(child, ctx)) {
        child.remove();
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  removeOtherPosts(root, ctx, total);
}

/**
 * Blog and magazine themes list other posts under the story, each an <article> or list item with
 * its permalink (`rel=bookmark`). A block whose permalink is another address is another post.
 */
function removeOtherPosts(root: Element, ctx: CleanContext, total: number): void {
  const own = new Set(ctx.ownUrls.map(comparable));
  for (const a of root.querySelectorAll('a[rel~="bookmark"][href]')) {
    const href = ctx.resolve(a.getAttribute('href') ?? '');
    if (!href || own.has(comparable(href))) continue;
    const post = a.closest('article, li');
    if (post && post !== root && root.contains(post) && textLength(post) < total / 3) post.remove();
  }
}

const comparable = (url: string) => url.replace(/#.*$/, '').replace(/\/$/, '');

/** A list or box of links, most of them to the page's own site: more stories, sections, tags. */
function isInternalLinkList(el: Element, ctx: CleanContext): boolean {
  const tag = el.tagName.toLowerCase();
  if (!['ul', 'ol', 'dl', 'div', 'section', 'table'].includes(tag)) return false;
  const links = [...el.querySelectorAll('a[href]')];
  if (links.length < 3 || linkDensity(el) < 0.7) return false;
  const internal = links.filter((a) => {
    const site = ctx.siteOfHref(a.getAttribute('href') ?? '');
    return site === '' || ctx.ownSites.has(site);
  }).length;
  return internal / links.length >= 0.6;
}

/** Landmarks of a whole page: an element holding one wraps the page, not a story. */
const PAGE_LANDMARKS = 'main, [role="main"], [role="banner"], [role="contentinfo"]';

/** True for an element that wraps the whole page (its main content, banner or footer), such as a page-wide <article>. */
export function wrapsPage(el: Element): boolean {
  return !!el.querySelector(PAGE_LANDMARKS);
}

/**
 * Readability drops every <footer>, with the attribution line a story may carry in its own footer.
 * Run on the document before Readability: moves those lines out, just before their footer. Not
 * from the site's footer: one with the role of the page's footer, or in an <article> that wraps the page.
 */
export function rescueFooterAttribution(doc: Document): void {
  for (const footer of doc.querySelectorAll('article footer, [itemprop~="articleBody"] footer')) {
    const story = footer.closest('article, [itemprop~="articleBody"]');
    if (footer.getAttribute('role')?.toLowerCase() === 'contentinfo' || (story && wrapsPage(story))) continue;
    rescueAttribution(footer);
  }
}
