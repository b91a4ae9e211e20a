/**
 * Credit a reader sees around the story, read from the page itself rather than from Readability's
 * output alone. Readability drops short blocks made mostly of links ("<div><p>Source: <a>CNBC</a></p></div>"
 * goes in its conditional cleaning), and it never keeps a credit line that sits in a block of its
 * own beside the story. So the credit lines of the story are collected from the page, as
 * `removeHidden` found it (only what shows: computed styles in the browser, inline and <style>
 * rules without layout; only links a reader can see, an image link by its image's name):
 *
 * - in the element that holds the story (the deepest holding most of the text Readability kept),
 * - in the rest of the story's own `<article>` (its header, its footer, the blocks after the body),
 * - and in the few blocks right before and after the story, up to two levels above it and never
 *   outside the page's `<main>`.
 *
 * A credit line is a short line (a line is the text between two block boundaries) with credit
 * wording: an attribution line ("Originally published by …", "Source: …", "© 2024 …", see
 * `isAttributionLine`) or wording that introduces a source ("Via", "Read the original at",
 * "Reporting by … for", "Credit:", "(c)"). Its links, and its text when it would pass the
 * paragraph rules, join the article's credit signals. Nothing is taken from the site's furniture:
 * menus, related and "more stories" lists, sidebars, comments, share bars, picture credits, other
 * posts, nor from a page header or footer outside the story, nor a notice naming the site itself
 * ("© 2024 Farm Daily"); a line linking more than three other sites, or a line in a list that links
 * four or more, is a list of outlets, not a credit. The walk visits at most `MAX_NODES` nodes,
 * without recursion, reads lines of at most `MAX_LINE_CHARS`, and takes at most `MAX_LINES` lines
 * and `MAX_LINKS` links.
 */

import { hasVisibleText, isAttributionLine } from '../core/credit.ts';
import { BLOCK, nextInDocument, SKIP, tagOf } from './blocks.ts';
import { furniture, nameWords, wrapsPage } from './boilerplate.ts';
import type { ArticleLink } from './types.ts';
import { filterParagraphs, isDateline, type ParagraphContext } from './text-rules.ts';
import type { ShownPage } from './visibility.ts';

/** Most nodes the walk visits, over all the blocks it reads. */
export const MAX_NODES = 20_000;
/** Longest line read, in characters: a credit line is short (`isAttributionLine` takes 25 words). */
export const MAX_LINE_CHARS = 400;
/** Most words of a credit line. */
const MAX_LINE_WORDS = 25;
/** Most levels above the story whose nearby blocks are read. */
const LEVELS_OUTSIDE = 2;
/** Blocks read before and after the story at each level outside it, and most nodes read in each. */
const NEAR_BEFORE = 2;
const NEAR_AFTER = 4;
const NEAR_NODES = 1_000;
/** A line linking more other sites than this is a list of outlets; so is a list linking `LIST_SITES` or more. */
const LINE_SITES = 3;
const LIST_SITES = 4;
/** Most lines and links taken. */
export const MAX_LINES = 8;
export const MAX_LINKS = 16;

/**
 * Wording that introduces a source, beyond the attribution lines of `isAttributionLine`, in the
 * languages of `core/credit.ts`: "Via CNBC", "Read the original at CNBC", "Reporting by Jane Doe for
 * CNBC", "Credit: CNBC", "(c) CNBC", "appeared first on CNBC". Not "according to": headlines say it.
 */
const CREDIT_WORDING = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:via|vía|cr[ée]dits?\\s*:|cr[ée]ditos?\\s*:|(?:additional )?reporting by|courtesy(?: of)?|h/t|hat tip' +
    '|(?:first )?appeared (?:first )?(?:on|in|at)|(?:read|see|view) (?:more|the (?:full|original|whole)(?: (?:article|story|report|post|piece))?|the (?:article|story|report|post|piece)) (?:at|on|in)' +
    '|continue reading (?:at|on)|\\(c\\)|with (?:the )?permission (?:of|from)|con informaci[óo]n de|com informa[çc][õo]es d[eoa]s?|mit material (?:von|der|des))(?![\\p{L}])',
  'iu',
);

/**
 * Class and id words of blocks whose lines credit no story: share bars ("Share via Twitter"),
 * picture credits ("Photo via AP"), what only prints.
 */
