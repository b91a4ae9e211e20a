import { browser } from 'wxt/browser';
import type { VerdictKind } from '../core/verdict.ts';
import { inBrowserLanguage } from './local-text.ts';

interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** The toolbar badge for each verdict: loud for an uncredited rewrite, quiet for a credited copy. */
export function badgeFor(kind: VerdictKind): BadgeLook {
  switch (kind) {
    case 'uncredited-rewrite':
      return { text: '!', color: '#c5221f', title: inBrowserLanguage('badgeTitleUncredited') };
    case 'credited':
      return { text: '✓', color: '#5f6368', title: inBrowserLanguage('badgeTitleCredited') };
    case 'disputed':
      return { text: '?', color: '#b06000', title: inBrowserLanguage('badgeTitleDisputed') };
    case 'original':
      return { text: '', color: '#1a73e8', title: inBrowserLanguage('badgeTitleOriginal') };
    case 'none':
      return { text: '', color: '#5f6368', title: inBrowserLanguage('badgeTitleNone') };
    case 'not-article':
      return { text: '', color: '#5f6368', title: inBrowserLanguage('badgeTitleNotArticle') };
    default: {
      const never: never = kind;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}

/** Badge API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function setBadge(tabId: number, kind: VerdictKind): Promise<void> {
  const look = badgeFor(kind);
  const action = actionApi();
  await action.setBadgeText({ tabId, text: look.text });
  if (look.text) await action.setBadgeBackgroundColor({ tabId, color: look.color });
  await action.setTitle({ tabId, title: look.title });
  await setIcon(tabId, kind === 'uncredited-rewrite');
}

/** The icon sizes a toolbar shows (1x and 2x screens). */
export const ICON_SIZES = [16, 32] as const;
/** The manifest's icon, which every tab shows unless it has the alert icon. */
const DEFAULT_ICON = { 16: '/icon/16.png', 32: '/icon/32.png' };

/**
 * The tab's toolbar icon: for an uncredited rewrite, the alert icon (`alertIcon`: another shape and
 * colour than the usual red page, so the state shows even at 16 pixels and under the red badge);
 * the usual icon otherwise (a lookup or a new check may change a tab's verdict). Best effort: an icon
 * the browser refuses leaves the badge and title, which were set first.
 */
async function setIcon(tabId: number, alert: boolean): Promise<void> {
  try {
    if (!alert) return await actionApi().setIcon({ tabId, path: DEFAULT_ICON });
    const imageData = Object.fromEntries(ICON_SIZES.map((size) => [size, new ImageData(alertIcon(size), size, size)]));
    await actionApi().setIcon({ tabId, imageData });
  } catch (e) {
    console.warn('Unspun: could not set the toolbar icon', e);
  }
}

const AMBER = [251, 188, 4, 255];
const INK = [32, 33, 36, 255];

/**
 * The alert icon's pixels, RGBA, `size` × `size`: an amber warning triangle with a dark outline and
 * a dark "!", drawn at 4 × 4 samples a pixel (smooth edges, no image files, no canvas).
 */
export function alertIcon(size: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const c = alertSample((x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size);
          // premultiplied, so edges blend toward the colour, not toward black
          if (c) for (let k = 0; k < 4; k++) sum[k]! += k < 3 ? (c[k]! * c[3]!) / 255 : c[3]!;
        }
      }
      const a = sum[3]! / (n * n);
      const p = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) out[p + k] = a ? (sum[k]! / (n * n)) * (255 / a) : 0;
      out[p + 3] = a;
    }
  }
  return out;
}

/** One sample of the alert icon at (u, v) in [0, 1]²: its colour, or null outside it. */
function alertSample(u: number, v: number): readonly number[] | null {
  const top = 0.04;
  const base = 0.94;
  if (v < top || v > base) return null;
  // half the triangle's width at this height, and how far inside its slanted edges the point is
  const half = ((v - top) / (base - top)) * 0.49;
  const inside = half - Math.abs(u - 0.5);
  if (inside < 0) return null;
  const edge = 0.075; // the outline's thickness
  const slant = Math.sqrt(1 + (0.49 / (base - top)) ** 2); // horizontal distance per unit of distance to the edge
  if (inside < edge * slant || v > base - edge) return INK;
  const bar = Math.abs(u - 0.5) < 0.07;
  if (bar && ((v > 0.36 && v < 0.64) || (v > 0.72 && v < 0.84))) return INK;
  return AMBER;
}
