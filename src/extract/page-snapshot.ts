import { hiddenByMarkup } from './boilerplate.ts';
import { INITIAL, type TextState } from './visibility-rules.ts';
import { dropped, MEDIA, NOT_RENDERED, rectOf, visibilityJudge, type MarkupStyles, type MaybeVisible } from './visibility.ts';

/**
 * What a reader sees of a page, as HTML: the page's tree with everything hidden from a sighted
 * reader left out (the rules of `removeHidden`, judged on the live page with its layout), without
 * scripts, styles, form fields or frames. The content script takes it in short slices, giving the
 * page its thread back between them, and the background reads the article from it as from any
 * fetched page (`extractHtml`): Readability and the text rules never run in the page's thread, and
 * are not in the content script's bundle.
 *
 * Read back without layout, the snapshot shows what the live page showed: nothing in it is hidden
 * any more, inline styles are gone (but for pictures, whose declared size says whether they show),
 * and every picture carries the size it was laid out at, which decides whether a link around it
 * shows (`keepIfVisible`).
 */

export interface SnapshotOptions {
  /** Deeper nesting is refused (`too-complex`), as `extractArticle` refuses it. */
  maxDepth: number;
  /** More shown elements are refused (`too-large`), as Readability refuses them. */
  maxElements: number;
  /** The snapshot stops (closing what is open) once it holds this many characters. */
  maxChars: number;
  /** Longest stretch, in milliseconds, the walk holds the thread before `pause`. */
  sliceMs: number;
}

export const DEFAULT_SNAPSHOT: SnapshotOptions = { maxDepth: 200, maxElements: 60_000, maxChars: 2_000_000, sliceMs: 8 };

export type SnapshotResult =
  { ok: true; html: string; elements: number; truncated: boolean } | { ok: false; reason: 'too-complex' | 'too-large'; detail: string };

/** Never carried into the snapshot: code, styles, frames, embedded objects, form fields (what a reader typed stays in the page). */
const LEFT_OUT = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'CANVAS',
  'DIALOG',
]);
/** Elements without content or end tag. */
const VOID = new Set(['AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'SOURCE', 'TRACK', 'WBR']);
/** Pictures and players: carried as an empty element of their laid-out size (their insides are drawing, not text). */
const OPAQUE = new Set(['SVG', 'svg', 'VIDEO', 'AUDIO']);
/** Longest attribute value carried (besides links and sources): data blobs are no part of what a reader sees. */
const MAX_ATTRIBUTE_CHARS = 2_000;
/** Longest JSON-LD block carried: its dates and publisher are the page's own claims (`readMetadata`). */
const MAX_JSON_LD_CHARS = 100_000;

const escapeText = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (t: string) =>
  t
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;');

/** The attributes carried: none that runs code or styles an element (pictures keep their declared size). */
function attributes(el: Element, media: boolean): string {
  let out = '';
  for (const { name, value } of el.attributes) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || (lower === 'style' && !media) || !/^[a-z_:][-a-z0-9_:.]*$/.test(lower)) continue;
    if (value.length > MAX_ATTRIBUTE_CHARS && lower !== 'href' && lower !== 'src') continue;
    if (media && (lower === 'width' || lower === 'height')) continue;
    out += ` ${lower}="${escapeAttribute(value)}"`;
  }
  return out;
}

/** A picture's size as laid out (what decides whether a link around it shows), else as declared. */
function sizeAttributes(el: Element, layout: boolean): string {
  const box = layout ? rectOf(el as MaybeVisible) : undefined;
  if (box && (box.width > 0 || box.height > 0)) return ` width="${Math.round(box.width)}" height="${Math.round(box.height)}"`;
  const declared = (name: string) => {
    const v = el.getAttribute(name);
    return v !== null && v.length < 20 ? ` ${name}="${escapeAttribute(v)}"` : '';
  };
  return declared('width') + declared('height');
}

/** The page's head: its title and the metadata extraction reads (meta, link, JSON-LD); nothing else. */
function headOf(head: Element): string {
  let out = '<head>';
  for (const el of head.children) {
    if (el.tagName === 'TITLE') out += `<title>${escapeText(el.textContent ?? '')}</title>`;
    else if (el.tagName === 'META' || el.tagName === 'LINK') out += `<${el.tagName.toLowerCase()}${attributes(el, false)}>`;
    else if (isJsonLd(el)) out += jsonLd(el);
  }
  return out + '</head>';
}

const isJsonLd = (el: Element) => el.tagName === 'SCRIPT' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';

function jsonLd(el: Element): string {
  const text = el.textContent ?? '';
  // Raw text inside <script>: it must not be able to close the element early.
  if (text.length > MAX_JSON_LD_CHARS || /<\/script/i.test(text)) return '';
  return `<script type="application/ld+json">${text}</script>`;
}