const NO_CREDIT_WORD = /^(share|sharing|sharebar|social|image|img|photo|picture|pic|video|caption|figure|print)/;

/** Class and id words of lists of other stories beyond those of `furniture` ("more-stories", "top-headlines", "latest"). */
const STORY_LIST_WORD = /^(more|stories|headlines|latest)$/;

/** Elements that hold phrasing content only: kept, they are kept whole. */
const KEPT_WHOLE = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True for a short line whose wording credits a source. */
export function isCreditLine(text: string): boolean {
  return words(text) <= MAX_LINE_WORDS && (isAttributionLine(text) || CREDIT_WORDING.test(text));
}

export interface NearbyContext extends ParagraphContext {
  /** Sites the page is on. */
  ownSites: ReadonlySet<string>;
  /** The page's own outlet name (og:site_name and the like). */
  siteName?: string;
  /** Resolves an href against the page (undefined for none or not http). */
  resolve: (href: string) => string | undefined;
  /** Turns an absolute URL into a site. */
  siteOf: (url: string) => string;
}

/** Credit found around the story: lines before it, lines after it (or in it), links. */
export interface NearbyCredit {
  before: string[];
  after: string[];
  links: ArticleLink[];
}

interface Line {
  text: string;
  long: boolean;
  links: Element[];
  /** Where the line's first visible text is. */
  host?: Element;
}

/**
 * The credit lines and links around the article Readability kept in `content` (made of the clone's
 * nodes), read from the live page as `removeHidden` saw it (`page`: only what shows). Lines and
 * links already in `paragraphs` and `links` are left out.
 */
