import { hasVisibleText } from '../core/credit.ts';
import { hiddenByMarkup } from './boilerplate.ts';

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
type MaybeVisible = Element & {
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
 * Removes from `clone` (a deep clone of `live`) every element and text a reader cannot see on `live`,
 * and says what it found (`ShownPage`).
 */
export function removeHidden(live: Document, clone: Document, useLayout: boolean): ShownPage {
  const shown: ShownPage = { elements: [], numbers: new Map(), hiddenText: new Set(), links: new Map(), textOwner: new WeakMap() };
  const liveRoot = live.body ?? live.documentElement;
  const cloneRoot = clone.body ?? clone.documentElement;
  if (!liveRoot || !cloneRoot) return shown;
  const layout = useLayout && hasLayout(liveRoot as MaybeVisible) ? layoutReader(live) : undefined;
  const sheets = layout ? undefined : readStyleSheets(live);
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

  const judgeOf = (el: Element, parent: TextState): Judgement => (layout ? layout.judge(el as MaybeVisible, parent) : judgeByMarkup(el, parent, sheets));

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
      // An element with nothing in it to see is kept when a rule hides it: a rule like `height: 0`
      // hides no content there, and the element may still part paragraphs (an <hr>).
      if (judged.hidden && !(judged.byRule && !hasContent(x))) {
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
  const rootState = layout ? layout.judge(liveRoot as MaybeVisible, INITIAL).state : judgeByMarkup(liveRoot, INITIAL, sheets).state;
  number(liveRoot, cloneRoot);
  walk(liveRoot, cloneRoot, rootState);
  for (const node of doomed) node.parentNode?.removeChild(node);
  // Every link here has only shown ancestors (the walk never enters what is hidden).
  for (const [x, y] of links) {
    if (keepIfVisible(y, images, layout !== undefined)) shown.links.set(x, (y.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  return shown;
}

/** Elements that are never rendered but carry data Readability reads. */
const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'META', 'LINK', 'TITLE', 'HEAD', 'BR', 'WBR']);
/** Elements that show a picture. */
const MEDIA = new Set(['IMG', 'SVG', 'PICTURE', 'VIDEO', 'CANVAS', 'OBJECT', 'EMBED', 'svg']);

const textChildren = (el: Element): Node[] => [...el.childNodes].filter((n) => n.nodeType === 3);

/** Text or a picture inside. */
const hasContent = (el: Element) => hasVisibleText(el.textContent ?? '') || !!el.querySelector('img, svg, picture, video, canvas, iframe, object, embed');

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
// The rules, for computed styles and declared ones alike

/** What is inherited down the tree that decides whether an element's own text shows. */
interface TextState {
  /** Font size in CSS pixels. */
  fontPx: number;
  /** Alpha of the text colour (`color`), and of `-webkit-text-fill-color` when set. */
  colorAlpha: number;
  fillAlpha?: number;
  /** An ancestor paints its background through its text (`background-clip: text`). */
  clipText: boolean;
  /** The block's text is indented out of sight. */
  indentAway: boolean;
}

const INITIAL: TextState = { fontPx: 16, colorAlpha: 1, clipText: false, indentAway: false };

interface Judgement {
  /** The element and everything in it is hidden. */
  hidden: boolean;
  /** Hidden by one of the style rules of `judge` (not by `checkVisibility` or the markup). */
  byRule?: boolean;
  /** The element's own text (its text nodes) does not show. */
  textHidden: boolean;
  state: TextState;
}

/** Offsets (px) that put an element out of any page ("left: -9999px", "text-indent: -999em"). */
const FAR_PX = 999;
/** Boxes this small (px) with their overflow clipped show nothing. */
const NO_SIZE_PX = 1;
/** Text smaller than this (px) cannot be read. */
const MIN_FONT_PX = 4;
/** Opacity and text alpha below this show nothing. */
const MIN_ALPHA = 0.1;

/** Elements laid out inline by default: `height`, `width` and `overflow` do not apply to them. */
const INLINE_TAGS = new Set('a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark q s samp small span strong sub sup time tt u var'.split(' '));

/**
 * The rules that hide an element, on any source of style values: computed (`layout`, values
 * resolved to pixels, inherited properties inherited) or declared (inline and sheets, `layout`
 * false: relative units resolved against the inherited font size here).
 */
function judge(style: Style, tag: string, parent: TextState, layout: boolean, link = false): Judgement {
  const display = value(style, 'display');
  if (display === 'none') return hiddenIn(parent);
  if (display === 'contents') return { hidden: false, textHidden: false, state: parent };
  const visibility = value(style, 'visibility');
  if (visibility === 'hidden' || visibility === 'collapse' || value(style, 'content-visibility') === 'hidden') return hiddenIn(parent);
  const opacity = alphaValue(value(style, 'opacity'));
  if (opacity !== undefined && opacity < MIN_ALPHA) return hiddenIn(parent);

  // Font size first: em lengths below are relative to it.
  const ownFont = layout
    ? parseFloat(value(style, 'font-size') ?? '')
    : fontSizePx(value(style, 'font-size') ?? fontFromShorthand(value(style, 'font')), parent.fontPx);
  const fontPx = ownFont !== undefined && Number.isFinite(ownFont) ? ownFont : parent.fontPx;
  const far = (v: string | undefined) => (lengthPx(v, fontPx) ?? 0) <= -FAR_PX;

  const position = value(style, 'position') ?? 'static';
  const positioned = position === 'absolute' || position === 'fixed';
  const inline = display
    ? display === 'inline' || display === 'ruby'
    : !layout && INLINE_TAGS.has(tag.toLowerCase()) && !positioned && !isFloat(value(style, 'float'));
  if (!inline && hasNoSize(style, fontPx, layout)) return hiddenIn(parent);
  if (position !== 'static' && (far(value(style, 'left')) || far(value(style, 'top')) || far(value(style, 'right')))) return hiddenIn(parent);
  const margin = boxSides(value(style, 'margin'));
  if (far(value(style, 'margin-left') ?? margin[3]) || (!inline && far(value(style, 'margin-top') ?? margin[0]))) return hiddenIn(parent);
  if (positioned && clipsAll(value(style, 'clip'), fontPx)) return hiddenIn(parent);
  // With layout, a translation is judged by where the box ends up (see `layoutReader`): a carousel's
  // track moved far left may still show its current slide.
  if (clipPathHidesAll(value(style, 'clip-path')) || transformHides(value(style, 'transform'), fontPx, !layout) || scaleHides(value(style, 'scale')))
    return hiddenIn(parent);
  if (!layout && translateFar(value(style, 'translate'), fontPx)) return hiddenIn(parent);

  // The element shows; does its own text?
  const state: TextState = { ...parent, fontPx };
  const colorAlpha = alphaOf(value(style, 'color'));
  const fill = value(style, '-webkit-text-fill-color');
  const fillAlpha = fill ? alphaOf(fill) : undefined;
  if (layout) {
    // Computed: inherited already, and the fill colour is the text colour unless set.
    state.colorAlpha = colorAlpha ?? 1;
    state.fillAlpha = fillAlpha;
  } else {
    // A link has the browser's own link colour, not its parent's, unless the page sets one.
    if (colorAlpha !== undefined) state.colorAlpha = colorAlpha;
    else if (link && value(style, 'color') === undefined) state.colorAlpha = 1;
    if (fillAlpha !== undefined) state.fillAlpha = fillAlpha;
  }
  const clip = value(style, 'background-clip') ?? value(style, '-webkit-background-clip');
  if (clip === 'text' && /gradient|url\(/.test(value(style, 'background-image') ?? value(style, 'background') ?? '')) state.clipText = true;
  if (!inline) {
    const indent = value(style, 'text-indent');
    if (indent !== undefined || layout) state.indentAway = indentIsFar(indent, fontPx);
  }
  return { hidden: false, textHidden: textHiddenBy(state), state };
}

/** A source of style values by CSS property name ("font-size"): computed or declared. */
interface Style {
  get(prop: string): string | undefined;
}

/** A property's value, trimmed and lower case; undefined when unset. */
function value(style: Style, prop: string): string | undefined {
  return style.get(prop)?.trim().toLowerCase() || undefined;
}

const hiddenIn = (state: TextState): Judgement => ({ hidden: true, byRule: true, textHidden: true, state });

/** Whether text shows in this state. */
const textHiddenBy = (s: TextState) => s.fontPx < MIN_FONT_PX || ((s.fillAlpha ?? s.colorAlpha) < MIN_ALPHA && !s.clipText) || s.indentAway;

const isFloat = (v: string | undefined) => v === 'left' || v === 'right' || v === 'inline-start' || v === 'inline-end';

/** Of no height (or no width), its overflow clipped, no padding to show through. */
function hasNoSize(style: Style, fontPx: number, layout: boolean): boolean {
  const [overflowX, overflowY] = overflowOf(value(style, 'overflow'), value(style, 'overflow-x'), value(style, 'overflow-y'));
  if (overflowX === 'visible' && overflowY === 'visible') return false;
  const tiny = (v: string | undefined) => v !== undefined && (lengthPx(v, fontPx) ?? Infinity) <= NO_SIZE_PX;
  const none = (v: string | undefined) => v === undefined || (lengthPx(v, fontPx) ?? Infinity) <= NO_SIZE_PX;
  const pad = boxSides(value(style, 'padding'));
  const noHeight =
    overflowY !== 'visible' &&
    (tiny(value(style, 'height')) || (!layout && tiny(value(style, 'max-height')))) &&
    none(value(style, 'padding-top') ?? pad[0]) &&
    none(value(style, 'padding-bottom') ?? pad[2]);
  const noWidth =
    overflowX !== 'visible' &&
    (tiny(value(style, 'width')) || (!layout && tiny(value(style, 'max-width')))) &&
    none(value(style, 'padding-left') ?? pad[3]) &&
    none(value(style, 'padding-right') ?? pad[1]);
  return noHeight || noWidth;
}

/** `overflow-x` and `overflow-y`, from the longhands or the shorthand ("hidden", "hidden visible"). */
function overflowOf(shorthand: string | undefined, x: string | undefined, y: string | undefined): [string, string] {
  const [sx, sy] = (shorthand ?? 'visible').split(/\s+/);
  return [x ?? sx ?? 'visible', y ?? sy ?? sx ?? 'visible'];
}

/** The four sides of a `margin`/`padding` shorthand (top, right, bottom, left). */
function boxSides(v: string | undefined): (string | undefined)[] {
  if (!v) return [undefined, undefined, undefined, undefined];
  const p = v.split(/\s+/);
  return [p[0], p[1] ?? p[0], p[2] ?? p[0], p[3] ?? p[1] ?? p[0]];
}

/** A length in CSS pixels; undefined for what is not a plain length (percentages, calc(), auto). */
export function lengthPx(v: string | undefined, fontPx: number): number | undefined {
  if (!v) return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|pt|pc|in|cm|mm|q|em|rem|ex|ch|vw|vh|vmin|vmax|svw|lvw|dvw|svh|lvh|dvh)?$/i.exec(
    v.trim().replace(/\s*!important$/i, ''),
  );
  if (!m) return undefined;
  const n = parseFloat(m[1]!);
  const unit = m[2]?.toLowerCase();
  if (!unit) return n === 0 ? 0 : undefined;
  const per: Record<string, number> = {
    px: 1,
    pt: 4 / 3,
    pc: 16,
    in: 96,
    cm: 96 / 2.54,
    mm: 96 / 25.4,
    q: 96 / 101.6,
    em: fontPx,
    rem: 16,
    ex: fontPx / 2,
    ch: fontPx / 2,
  };
  // Viewport units: a desktop window of 1280 × 800.
  const viewport = unit.endsWith('w') ? 12.8 : unit.endsWith('h') ? 8 : unit === 'vmin' ? 8 : unit === 'vmax' ? 12.8 : undefined;
  return n * (per[unit] ?? viewport ?? 1);
}

const FONT_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};

/** A declared `font-size` in pixels, relative to the parent's. */
function fontSizePx(v: string | undefined, parentPx: number): number | undefined {
  if (!v) return undefined;
  const s = v.replace(/\s*!important$/, '');
  if (Object.hasOwn(FONT_KEYWORDS, s)) return FONT_KEYWORDS[s];
  if (s === 'smaller') return parentPx / 1.2;
  if (s === 'larger') return parentPx * 1.2;
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/.exec(s);
  if (pct) return (parseFloat(pct[1]!) / 100) * parentPx;
  return lengthPx(s, parentPx);
}

/** The size in a `font` shorthand ("0/0 a", "italic bold 12px/30px Georgia"). */
function fontFromShorthand(v: string | undefined): string | undefined {
  if (!v) return undefined;
  for (const token of v.split(/\s+/)) {
    const size = token.split('/')[0]!;
    if (/^(?:\d+\.?\d*|\.\d+)(px|pt|pc|em|rem|ex|ch|%|vw|vh)$/.test(size) || (size === '0' && token.includes('/')) || Object.hasOwn(FONT_KEYWORDS, size))
      return size;
  }
  return undefined;
}

/** An `opacity` or alpha value (0.3, 30%). */
function alphaValue(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(v.replace(/\s*!important$/, ''));
  if (!m) return undefined;
  return parseFloat(m[1]!) / (m[2] ? 100 : 1);
}

/** The alpha of a CSS colour; undefined when it cannot tell (`inherit`, `currentcolor`, var()). */
export function alphaOf(color: string | undefined): number | undefined {
  if (!color) return undefined;
  const c = color
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (c === 'transparent') return 0;
  const hex = /^#([0-9a-f]{3,8})$/.exec(c);
  if (hex) {
    const h = hex[1]!;
    if (h.length === 4) return parseInt(h[3]! + h[3]!, 16) / 255;
    if (h.length === 8) return parseInt(h.slice(6), 16) / 255;
    return 1;
  }
  const fn = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\((.*)\)$/.exec(c);
  if (fn) {
    const inner = fn[1]!;
    if (inner.includes('var(')) return undefined;
    const slash = inner.lastIndexOf('/');
    if (slash >= 0) return alphaValue(inner.slice(slash + 1).trim()) ?? 1;
    const parts = inner.split(',');
    return parts.length === 4 ? (alphaValue(parts[3]!.trim()) ?? 1) : 1;
  }
  if (/^[a-z]+$/.test(c) && c !== 'inherit' && c !== 'currentcolor' && c !== 'initial' && c !== 'unset' && c !== 'revert') return 1;
  return undefined;
}

/** `text-indent` that puts the text out of sight ("-9999px", "-999em", "100%" with the text pushed out). */
function indentIsFar(v: string | undefined, fontPx: number): boolean {
  if (!v) return false;
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%/.exec(v);
  if (pct) return Math.abs(parseFloat(pct[1]!)) >= 100;
  const n = lengthPx(v.split(/\s+/)[0], fontPx);
  return n !== undefined && Math.abs(n) >= FAR_PX;
}

/** `clip: rect(…)` with no area left (top ≥ bottom or left ≥ right). */
function clipsAll(v: string | undefined, fontPx: number): boolean {
  const m = /^rect\((.*)\)$/.exec(v ?? '');
  if (!m) return false;
  const [top, right, bottom, left] = m[1]!.split(/\s*,\s*|\s+/).map((s) => (s === 'auto' ? undefined : lengthPx(s, fontPx)));
  return (top !== undefined && bottom !== undefined && bottom <= top) || (left !== undefined && right !== undefined && right <= left);
}

/** `clip-path` that leaves nothing: inset(50%) or more, a circle or ellipse of no radius. */
function clipPathHidesAll(v: string | undefined): boolean {
  if (!v) return false;
  const inset = /^inset\(([^)]*)\)/.exec(v);
  if (inset) {
    const sides = boxSides(inset[1]!.split(/\s+round\s+/)[0]!.trim());
    const pct = (s: string | undefined) => (s && /%$/.test(s) ? parseFloat(s) : 0);
    return pct(sides[0]) + pct(sides[2]) >= 100 || pct(sides[1]) + pct(sides[3]) >= 100;
  }
  return /^(circle|ellipse)\(\s*0(px|%)?[\s)]/.test(v) || /^ellipse\(\s*[^\s)]+\s+0(px|%)?[\s)]/.test(v);
}