interface Frame {
  el: Element | null;
  /** The document's own children, left to walk (in reverse), where siblings are not linked. */
  after?: Node[];
  tag: string;
  state: TextState;
  next: Node | null;
  /** Its own text does not show (transparent, too small, indented away). */
  textHidden: boolean;
  /** A closed <details>: only its first <summary> shows. */
  summary?: Element | null;
}

/**
 * Takes the snapshot of `doc` (see above). `useLayout`: judge by the live page's computed styles and
 * boxes (a browser tab); without layout, `markup` judges by the declared styles (tests, the CLI).
 * `pause` resolves when the thread may be taken again.
 */
export async function snapshotPage<S>(
  doc: Document,
  useLayout: boolean,
  markup: MarkupStyles<S> | undefined,
  pause: () => Promise<void>,
  options: Partial<SnapshotOptions> = {},
): Promise<SnapshotResult> {
  const opts = { ...DEFAULT_SNAPSHOT, ...options };
  if (!doc.documentElement) return { ok: true, html: '<!DOCTYPE html><html></html>', elements: 0, truncated: false };
  const { judge, layout } = visibilityJudge(doc, useLayout, markup);
  const out: string[] = [];
  let chars = 0;
  const emit = (s: string) => {
    out.push(s);
    chars += s.length;
  };
  emit('<!DOCTYPE html>');
  // The walk starts at the document: a parser may leave content beside <html> (linkedom does on broken pages).
  const top = [...doc.childNodes].reverse();
  const stack: Frame[] = [{ el: null, tag: '', state: INITIAL, next: top.pop() ?? null, textHidden: true, after: top }];
  let elements = 0;
  let truncated = false;
  let sliceStart = performance.now();
  let sinceCheck = 0;
  while (stack.length) {
    if (++sinceCheck >= 32) {
      sinceCheck = 0;
      if (performance.now() - sliceStart > opts.sliceMs) {
        // The page runs in between; a node it removes meanwhile ends its level of the walk early.
        await pause();
        sliceStart = performance.now();
      }
    }
    if (chars > opts.maxChars) {
      truncated = true;
      break;
    }
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      if (frame.tag) emit(`</${frame.tag}>`);
      continue;
    }
    frame.next = frame.after ? (frame.after.pop() ?? null) : node.nextSibling;
    if (node.nodeType === 3) {
      if (!frame.textHidden && frame.summary === undefined) emit(escapeText(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const x = node as Element;
    const tag = x.tagName;
    if (frame.summary !== undefined && x !== frame.summary) continue;
    if (tag === 'HEAD') {
      emit(headOf(x));
      continue;
    }
    if (tag === 'HTML') {
      emit(`<html${attributes(x, false)}>`);
      stack.push({ el: x, tag: 'html', state: INITIAL, next: x.firstChild, textHidden: false });
      continue;
    }
    if (hiddenByMarkup(x) && tag !== 'BODY') continue;
    if (tag === 'BR' || tag === 'WBR') {
      emit(`<${tag.toLowerCase()}>`);
      continue;
    }
    if (tag === 'META' || tag === 'LINK') {
      emit(`<${tag.toLowerCase()}${attributes(x, false)}>`);
      continue;
    }
    if (isJsonLd(x)) {
      emit(jsonLd(x));
      continue;
    }
    if (NOT_RENDERED.has(tag) || LEFT_OUT.has(tag)) continue;
    const judgement = judge(x, frame.state);
    // The body itself always shows (as in `removeHidden`); what it holds is judged.
    const judged = tag === 'BODY' ? { ...judgement, hidden: false } : judgement;
    if (dropped(x, judged)) continue;
    if (++elements > opts.maxElements) return { ok: false, reason: 'too-large', detail: `over ${opts.maxElements} elements shown` };
    const name = tag.toLowerCase();
    const media = MEDIA.has(tag);
    const open = `<${name}${attributes(x, media)}${media ? sizeAttributes(x, layout) : ''}>`;
    if (VOID.has(tag)) {
      emit(open);
      continue;
    }
    if (OPAQUE.has(tag)) {
      emit(`${open}</${name}>`);
      continue;
    }
    if (stack.length >= opts.maxDepth) return { ok: false, reason: 'too-complex', detail: `elements nested over ${opts.maxDepth} deep` };
    emit(open);
    const closedDetails = tag === 'DETAILS' && !x.hasAttribute('open');
    stack.push({
      el: x,
      tag: name,
      state: judged.state,
      next: x.firstChild,
      textHidden: judged.textHidden,
      summary: closedDetails ? ([...x.children].find((c) => c.tagName === 'SUMMARY') ?? null) : undefined,
    });
  }
  // Cut short: what is open is closed, so that the snapshot parses as the page did up to there.
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.tag) emit(`</${stack[i]!.tag}>`);
  return { ok: true, html: out.join(''), elements, truncated };
}
