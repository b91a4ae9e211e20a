import { hasVisibleText } from '../core/credit.ts';
import { hiddenByMarkup } from './boilerplate.ts';
import { INITIAL, declarationMap, judge, lengthPx, parseDeclarations, type Judgement, type Style, type TextState } from './visibility-rules.ts';

/**
 * What a reader can see. `removeHidden` drops from a clone of the page everything a sighted reader
 * is not shown, so that neither the article text nor its credit signals (links, attribution lines)
 * hold anything invisible: a copy cannot escape the warning with a credit nobody can see.
 *
 * Hidden means: hidden by the markup (`hidden`, `aria-hidden`, visually-hidden classes), inside a
 * closed `<details>`, not displayed, invisible (visibility, opacity ≈ 0, content-visibility), of no
 * size with its overflow clipped, moved far off the page (offsets, margins, translations), clipped
 * away (`clip`, `clip-path`), scaled to nothing, or, for the text itself, written in a font too
 * small to read, in a transparent colour, or indented out of its box.
 *
 * Where the DOM has layout (a browser tab) the browser's computed style says it, for inline styles
 * and style sheets alike, and the laid-out boxes say what is off the page. Without layout (linkedom
 * in the CLI, a parsed document in the background) the same rules are read from the inline styles
 * and from the page's own `<style>` sheets, by the cascade (a rule in a media query counts only if
 * it would show the element). Links then count only with something visible in them: text, or an
 * image of a real size.
 */

/** An element as browsers implement it: `checkVisibility` exists where there is layout. */
export type MaybeVisible = Element & {
  checkVisibility?: (options?: Record<string, boolean>) => boolean;
  getBoundingClientRect?: () => { left: number; top: number; right: number; bottom: number; width: number; height: number };
};

/**
 * What a reader sees of the live page, as `removeHidden` found it: so that the page itself can be
 * read again later (the credit around the story, `credit-nearby.ts`) without judging styles twice.
 */
export interface ShownPage {
  /** The shown elements of the live page, in document order. */
  elements: Element[];
  /** The place of each shown element of the live page in `elements`. An element not here is hidden (or not rendered). */
  numbers: Map<Element, number>;
  /** Text nodes of shown elements whose text does not show (transparent, too small, indented away). */
  hiddenText: Set<Node>;
  /** The links that show, with their text as a reader sees it (an image link: its image's name). */
  links: Map<Element, string>;
  /** For each text node of the clone, the live element it is in: Readability moves text nodes, it does not copy them. */
  textOwner: WeakMap<Node, Element>;
}

/**
 * The rules on declared styles (`visibility-markup.ts`): `read` a page's sheets once, `judge` an
 * element by its inline style and those sheets. Passed in where a DOM may lack layout, so that the
 * content script, which always has it, does not carry them.
 */
export interface MarkupStyles<S> {
  read(doc: Document): S;
  judge(el: Element, parent: TextState, sheets: S): Judgement;
}

/**
 * Removes from `clone` (a deep clone of `live`) every element and text a reader cannot see on `live`,
 * and says what it found (`ShownPage`).
 */