export function creditNearArticle(
  page: ShownPage,
  content: Element,
  ctx: NearbyContext,
  have: { paragraphs: readonly string[]; links: readonly ArticleLink[] },
): NearbyCredit {
  const found: NearbyCredit = { before: [], after: [], links: [] };
  const text = keptText(page, content);
  if (!text.size) return found;
  const kept = [...text.keys()];
  // Numbers follow document order: the first and the last kept text span all of it.
  const num = (el: Element) => page.numbers.get(el) ?? 0;
  const first = kept.reduce((a, b) => (num(b) < num(a) ? b : a));
  const last = kept.reduce((a, b) => (num(b) > num(a) ? b : a));
  const container = storyCore(text, commonAncestor(first, last));
  // What leads to kept text is the story, whatever its name.
  const story = new Set<Element>();
  for (const el of kept) {
    if (!container.contains(el)) continue;
    for (let x: Element | null = el; x && !story.has(x); x = x === container ? null : x.parentElement) story.add(x);
  }
  const storyRoot = storyRootOf(container);

  const seenText = new Set(have.paragraphs.map(collapse));
  const seenLinks = new Set(have.links.map((l) => `${l.href} ${l.text}`));
  const listSites = new Map<Element, number>();
  const ownNames = ownOutletNames(ctx);
  const budget = { nodes: 0 };

  const otherSites = (links: readonly Element[]) => {
    const sites = new Set<string>();
    for (const a of links) {
      const href = ctx.resolve(a.getAttribute('href') ?? '');
      const site = href ? ctx.siteOf(href) : '';
      if (site && !ctx.ownSites.has(site)) sites.add(site);
    }
    return sites.size;
  };
  const inLinkList = (el: Element | undefined) => {
    const list = el?.closest('ul, ol, dl, menu, table');
    if (!list) return false;
    let n = listSites.get(list);
    if (n === undefined) listSites.set(list, (n = otherSites([...list.querySelectorAll('a[href]')].filter((a) => page.links.has(a)))));
    return n >= LIST_SITES;
  };

  const full = () => found.before.length + found.after.length >= MAX_LINES && found.links.length >= MAX_LINKS;
  const take = (line: Line) => {
    if (line.long) return;
    const text = collapse(line.text);
    // "First published on Nov 20, 2019" is a date, not a credit.
    if (!text || !isCreditLine(text) || isDateline(text)) return;
    const sites = otherSites(line.links);
    if (sites > LINE_SITES || inLinkList(line.host ?? line.links[0])) return;
    // The site's own notice ("© 2024 Farm Daily", "Source: Al Jazeera News" on Al Jazeera) credits no one else.
    if (!sites && ownNames.some((n) => n.test(text))) return;
    // In the page's order: a line before the story's first text goes before the story.
    const at = line.host ?? line.links[0];
    const lines = at && num(at) < num(first) ? found.before : found.after;
    if (!seenText.has(text) && found.before.length + found.after.length < MAX_LINES && filterParagraphs([text], ctx).length === 1) {
      // A line Readability kept inside a longer paragraph is there already.
      if (!have.paragraphs.some((p) => p.length > text.length && p.includes(text))) lines.push(text);
      seenText.add(text);
    }
    for (const a of line.links) {
      const href = ctx.resolve(a.getAttribute('href') ?? '');
      const linkText = page.links.get(a) ?? '';
      if (!href || !hasVisibleText(linkText) || found.links.length >= MAX_LINKS) continue;
      const key = `${href} ${linkText}`;
      if (seenLinks.has(key)) continue;
      seenLinks.add(key);
      found.links.push({ href, text: linkText });
    }
    // Nothing more would be taken: the walk ends here.
    if (full()) budget.nodes = MAX_NODES;
  };

  /**
   * Whether the walk skips `el`: a paragraph Readability kept (its text and links are in the
   * article already, and a <p> holds no blocks it could have dropped), furniture of the site,
   * another post, a page header or footer.
   */
  const skip = (el: Element): boolean => {
    if (story.has(el)) return text.has(el) && KEPT_WHOLE.has(el.tagName);
    if (!page.numbers.has(el)) return true;
    const tag = el.tagName.toLowerCase();
    const role = el.getAttribute('role')?.toLowerCase();
    if (tag === 'article' || role === 'article') return true;
    const kind = furniture(el);
    if (kind?.listing || nameWords(el).some((w) => NO_CREDIT_WORD.test(w) || STORY_LIST_WORD.test(w))) return true;
    // A footer, an author box, a header: the story's own may hold its credit line, the page's may not.
    const own = !!storyRoot && storyRoot.contains(el);
    return !own && (!!kind || tag === 'header' || tag === 'footer' || role === 'banner' || role === 'contentinfo');
  };

  walkLines(page, container, budget, skip, take);

  // Up from the story: all of its own <article>, then the nearest blocks, within <main>.
  let node = container;
  let outside = 0;
  while (node.parentElement && !isPageLevel(node) && budget.nodes < MAX_NODES) {
    const inStory = !!storyRoot && storyRoot !== node && storyRoot.contains(node);
    if (!inStory && ++outside > LEVELS_OUTSIDE) break;
    const before: Element[] = [];
    for (let x = node.previousElementSibling; x && (inStory || before.length < NEAR_BEFORE); x = x.previousElementSibling) before.unshift(x);
    const after: Element[] = [];
    for (let x = node.nextElementSibling; x && (inStory || after.length < NEAR_AFTER); x = x.nextElementSibling) after.push(x);
    // Outside the story, a credit block is small: a big block (a sidebar, a listing) is read no further than its start.
    const most = inStory ? MAX_NODES : NEAR_NODES;
    for (const x of before) if (!skip(x)) walkLines(page, x, budget, skip, take, most);
    for (const x of after) if (!skip(x)) walkLines(page, x, budget, skip, take, most);
    node = node.parentElement;
  }
  return found;
}

/** Ways a line may name the page's own outlet: its site name, the labels of its sites ("farmdaily" of farmdaily.net). */
function ownOutletNames(ctx: NearbyContext): RegExp[] {
  const labels = [...ctx.ownSites].map((site) => site.split('.')[0] ?? '').filter((l) => l.length >= 3);
  return [ctx.siteName?.trim(), ...labels]
    .filter((n): n is string => !!n && n.length >= 2)
    .map((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu'));
}

/**
 * The live elements whose text Readability kept in `content`, with how much of it. Readability
 * moves the clone's text nodes (`page.textOwner` knows where each was); when it parsed the page
 * again (a second attempt with other rules), its text nodes are new, and are found by their text.
 */
function keptText(page: ShownPage, content: Element): Map<Element, number> {
  const out = new Map<Element, number>();
  let byText: Map<string, Element> | undefined;
  // Every node in document order, without recursion.
  let n: Node | null = content.firstChild;
  while (n) {
    if (n.nodeType === 3) {
      const text = collapse(n.nodeValue ?? '');
      let owner = text ? page.textOwner.get(n) : undefined;
      if (text && !owner) {
        byText ??= textsOf(page);
        owner = byText.get(text);
      }
      if (owner) out.set(owner, (out.get(owner) ?? 0) + text.length);
    }
    if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== content && !n.nextSibling) n = n.parentNode;
    n = n && n !== content ? n.nextSibling : null;
  }
  return out;
}

/** The shown text of the live page, by its text: where each text is first. */
function textsOf(page: ShownPage): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const el of page.elements) {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 3 || page.hiddenText.has(n)) continue;
      const text = collapse(n.nodeValue ?? '');
      if (text && !out.has(text)) out.set(text, el);
    }
  }
  return out;
}

