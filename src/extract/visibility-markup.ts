import {
  FAR_PX,
  MIN_ALPHA,
  MIN_FONT_PX,
  NO_SIZE_PX,
  alphaOf,
  alphaValue,
  clipPathHidesAll,
  clipsAll,
  fontFromShorthand,
  fontSizePx,
  indentIsFar,
  isFloat,
  judge,
  lengthPx,
  parseDeclarations,
  scaleHides,
  splitTopLevel,
  textHiddenBy,
  transformHides,
  translateFar,
  type Declaration,
  type Judgement,
  type Style,
  type TextState,
} from './visibility-rules.ts';
import type { MarkupStyles } from './visibility.ts';

/**
 * Without layout (linkedom in the CLI, a parsed document in the background): what the page's inline
 * styles and `<style>` sheets hide, by the cascade. Kept apart from `visibility.ts` so that the content
 * script, which always has layout, does not carry it.
 */
export const markupStyles: MarkupStyles<StyleSheets | undefined> = { read: readStyleSheets, judge: judgeByMarkup };

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