export function removeHidden<S>(live: Document, clone: Document, useLayout: boolean, markup?: MarkupStyles<S>): ShownPage {
  const shown: ShownPage = { elements: [], numbers: new Map(), hiddenText: new Set(), links: new Map(), textOwner: new WeakMap() };
  const liveRoot = live.body ?? live.documentElement;
  const cloneRoot = clone.body ?? clone.documentElement;
  if (!liveRoot || !cloneRoot) return shown;
  const { judge: judgeOf, layout } = visibilityJudge(live, useLayout, markup);
  const doomed: Node[] = [];
  const links: [Element, Element][] = [];
  const images = new Map<Element, Element>();
  const number = (x: Element, y: Element) => {
    shown.numbers.set(x, shown.elements.length);
    shown.elements.push(x);
    for (let b = y.firstChild, a = x.firstChild; b && a; b = b.nextSibling, a = a.nextSibling) {
      if (b.nodeType === 3 && a.nodeType === 3) shown.textOwner.set(b, x);
    }
  };
  const hideText = (x: Element, y: Element) => {
    for (const t of textChildren(y)) doomed.push(t);
    for (const t of textChildren(x)) shown.hiddenText.add(t);
  };

  const walk = (a: Element, b: Element, state: TextState) => {
    const as = a.children;
    const bs = b.children;
    // A clone has the same tree; if not (a page script changed it meanwhile), stop here.
    if (as.length !== bs.length) return;
    // A closed <details> shows its first <summary> and nothing else.
    const closedDetails = a.tagName === 'DETAILS' && !a.hasAttribute('open');
    const summary = closedDetails ? [...as].find((c) => c.tagName === 'SUMMARY') : undefined;
    if (closedDetails) hideText(a, b);
    for (let i = 0; i < as.length; i++) {
      const x = as[i]!;
      const y = bs[i]!;
      if (x.tagName !== y.tagName) return;
      if ((closedDetails && x !== summary) || hiddenByMarkup(x)) {
        doomed.push(y);
        continue;
      }
      if (NOT_RENDERED.has(x.tagName)) continue;
      const judged = judgeOf(x, state);
      if (dropped(x, judged)) {
        doomed.push(y);
        continue;
      }
      number(x, y);
      if (judged.textHidden) hideText(x, y);
      if (x.tagName === 'A') links.push([x, y]);
      else if (MEDIA.has(x.tagName)) images.set(y, x);
      walk(x, y, judged.state);
    }
  };
  const rootState = judgeOf(liveRoot, INITIAL).state;
  number(liveRoot, cloneRoot);
  walk(liveRoot, cloneRoot, rootState);
  for (const node of doomed) node.parentNode?.removeChild(node);
  // Every link here has only shown ancestors (the walk never enters what is hidden).
  for (const [x, y] of links) {
    if (keepIfVisible(y, images, layout)) shown.links.set(x, (y.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return shown;
}

/** Judges one element of a page against its parent's text state: what shows of it, and of its text. */
export type ElementJudge = (el: Element, parent: TextState) => Judgement;

/**
 * How `removeHidden` (and `snapshotPage`) judge the elements of `live`: by its computed styles and
 * boxes where it has layout and `useLayout` asks for them (`layout`), else by the markup rules when
 * given, else only markup-hidden elements go (the caller drops those itself).
 */
export function visibilityJudge<S>(live: Document, useLayout: boolean, markup?: MarkupStyles<S>): { judge: ElementJudge; layout: boolean } {
  const liveRoot = live.body ?? live.documentElement;
  const reader = useLayout && liveRoot && hasLayout(liveRoot as MaybeVisible) ? layoutReader(live) : undefined;
  if (reader) return { judge: (el, parent) => reader.judge(el as MaybeVisible, parent), layout: true };
  if (!markup) return { judge: (_el, parent) => ({ hidden: false, textHidden: false, state: parent }), layout: false };
  const sheets = markup.read(live);
  return { judge: (el, parent) => markup.judge(el, parent, sheets), layout: false };
}

/** Elements that are never rendered but carry data Readability reads. */
export const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'META', 'LINK', 'TITLE', 'HEAD', 'BR', 'WBR']);
/** Elements that show a picture. */
export const MEDIA = new Set(['IMG', 'SVG', 'PICTURE', 'VIDEO', 'CANVAS', 'OBJECT', 'EMBED', 'svg']);

const textChildren = (el: Element): Node[] => [...el.childNodes].filter((n) => n.nodeType === 3);

/** Text or a picture inside. */
const hasContent = (el: Element) => hasVisibleText(el.textContent ?? '') || !!el.querySelector('img, svg, picture, video, canvas, iframe, object, embed');

/**
 * Whether an element judged hidden goes, with all it holds. An element with nothing in it to see is
 * kept when a rule hides it: a rule like `height: 0` hides no content there, and the element may
 * still part paragraphs (an <hr>).
 */
export const dropped = (el: Element, judged: Judgement): boolean => judged.hidden && !(judged.byRule && !hasContent(el));

// ---------------------------------------------------------------------------------------------
// Links

/** Smallest width and height, in CSS pixels, of an image that shows something (a 1×1 pixel does not). */
const MIN_IMAGE_PX = 8;

/** Longest image description taken as a link's text: a name ("CNBC"), not a photo's caption. */
const MAX_IMAGE_NAME_CHARS = 60;

/**
 * A link stays a link only if a reader can see it: with visible text, or around an image of a real
 * size. Anything else (an empty link, one holding zero-width characters, one around a tracking
 * pixel) is unwrapped: its content stays, it links nowhere.
 *
 * An image link's text is the image's short description (its `alt`, else a title or label), so
 * that a logo linking to the original credits it as a text link does (an image without one links,
 * but credits nothing: there is no name to show for it). The description goes into
 * the link inside a `<figcaption>`: part of the link's text, left out of the article's paragraphs
 * (`blockTexts` skips captions), and short, so it barely weighs in Readability's link density.
 * Returns whether the link stays a link.
 */
function keepIfVisible(a: Element, images: ReadonlyMap<Element, Element>, layout: boolean): boolean {
  if (hasVisibleText(a.textContent ?? '')) return true;
  const shown = [...a.querySelectorAll('*')].filter((m) => images.has(m) && imageShows(images.get(m)!, layout));
  if (!shown.length) {
    a.replaceWith(...a.childNodes);
    return false;
  }
  const names = [
    a.getAttribute('aria-label'),
    a.getAttribute('title'),
    ...shown.flatMap((m) => [m.getAttribute('alt'), m.getAttribute('title'), m.getAttribute('aria-label')]),
  ];
  const name = names.map((n) => (n ?? '').replace(/\s+/g, ' ').trim()).find((n) => hasVisibleText(n) && n.length <= MAX_IMAGE_NAME_CHARS);
  if (!name) return true;
  const caption = a.ownerDocument.createElement('figcaption');
  caption.textContent = name;
  a.appendChild(caption);
  return true;
}

/** Whether a picture (on the live page) has a size a reader notices. */
function imageShows(live: Element, layout: boolean): boolean {
  if (layout) {
    const box = rectOf(live as MaybeVisible);
    if (box && (box.width > 0 || box.height > 0)) return box.width >= MIN_IMAGE_PX && box.height >= MIN_IMAGE_PX;
    // Not laid out yet (a lazy image still loading): judge by its declared size, as without layout.
  }
  const style = declarationMap(parseDeclarations(live.getAttribute('style') ?? ''));
  // A `width`/`height` attribute is a number of pixels; a style declaration is a length.
  const size = (attr: string) => {
    const declared = style.get(attr);
    if (declared) return lengthPx(declared, 16);
    const n = parseFloat(live.getAttribute(attr) ?? '');
    return Number.isFinite(n) && !/%/.test(live.getAttribute(attr) ?? '') ? n : undefined;
  };
  const w = size('width');
  const h = size('height');
  if ((w !== undefined && w < MIN_IMAGE_PX) || (h !== undefined && h < MIN_IMAGE_PX)) return false;
  if (live.tagName === 'IMG') return !!(live.getAttribute('src') || live.getAttribute('srcset'));
  return true;
}

// ---------------------------------------------------------------------------------------------
// With layout: computed styles

/** A document with layout: its body reports itself visible. A parsed, unrendered one does not. */
function hasLayout(body: MaybeVisible): boolean {
  try {
    return typeof body.checkVisibility === 'function' && body.checkVisibility() === true;
  } catch {
    return false;
  }
}

/** CSS property names as `CSSStyleDeclaration` keys ("font-size" → "fontSize"). */
const camelNames = new Map<string, string>();
const camel = (p: string) => {
  let name = camelNames.get(p);
  if (name === undefined) camelNames.set(p, (name = p.replace(/^-webkit-/, 'webkit-').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
  return name;
};

function layoutReader(doc: Document) {
  const view = doc.defaultView;
  const root = (doc.documentElement ?? doc.body) as MaybeVisible | null;
  // Boxes have real sizes only in a rendering browser (not in a DOM that merely computes styles).
  const box = root ? rectOf(root) : undefined;
  const geometry = !!box && box.width > 0;
  const judgeOne = (el: MaybeVisible, parent: TextState): Judgement => {
    try {
      if (el.checkVisibility && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) === false) {
        // `display: contents` has no box of its own, yet its children show.
        if (view?.getComputedStyle(el).display !== 'contents') return { hidden: true, textHidden: true, state: parent };
      }
      const computed = view?.getComputedStyle(el);
      if (!computed) return { hidden: false, textHidden: false, state: parent };
      const style = new ComputedStyle(computed);
      const judged = judge(style, el.tagName, parent, true);
      if (judged.hidden || !geometry) return judged;
      // Off the page by any other means (percentages, a transformed ancestor): its box is left of or above the page.
      const position = style.get('position');
      if ((position && position !== 'static') || (style.get('transform') ?? 'none') !== 'none') {
        const r = rectOf(el);
        const fixed = position === 'fixed';
        const sx = fixed ? 0 : (view?.scrollX ?? 0);
        const sy = fixed ? 0 : (view?.scrollY ?? 0);
        if (r && ((r.width > 0 && r.right + sx <= 0) || (r.height > 0 && r.bottom + sy <= 0))) return { ...judged, hidden: true, byRule: true };
      }
      return judged;
    } catch {
      return { hidden: false, textHidden: false, state: parent };
    }
  };
  return { judge: judgeOne };
}

/** Computed values, read as `CSSStyleDeclaration` keys. */
class ComputedStyle implements Style {
  constructor(private readonly computed: CSSStyleDeclaration) {}

  get(prop: string): string | undefined {
    const v = (this.computed as unknown as Record<string, unknown>)[camel(prop)];
    return typeof v === 'string' && v !== '' ? v : undefined;
  }
}

export function rectOf(el: MaybeVisible) {
  try {
    return typeof el.getBoundingClientRect === 'function' ? el.getBoundingClientRect() : undefined;
  } catch {
    return undefined;
  }
}