/** Share of the kept text the story's element holds. */
const CORE_SHARE = 0.8;
/** Most steps spent finding it (else the common ancestor of all the kept text is taken). */
const CORE_STEPS = 200_000;

/**
 * The element that holds the story: the deepest under `top` holding `CORE_SHARE` of the kept text,
 * so that a stray line Readability kept far off (a caption, a label) does not stretch the story
 * over the whole page.
 */
function storyCore(text: ReadonlyMap<Element, number>, top: Element): Element {
  let total = 0;
  let steps = 0;
  const sums = new Map<Element, number>();
  for (const [el, chars] of text) {
    total += chars;
    for (let x: Element | null = el; x && x !== top; x = x.parentElement) {
      if (++steps > CORE_STEPS) return top;
      sums.set(x, (sums.get(x) ?? 0) + chars);
    }
  }
  let core = top;
  for (let next = core.firstElementChild; next;) {
    if ((sums.get(next) ?? 0) >= CORE_SHARE * total) {
      core = next;
      next = core.firstElementChild;
    } else next = next.nextElementSibling;
  }
  return core;
}

function commonAncestor(a: Element, b: Element): Element {
  const up = new Set<Element>();
  for (let x: Element | null = a; x; x = x.parentElement) up.add(x);
  for (let x: Element | null = b; x; x = x.parentElement) if (up.has(x)) return x;
  return a;
}

/** The page itself, or its main content as a whole: what is around it is the site's. */
function isPageLevel(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return tag === 'body' || tag === 'html' || tag === 'main' || el.getAttribute('role')?.toLowerCase() === 'main';
}

/**
 * The story's own element: its <article> (else an element marked as an article or as the article
 * body), unless that holds the page's landmarks (a page wrapped in one <article>); else the
 * container itself, unless that is the whole page.
 */
function storyRootOf(container: Element): Element | undefined {
  const article = container.closest('article') ?? container.closest('[role="article"]') ?? container.closest('[itemprop~="articleBody"]');
  if (article && !wrapsPage(article)) return article;
  return isPageLevel(container) ? undefined : container;
}

/**
 * The lines under `root` (text between block boundaries, with the links in it) that show, in
 * document order, past what `skip` says; without recursion. Counts the nodes visited in `budget`
 * and stops at `MAX_NODES` in all, or after `most` nodes under `root`.
 */
function walkLines(
  page: ShownPage,
  root: Element,
  budget: { nodes: number },
  skip: (el: Element) => boolean,
  sink: (line: Line) => void,
  most = MAX_NODES,
): void {
  const stop = Math.min(MAX_NODES, budget.nodes + most);
  let line: Line = { text: '', long: false, links: [] };
  /** Ends the line at `at`. */
  const flush = (at: Node) => {
    if (!hasVisibleText(line.text) && !line.long) {
      // A link around blocks ("<a><p>Originally published by …</p></a>") goes with the text inside.
      line = { text: '', long: false, links: line.links.filter((a) => a.contains(at)) };
      return;
    }
    sink(line);
    line = { text: '', long: false, links: [] };
  };
  let node: Node | null = root.firstChild;
  while (node) {
    if (++budget.nodes > stop) break;
    let descend = false;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (!line.long && !page.hiddenText.has(node)) {
        if (line.text.length + value.length > MAX_LINE_CHARS) line.long = true;
        else {
          line.text += value;
          if (!line.host && hasVisibleText(value)) line.host = node.parentElement ?? undefined;
        }
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'br' || BLOCK.has(tag)) flush(el);
      if (tag !== 'br' && !SKIP.has(tag) && !skip(el)) {
        if (page.links.has(el)) line.links.push(el);
        descend = true;
      }
    }
    node = nextInDocument(node, root, descend, flush);
  }
  flush(root);
}