/** `transform` that scales to nothing, or (`moves`) moves far away; computed values are matrices. */
function transformHides(v: string | undefined, fontPx: number, moves = true): boolean {
  if (!v || v === 'none') return false;
  const px = (s: string | undefined) => lengthPx(s, fontPx);
  for (const [, name, args] of v.matchAll(/([a-z0-9]+)\(([^)]*)\)/gi)) {
    const a = args!.split(/\s*,\s*|\s+/).filter(Boolean);
    const n = a.map((s) => parseFloat(s));
    switch (name!.toLowerCase()) {
      case 'matrix':
        if (Math.abs(n[0]! * n[3]! - n[1]! * n[2]!) < 1e-3 || (moves && (n[4]! <= -FAR_PX || n[5]! <= -FAR_PX))) return true;
        break;
      case 'matrix3d':
        if (Math.abs(n[0]! * n[5]! - n[1]! * n[4]!) < 1e-3 || (moves && (n[12]! <= -FAR_PX || n[13]! <= -FAR_PX))) return true;
        break;
      case 'scale':
      case 'scale3d':
        if (n[0] === 0 || (a.length > 1 && n[1] === 0)) return true;
        break;
      case 'scalex':
      case 'scaley':
        if (n[0] === 0) return true;
        break;
      case 'translate':
      case 'translate3d':
        if (moves && ((px(a[0]) ?? 0) <= -FAR_PX || (px(a[1]) ?? 0) <= -FAR_PX)) return true;
        break;
      case 'translatex':
      case 'translatey':
        if (moves && (px(a[0]) ?? 0) <= -FAR_PX) return true;
        break;
    }
  }
  return false;
}

