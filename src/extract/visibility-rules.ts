/**
 * The rules that decide what shows, on any source of style values: computed styles (a browser
 * tab, `visibility.ts`) or declared ones (inline styles and the page's sheets, `visibility-markup.ts`).
 */

/** What is inherited down the tree that decides whether an element's own text shows. */
export interface TextState {
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

export const INITIAL: TextState = { fontPx: 16, colorAlpha: 1, clipText: false, indentAway: false };

export interface Judgement {
  /** The element and everything in it is hidden. */
  hidden: boolean;
  /** Hidden by one of the style rules of `judge` (not by `checkVisibility` or the markup). */
  byRule?: boolean;
  /** The element's own text (its text nodes) does not show. */
  textHidden: boolean;
  state: TextState;
}

/** Offsets (px) that put an element out of any page ("left: -9999px", "text-indent: -999em"). */
export const FAR_PX = 999;
/** Boxes this small (px) with their overflow clipped show nothing. */
export const NO_SIZE_PX = 1;
/** Text smaller than this (px) cannot be read. */
export const MIN_FONT_PX = 4;
/** Opacity and text alpha below this show nothing. */
export const MIN_ALPHA = 0.1;

/** Elements laid out inline by default: `height`, `width` and `overflow` do not apply to them. */
export const INLINE_TAGS = new Set(
  'a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark q s samp small span strong sub sup time tt u var'.split(' '),
);

/**
 * The rules that hide an element, on any source of style values: computed (`layout`, values
 * resolved to pixels, inherited properties inherited) or declared (inline and sheets, `layout`
 * false: relative units resolved against the inherited font size here).
 */
export function judge(style: Style, tag: string, parent: TextState, layout: boolean, link = false): Judgement {
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
export interface Style {
  get(prop: string): string | undefined;
}

/** A property's value, trimmed and lower case; undefined when unset. */
export function value(style: Style, prop: string): string | undefined {
  return style.get(prop)?.trim().toLowerCase() || undefined;
}

export const hiddenIn = (state: TextState): Judgement => ({ hidden: true, byRule: true, textHidden: true, state });

/** Whether text shows in this state. */
export const textHiddenBy = (s: TextState) => s.fontPx < MIN_FONT_PX || ((s.fillAlpha ?? s.colorAlpha) < MIN_ALPHA && !s.clipText) || s.indentAway;

export const isFloat = (v: string | undefined) => v === 'left' || v === 'right' || v === 'inline-start' || v === 'inline-end';

/** Of no height (or no width), its overflow clipped, no padding to show through. */
export function hasNoSize(style: Style, fontPx: number, layout: boolean): boolean {
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
export function overflowOf(shorthand: string | undefined, x: string | undefined, y: string | undefined): [string, string] {
  const [sx, sy] = (shorthand ?? 'visible').split(/\s+/);
  return [x ?? sx ?? 'visible', y ?? sy ?? sx ?? 'visible'];
}

/** The four sides of a `margin`/`padding` shorthand (top, right, bottom, left). */
export function boxSides(v: string | undefined): (string | undefined)[] {
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

export const FONT_KEYWORDS: Record<string, number> = {
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
export function fontSizePx(v: string | undefined, parentPx: number): number | undefined {
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
export function fontFromShorthand(v: string | undefined): string | undefined {
  if (!v) return undefined;
  for (const token of v.split(/\s+/)) {
    const size = token.split('/')[0]!;
    if (/^(?:\d+\.?\d*|\.\d+)(px|pt|pc|em|rem|ex|ch|%|vw|vh)$/.test(size) || (size === '0' && token.includes('/')) || Object.hasOwn(FONT_KEYWORDS, size))
      return size;
  }
  return undefined;
}

/** An `opacity` or alpha value (0.3, 30%). */
export function alphaValue(v: string | undefined): number | undefined {
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
export function indentIsFar(v: string | undefined, fontPx: number): boolean {
  if (!v) return false;
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))%/.exec(v);
  if (pct) return Math.abs(parseFloat(pct[1]!)) >= 100;
  const n = lengthPx(v.split(/\s+/)[0], fontPx);
  return n !== undefined && Math.abs(n) >= FAR_PX;
}

/** `clip: rect(…)` with no area left (top ≥ bottom or left ≥ right). */
export function clipsAll(v: string | undefined, fontPx: number): boolean {
  const m = /^rect\((.*)\)$/.exec(v ?? '');
  if (!m) return false;
  const [top, right, bottom, left] = m[1]!.split(/\s*,\s*|\s+/).map((s) => (s === 'auto' ? undefined : lengthPx(s, fontPx)));
  return (top !== undefined && bottom !== undefined && bottom <= top) || (left !== undefined && right !== undefined && right <= left);
}

/** `clip-path` that leaves nothing: inset(50%) or more, a circle or ellipse of no radius. */
export function clipPathHidesAll(v: string | undefined): boolean {
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
export function transformHides(v: string | undefined, fontPx: number, moves = true): boolean {
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
export const scaleHides = (v: string | undefined) =>
  !!v &&
  v !== 'none' &&
  v
    .split(/\s+/)
    .slice(0, 2)
    .some((s) => parseFloat(s) === 0);
/** The `translate` property far away. */
export const translateFar = (v: string | undefined, fontPx: number) =>
  !!v &&
  v !== 'none' &&
  v
    .split(/\s+/)
    .slice(0, 2)
    .some((s) => (lengthPx(s, fontPx) ?? 0) <= -FAR_PX);

export interface Declaration {
  prop: string;
  value: string;
  important: boolean;
}

/** Properties that can hide an element or its text, or undo that. */
export const RELEVANT = new Set(
  (
    'display visibility content-visibility opacity height max-height width max-width overflow overflow-x overflow-y ' +
    'padding padding-top padding-bottom padding-left padding-right position float left top right margin margin-left margin-top ' +
    'clip clip-path transform scale translate font font-size color -webkit-text-fill-color background background-image ' +
    'background-clip -webkit-background-clip text-indent'
  ).split(' '),
);

/** The declarations of a style attribute or rule body that matter here, lower case. */
export function parseDeclarations(text: string): Declaration[] {
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

export const declarationMap = (decls: Declaration[]) => new Map(decls.map((d) => [d.prop, d.value]));

/** Splits at `sep` outside parentheses, brackets and strings. */
export function splitTopLevel(text: string, sep: string): string[] {
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
