import { hiddenByMarkup } from './boilerplate.ts';

/** An element as browsers implement it: `checkVisibility` exists where there is layout. */
type MaybeVisible = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/**
 * Removes from `clone` (a deep clone of `live`) every element a reader cannot see on `live`:
 * hidden by its markup (`hidden`, `aria-hidden`, inline `display:none` or `visibility:hidden`,
 * visually-hidden helper classes), and, where the DOM has layout (a browser tab), hidden by the
 * page's style sheets. Without layout (linkedom, jsdom, a DOMParser document) only the markup
 * counts, so the same page gives the same result in every DOM that shows it the same way.
 */
export function removeHidden(live: Document, clone: Document, useLayout: boolean): void {
  const liveRoot = live.body ?? live.documentElement;
  const cloneRoot = clone.body ?? clone.documentElement;
  if (!liveRoot || !cloneRoot) return;
  const layout = useLayout && hasLayout(liveRoot as MaybeVisible);
  const doomed: Element[] = [];
  const walk = (a: Element, b: Element) => {
    const as = a.children;
    const bs = b.children;
    // A clone has the same tree; if not (a page script changed it meanwhile), stop here.
    if (as.length !== bs.length) return;
    for (let i = 0; i < as.length; i++) {
      const x = as[i]!;
      const y = bs[i]!;
      if (x.tagName !== y.tagName) return;
      if (hiddenByMarkup(x) || (layout && !visibleInLayout(x as MaybeVisible))) doomed.push(y);
      else walk(x, y);
    }
  };
  walk(liveRoot, cloneRoot);
  for (const el of doomed) el.remove();
}

/** A document with layout: its body reports itself visible. A parsed, unrendered one does not. */
function hasLayout(body: MaybeVisible): boolean {
  try {
    return typeof body.checkVisibility === 'function' && body.checkVisibility() === true;
  } catch {
    return false;
  }
}

/** Elements that are never rendered but carry data Readability reads. */
const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'META', 'LINK', 'TITLE', 'HEAD', 'BR', 'WBR']);

function visibleInLayout(el: MaybeVisible): boolean {
  if (NOT_RENDERED.has(el.tagName.toUpperCase())) return true;
  try {
    if (el.checkVisibility!({ visibilityProperty: true }) !== false) return true;
    // `display: contents` has no box of its own, yet its children show.
    const view = el.ownerDocument.defaultView;
    return view?.getComputedStyle(el).display === 'contents';
  } catch {
    return true;
  }
}