/** The `scale` property at zero ("0", "0 1", "0%"). */
const scaleHides = (v: string | undefined) =>
  !!v &&
  v !== 'none' &&
  v
    .split(/\s+/)
    .slice(0, 2)
    .some((s) => parseFloat(s) === 0);
/** The `translate` property far away. */
const translateFar = (v: string | undefined, fontPx: number) =>
  !!v &&
  v !== 'none' &&
  v
    .split(/\s+/)
    .slice(0, 2)
    .some((s) => (lengthPx(s, fontPx) ?? 0) <= -FAR_PX);

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

function rectOf(el: MaybeVisible) {
  try {
    return typeof el.getBoundingClientRect === 'function' ? el.getBoundingClientRect() : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Without layout: inline styles and the page's <style> sheets

interface Declaration {
  prop: string;
  value: string;
  important: boolean;
}

/** Properties that can hide an element or its text, or undo that. */
const RELEVANT = new Set(
  (
    'display visibility content-visibility opacity height max-height width max-width overflow overflow-x overflow-y ' +
    'padding padding-top padding-bottom padding-left padding-right position float left top right margin margin-left margin-top ' +
    'clip clip-path transform scale translate font font-size color -webkit-text-fill-color background background-image ' +
    'background-clip -webkit-background-clip text-indent'
  ).split(' '),
);

/** The declarations of a style attribute or rule body that matter here, lower case. */
function parseDeclarations(text: string): Declaration[] {
  const out: Declaration[] = [];
  if (!text) return out;
  for (const part of splitTopLevel(text, ';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    if (!RELEVANT.has(prop)) continue;
    let value = part
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const important = /!\s*important\s*$/.test(value);
    if (important) value = value.replace(/\s*!\s*important\s*$/, '');
    if (value) out.push({ prop, value: value.replace(/\s+/g, ' '), important });
  }
  return out;
}

const declarationMap = (decls: Declaration[]) => new Map(decls.map((d) => [d.prop, d.value]));

/** Splits at `sep` outside parentheses, brackets and strings. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Would this value, alone, hide something? Resolution prefers values that do not. */
function hides(prop: string, value: string): boolean {
  const px = (v: string | undefined) => lengthPx(v, 16);
  const fontPx = 16;
  switch (prop) {
    case 'display':
      return value === 'none';
    case 'visibility':
      return value === 'hidden' || value === 'collapse';
    case 'content-visibility':
      return value === 'hidden';
    case 'opacity':
      return (alphaValue(value) ?? 1) < MIN_ALPHA;
    case 'height':
    case 'max-height':
    case 'width':
    case 'max-width':
      return (px(value) ?? Infinity) <= NO_SIZE_PX;
    case 'overflow':
    case 'overflow-x':
    case 'overflow-y':
      return value !== 'visible';
    case 'padding':
    case 'padding-top':
    case 'padding-bottom':
    case 'padding-left':
    case 'padding-right':
      return value.split(' ').every((v) => (px(v) ?? Infinity) <= NO_SIZE_PX);
    case 'position':
      return value !== 'static';
    case 'float':
      return isFloat(value);
    case 'left':
    case 'top':
    case 'right':
    case 'margin-left':
    case 'margin-top':
      return (px(value) ?? 0) <= -FAR_PX;
    case 'margin':
      return value.split(' ').some((v) => (px(v) ?? 0) <= -FAR_PX);
    case 'clip':
      return clipsAll(value, fontPx);
    case 'clip-path':
      return clipPathHidesAll(value);
    case 'transform':
      return transformHides(value, fontPx);
    case 'scale':
      return scaleHides(value);
    case 'translate':
      return translateFar(value, fontPx);
    case 'font':
    case 'font-size':
      return (fontSizePx(prop === 'font' ? fontFromShorthand(value) : value, 16) ?? 16) < MIN_FONT_PX;
    case 'color':
    case '-webkit-text-fill-color':
      return (alphaOf(value) ?? 1) < MIN_ALPHA;
    case 'background':
    case 'background-image':
    case 'background-clip':
    case '-webkit-background-clip':
      // What lets transparent text show through: its absence is the "hiding" value.
      return prop.endsWith('clip') ? value !== 'text' : !/gradient|url\(/.test(value);
    case 'text-indent':
      return indentIsFar(value, fontPx);
    default:
      return false;
  }
}

/** A declaration from a style sheet rule. */
interface RuleDeclaration extends Declaration {
  /** Inside a media query or feature query: it may not apply, so it can only show things, never hide them. */
  conditional: boolean;
  /** Position in the page's sheets. */
  order: number;
}

/** Most style sheet text read per page, and most rules kept. */
const MAX_CSS_CHARS = 2_000_000;
const MAX_RULES = 20_000;

/** Selectors that depend on state a page at rest does not have (hover, focus, checked), or name pseudo-elements. */
const DYNAMIC_SELECTOR =
  /::|:(hover|focus|focus-within|focus-visible|active|visited|link|any-link|target|checked|indeterminate|placeholder-shown|autofill|invalid|valid|user-invalid|user-valid|open|closed|popover-open|modal|fullscreen|playing|paused|defined|host|state|current|past|future|-webkit-|-moz-|-ms-)/i;

/**
 * The declarations of the page's `<style>` sheets that decide what shows, by property and by the key
 * of their selector's subject (see `subjectKey`). Selectors run only where needed: those of rules
 * that hide, on the elements that have their key; then, for an element they match, those of the
 * rules that set the properties in question. A selector run on many elements is run once over the
 * page instead (a selector is compiled on every `matches` call, a walk of the page costs a few).
 */
class StyleSheets {
  private readonly rules: { subjects: Subject[]; declarations: RuleDeclaration[] }[] = [];
  /** Rules by the properties they set, and the index of each property's rules by subject key, built when first asked. */
  private readonly rulesOf = new Map<string, number[]>();
  private readonly byProp = new Map<string, Map<string, Entry[]>>();
  private hiding?: Map<string, Entry[]>;
  private readonly matched = new Map<string, Set<Element>>();
  private readonly uses = new Map<string, number>();
  /** The classes and ids on the page: a rule that requires another can match nothing. */
  private readonly names = new Set<string>();

  constructor(private readonly doc: Document) {
    for (const el of doc.querySelectorAll('[class], [id]')) {
      const id = el.getAttribute('id');
      if (id) this.names.add(`#${id}`);
      for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) if (c) this.names.add(`.${c}`);
    }
  }

  get size(): number {
    return this.rules.length;
  }

  /** Adds a style rule: its selector list and its declarations. */
  add(subjects: Subject[], declarations: RuleDeclaration[]): void {
    if (this.rules.length >= MAX_RULES) return;
    const n = this.rules.push({ subjects, declarations }) - 1;
    for (const d of declarations) pushTo(this.rulesOf, d.prop, n);
  }

  /** The selectors of a selector list that may match on this page (none, mostly: a site's sheets style all its pages). */
  subjectsOf(selectors: string): Subject[] {
    const out: Subject[] = [];
    for (const part of splitTopLevel(selectors, ',')) {
      const selector = part.trim();
      if (selector && this.mayMatch(selector) && !DYNAMIC_SELECTOR.test(selector)) out.push({ selector, key: subjectKey(selector) });
    }
    return out;
  }

  private subjects(n: number): Subject[] {
    return this.rules[n]!.subjects;
  }

  /** False when the selector requires a class or id the page does not have (outside :not(…), :is(…) and the like). */
  private mayMatch(selector: string): boolean {
    const required = selector.replace(/\([^()]*(\([^()]*\)[^()]*)*\)|\[[^\]]*\]/g, '').match(/[.#](?:\\.|[^\s.#:[>+~(),])+/g) ?? [];
    return required.every((name) => this.names.has(name.replace(/\\(.)/g, '$1')));
  }

  private readonly specificities = new Map<string, number>();

  private specificity(selector: string): number {
    let n = this.specificities.get(selector);
    if (n === undefined) this.specificities.set(selector, (n = specificityOf(selector)));
    return n;
  }

  /** Whether `selector` matches `el` (false when this DOM cannot run it). */
  private test(el: Element, selector: string): boolean {
    const set = this.matched.get(selector);
    if (set) return set.has(el);
    const uses = (this.uses.get(selector) ?? 0) + 1;
    this.uses.set(selector, uses);
    try {
      if (uses <= MATCHES_BEFORE_QUERY) return el.matches(selector);
      const all = new Set(this.doc.querySelectorAll(selector));
      this.matched.set(selector, all);
      return all.has(el);
    } catch {
      this.matched.set(selector, new Set());
      return false;
    }
  }

  /** The properties that rules applying to `el` hide it or its text with. */
  hidingProps(el: Element, keys: string[]): string[] {
    if (!this.hiding) {
      this.hiding = new Map();
      for (const [prop, ns] of this.rulesOf) {
        if (!HIDING_ALONE.has(prop)) continue;
        for (const n of ns) {
          for (const declaration of this.rules[n]!.declarations) {
            if (declaration.prop !== prop || declaration.conditional || !hides(prop, declaration.value)) continue;
            for (const { selector, key } of this.subjects(n)) pushTo(this.hiding, key, { selector, declaration });
          }
        }
      }
    }
    if (!this.hiding.size) return [];
    const props: string[] = [];
    for (const key of keys) {
      for (const { selector, declaration } of this.hiding.get(key) ?? []) {
        if (!props.includes(declaration.prop) && this.test(el, selector)) props.push(declaration.prop);
      }
    }
    return props;
  }

  /** The declarations of `prop` in the rules that apply to `el`. */
  declarationsFor(el: Element, keys: string[], prop: string): Applied[] {
    let byKey = this.byProp.get(prop);
    if (!byKey) {
      byKey = new Map();
      for (const n of this.rulesOf.get(prop) ?? []) {
        for (const declaration of this.rules[n]!.declarations) {
          if (declaration.prop !== prop) continue;
          for (const { selector, key } of this.subjects(n)) pushTo(byKey, key, { selector, declaration });
        }
      }
      this.byProp.set(prop, byKey);
    }
    const found: Applied[] = [];
    for (const key of keys) {
      for (const { selector, declaration: d } of byKey.get(key) ?? []) {
        if (this.test(el, selector))
          found.push({
            value: d.value,
            important: d.important,
            inline: false,
            conditional: d.conditional,
            specificity: this.specificity(selector),
            order: d.order,
          });
      }
    }
    return found;
  }
}

interface Subject {
  selector: string;
  key: string;
}

interface Entry {
  selector: string;
  declaration: RuleDeclaration;
}

/** A declaration as it applies to an element, with what ranks it in the cascade. */
interface Applied {
  value: string;
  important: boolean;
  inline: boolean;
  /** Inside a media or feature query: it may not apply. */
  conditional: boolean;
  specificity: number;
  order: number;
}

/** `matches` calls for one selector before it is run over the whole page once instead. */
const MATCHES_BEFORE_QUERY = 3;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The keys an element's rules are found by: "*", its tag, its id, its classes, its attributes' names. */
function keysOf(el: Element): string[] {
  const keys = ['*', el.tagName.toLowerCase()];
  for (const attr of el.getAttributeNames?.() ?? []) {
    if (attr === 'id') keys.push(`#${el.getAttribute('id')}`);
    else if (attr === 'class') for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) if (c) keys.push(`.${c}`);
    if (attr !== 'style') keys.push(`[${attr.toLowerCase()}`);
  }
  return keys;
}

/** Properties whose value alone can hide an element or its text (the others only take part with them). */
const HIDING_ALONE = new Set([
  'display',
  'visibility',
  'content-visibility',
  'opacity',
  'height',
  'max-height',
  'width',
  'max-width',
  'left',
  'top',
  'right',
  'margin',
  'margin-left',
  'margin-top',
  'clip',
  'clip-path',
  'transform',
  'scale',
  'translate',
  'font',
  'font-size',
  'color',
  '-webkit-text-fill-color',
  'text-indent',
]);

/** The properties that decide, with a hiding one, whether it hides (its partners in the rules of `judge`). */
const PARTNERS: Record<string, string[]> = (() => {
  const layoutBox = ['display', 'position', 'float'];
  const height = ['height', 'max-height', 'overflow', 'overflow-y', 'padding', 'padding-top', 'padding-bottom', ...layoutBox];
  const width = ['width', 'max-width', 'overflow', 'overflow-x', 'padding', 'padding-left', 'padding-right', ...layoutBox];
  const offsets = ['left', 'top', 'right', 'position'];
  const margins = ['margin', 'margin-left', 'margin-top', ...layoutBox];
  const font = ['font', 'font-size'];
  const color = ['color', '-webkit-text-fill-color', 'background-clip', '-webkit-background-clip', 'background', 'background-image'];
  const indent = ['text-indent', ...layoutBox];
  return {
    height,
    'max-height': height,
    width,
    'max-width': width,
    left: offsets,
    top: offsets,
    right: offsets,
    margin: margins,
    'margin-left': margins,
    'margin-top': margins,
    clip: ['clip', 'position'],
    font,
    'font-size': font,
    color,
    '-webkit-text-fill-color': color,
    'text-indent': indent,
  };
})();

const partnersOf = (prop: string) => PARTNERS[prop] ?? [prop];

/** The key a rule is found by: the id, a class or the tag of its selector's subject (its last compound), else "*". */
function subjectKey(selector: string): string {
  const compounds = selector.split(/\s*[>+~]\s*|\s+(?![^[(]*[\])])/);
  const last = (compounds[compounds.length - 1] ?? '').replace(/\\(.)/g, '$1');
  // Only outside :not(…), :is(…) and attribute brackets.
  const plain = last.replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  const id = /#([^\s.#:[>+~]+)/.exec(plain);
  if (id) return `#${id[1]}`;
  const cls = /\.([^\s.#:[>+~]+)/.exec(plain);
  if (cls) return `.${cls[1]}`;
  const attr = /^[^(]*?\[\s*([\w-]+)/.exec(last.replace(/\([^)]*\)/g, ''));
  if (attr) return `[${attr[1]!.toLowerCase()}`;
  const tag = /^([a-z][a-z0-9-]*)/i.exec(plain);
  return tag ? tag[1]!.toLowerCase() : '*';
}

/** The page's own style sheets (`<style>` elements that apply on a screen), or undefined when it has none. */
function readStyleSheets(doc: Document): StyleSheets | undefined {
  const styles = [...doc.querySelectorAll('style')].filter((s) => !s.closest('template, noscript, svg'));
  if (!styles.length) return undefined;
  const sheets = new StyleSheets(doc);
  let budget = MAX_CSS_CHARS;
  for (const s of styles) {
    const media = (s.getAttribute('media') ?? '').trim().toLowerCase();
    if (media && !/^(all|screen)\b/.test(media) && !/\bscreen\b/.test(media)) continue;
    const text = (s.textContent ?? '').slice(0, budget);
    budget -= text.length;
    parseCss(text, !!media && !/^(all|screen)$/.test(media), sheets);
    if (budget <= 0) break;
  }
  return sheets.size ? sheets : undefined;
}

/** Reads style rules into `sheets`, inside @media, @supports and @layer blocks too, in one pass. */
function parseCss(css: string, conditional: boolean, sheets: StyleSheets): void {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const special = /[{};"'()\\]/g;
  /** Open blocks: a group of rules (@media …, with whether it may not apply), a style rule, or a block skipped whole. */
  const stack: { kind: 'group' | 'rule' | 'skip'; conditional: boolean; prelude: string; start: number }[] = [];
  let preludeStart = 0;
  let parens = 0;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const c = m[0];
    const at = m.index;
    if (c === '\\') {
      special.lastIndex = at + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let end = at;
      do end = text.indexOf(c, end + 1);
      while (end > 0 && text[end - 1] === '\\');
      if (end < 0) return;
      special.lastIndex = end + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      parens = Math.max(0, parens + (c === '(' ? 1 : -1));
      continue;
    }
    if (parens > 0) continue;
    const top = stack[stack.length - 1];
    const inGroup = top ? top.conditional : conditional;
    if (c === '{') {
      const prelude = text.slice(preludeStart, at).trim();
      if (top && top.kind !== 'group') stack.push({ kind: 'skip', conditional: inGroup, prelude, start: at + 1 });
      else if (prelude.startsWith('@')) {
        const [, name = '', condition = ''] = /^@([\w-]+)\s*([\s\S]*)$/.exec(prelude) ?? [];
        const group = /^(media|supports|layer|container|scope|document)$/i.test(name);
        const always = /^layer$/i.test(name) || (/^media$/i.test(name) && /^(all|screen)$/i.test(condition.trim()));
        stack.push({ kind: group ? 'group' : 'skip', conditional: inGroup || !always, prelude, start: at + 1 });
      } else stack.push({ kind: 'rule', conditional: inGroup, prelude, start: at + 1 });
      preludeStart = at + 1;
    } else if (c === '}') {
      const block = stack.pop();
      preludeStart = at + 1;
      if (block?.kind !== 'rule') continue;
      let body = text.slice(block.start, at);
      // Nested rules (CSS nesting) are not read; their parent's own declarations are.
      if (body.includes('{')) body = body.replace(/[^;{}]*\{[^{}]*\}/g, '');
      // Rules for elements this page does not have are passed over before their declarations are read.
      const subjects = sheets.subjectsOf(block.prelude);
      if (!subjects.length) continue;
      const declarations = parseDeclarations(body);
      if (declarations.length)
        sheets.add(
          subjects,
          declarations.map((d) => ({ ...d, conditional: block.conditional, order: sheets.size })),
        );
    } else if (c === ';' && (!top || top.kind === 'group')) {
      // The end of a statement (@import, @charset): the next rule's prelude starts after it.
      preludeStart = at + 1;
    }
  }
}

/**
 * The rules on declared styles: the element's inline style and the sheet rules that apply to it,
 * resolved by the cascade (see `resolve`). The sheets are read only for elements some rule may hide
 * (or whose inherited text is hidden), and only for the properties in question.
 */
function judgeByMarkup(el: Element, parent: TextState, sheets: StyleSheets | undefined): Judgement {
  const tag = el.tagName.toUpperCase();
  // Not rendered until opened, by markup alone.
  if ((tag === 'DIALOG' && !el.hasAttribute('open')) || el.hasAttribute('popover')) return { hidden: true, textHidden: true, state: parent };
  const styleAttr = el.getAttribute('style');
  const inline = styleAttr ? parseDeclarations(styleAttr) : [];
  // The sheets are read for the properties that may hide the element or its text, and their partners.
  let fromSheets: Set<string> | undefined;
  let keys: string[] = [];
  if (sheets) {
    keys = keysOf(el);
    const hiding = sheets.hidingProps(el, keys);
    for (const d of inline) if (hides(d.prop, d.value)) hiding.push(d.prop);
    if (parent.fontPx < MIN_FONT_PX) hiding.push('font-size');
    if (parent.colorAlpha < MIN_ALPHA || (parent.fillAlpha ?? 1) < MIN_ALPHA) hiding.push('color');
    if (parent.indentAway) hiding.push('text-indent');
    if (hiding.length) fromSheets = new Set(hiding.flatMap(partnersOf));
  }
  const link = tag === 'A' && el.hasAttribute('href');
  // Nothing declared that hides or sizes text, under a parent whose text shows: it shows as its parent.
  const quiet = !fromSheets && !textHiddenBy(parent) && (parent.fillAlpha ?? 1) >= MIN_ALPHA;
  if (quiet && !inline.some((d) => d.prop === 'font-size' || d.prop === 'font' || hides(d.prop, d.value))) {
    return { hidden: false, textHidden: false, state: parent };
  }
  // Nothing declared: the element shows, and its text as its parent's would (a link's colour is its own).
  if (!inline.length && !fromSheets && !(link && parent.colorAlpha < MIN_ALPHA)) return { hidden: false, textHidden: textHiddenBy(parent), state: parent };
  return judge(new DeclaredStyle(el, keys, inline, sheets, fromSheets), el.tagName, parent, false, link);
}

/** An element's declared style: its inline declarations and, for some properties, its sheets' (see `resolve`). */
class DeclaredStyle implements Style {
  private readonly resolved = new Map<string, string | undefined>();
  private readonly inline = new Map<string, Declaration[]>();

  constructor(
    private readonly el: Element,
    private readonly keys: string[],
    inline: Declaration[],
    private readonly sheets: StyleSheets | undefined,
    private readonly fromSheets: Set<string> | undefined,
  ) {
    for (const d of inline) pushTo(this.inline, d.prop, d);
  }

  get(prop: string): string | undefined {
    const own = this.inline.get(prop);
    const fromSheets = !!this.sheets && !!this.fromSheets?.has(prop);
    if (!fromSheets) return own && resolve(prop, own, []);
    if (this.resolved.has(prop)) return this.resolved.get(prop);
    const value = resolve(prop, own ?? [], this.sheets!.declarationsFor(this.el, this.keys, prop));
    this.resolved.set(prop, value);
    return value;
  }
}

/**
 * One property's value from its declarations, by the cascade: !important first, then the inline
 * style, then specificity, then the later one. A declaration inside a media or feature query may
 * not apply: one that would win and would show the element is taken (the page may show it on
 * this screen), one that would hide it is passed over.
 */
function resolve(prop: string, inline: Declaration[], sheet: Applied[]): string | undefined {
  if (!sheet.length && inline.length === 1) return inline[0]!.value;
  const all: Applied[] = [
    ...inline.map((d, i) => ({ value: d.value, important: d.important, inline: true, conditional: false, specificity: 0, order: i })),
    ...sheet,
  ];
  all.sort((a, b) => +b.important - +a.important || +b.inline - +a.inline || b.specificity - a.specificity || b.order - a.order);
  for (const d of all) {
    if (!d.conditional || !hides(prop, d.value)) return d.value;
  }
  return undefined;
}

/**
 * A selector's specificity as one number (ids, then classes, attributes and pseudo-classes, then
 * types); :is(), :not() and :has() count as their most specific argument, :where() as nothing.
 */
export function specificityOf(selector: string): number {
  let ids = 0;
  let classes = 0;
  let types = 0;
  let i = 0;
  let compoundStart = true;
  while (i < selector.length) {
    const c = selector[i]!;
    if (c === '\\') {
      i += 2;
      compoundStart = false;
      continue;
    }
    if (/[\s>+~,]/.test(c)) {
      compoundStart = true;
      i++;
      continue;
    }
    if (c === '#' || c === '.') {
      const m = /^[#.](?:\\.|[\w-]|[^\x00-\x7f])+/.exec(selector.slice(i));
      if (c === '#') ids++;
      else classes++;
      i += m ? m[0].length : 1;
    } else if (c === '[') {
      classes++;
      const end = selector.indexOf(']', i);
      i = end < 0 ? selector.length : end + 1;
    } else if (c === ':') {
      const m = /^::?([\w-]+)(\()?/.exec(selector.slice(i));
      const name = m?.[1]?.toLowerCase() ?? '';
      i += m ? m[0].length : 1;
      let args = '';
      if (m?.[2]) {
        let depth = 1;
        const start = i;
        while (i < selector.length && depth > 0) {
          if (selector[i] === '(') depth++;
          else if (selector[i] === ')') depth--;
          i++;
        }
        args = selector.slice(start, i - 1);
      }
      if (name === 'where') {
        // Adds nothing.
      } else if (name === 'is' || name === 'not' || name === 'has' || name === 'matches' || name.endsWith('-any')) {
        const best = Math.max(0, ...splitTopLevel(args, ',').map((a) => specificityOf(a.trim())));
        ids += Math.floor(best / 1e6);
        classes += Math.floor(best / 1e3) % 1e3;
        types += best % 1e3;
      } else classes++;
    } else if (compoundStart && /[a-z]/i.test(c)) {
      const m = /^[a-z][\w-]*/i.exec(selector.slice(i))!;
      types++;
      i += m[0].length;
    } else i++;
    compoundStart = false;
  }
  return Math.min(ids, 999) * 1e6 + Math.min(classes, 999) * 1e3 + Math.min(types, 999);
}
