import { browser } from 'wxt/browser';
import type { Verdict } from '../core/verdict.ts';
import { isVerdict } from '../core/verdict-shape.ts';
import type { LookupProgress } from '../lookup/progress.ts';

/** A tab's verdict, kept in session storage so a restarted MV3 service worker still answers the popup. */
export interface TabVerdict {
  url: string;
  title?: string;
  checkedAt: string;
  verdict: Verdict;
  librarySize: number;
  /** The library id of the page's article (to look up its original later). */
  articleId?: string;
  /** The last lookup for this page's original, live while it runs. */
  lookup?: LookupProgress;
}

const key = (tabId: number) => `verdict:${tabId}`;
const reloadKey = (tabId: number) => `reload:${tabId}`;

/**
 * A tab that was already open when Unspun was installed or updated and that Unspun could not check
 * where it was (see `src/ext/open-tabs.ts`): the popup should tell the reader to reload the page.
 * Kept beside the tab's verdict; the tab's next verdict (after a reload or a navigation) removes it.
 */
export interface TabReloadMark {
  /** When the tab was found unchecked. */
  markedAt: string;
  /** no-access: Unspun may not run its content script there (no host permission, or the page's address is hidden from it); injection-failed: it tried and the browser refused. */
  reason: 'no-access' | 'injection-failed';
  /** The page's address, when the browser shows it to Unspun. */
  url?: string;
}

/** storage.session where the browser has it (Chrome 102+, Firefox 115+), else storage.local. */
export function sessionArea() {
  return browser.storage.session ?? browser.storage.local;
}

export async function saveTabVerdict(tabId: number, value: TabVerdict): Promise<void> {
  await sessionArea().set({ [key(tabId)]: value });
  // The tab has been checked: it no longer needs a reload.
  await sessionArea().remove(reloadKey(tabId));
}

export async function markTabForReload(tabId: number, mark: TabReloadMark): Promise<void> {
  await sessionArea().set({ [reloadKey(tabId)]: mark });
}

/** The tab's reload mark, if it was open before Unspun started and has not been checked since. */
export async function getTabReloadMark(tabId: number): Promise<TabReloadMark | undefined> {
  const v: unknown = (await sessionArea().get(reloadKey(tabId)))[reloadKey(tabId)];
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const ok =
    typeof r.markedAt === 'string' && (r.reason === 'no-access' || r.reason === 'injection-failed') && (r.url === undefined || typeof r.url === 'string');
  return ok ? (v as TabReloadMark) : undefined;
}

export async function getTabVerdict(tabId: number): Promise<TabVerdict | undefined> {
  const got = await sessionArea().get(key(tabId));
  return asTabVerdict(got[key(tabId)]);
}

/**
 * A stored tab record, if it has the shape this version writes; else undefined (the tab reads as not
 * checked, and the next check writes it anew): a record of an older version or a corrupted one is
 * never shown half-read.
 */
export function asTabVerdict(v: unknown): TabVerdict | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const ok =
    typeof r.url === 'string' &&
    typeof r.checkedAt === 'string' &&
    typeof r.librarySize === 'number' &&
    isVerdict(r.verdict) &&
    (r.title === undefined || typeof r.title === 'string') &&
    (r.articleId === undefined || typeof r.articleId === 'string') &&
    (r.lookup === undefined || (typeof r.lookup === 'object' && r.lookup !== null));
  return ok ? (v as TabVerdict) : undefined;
}

/** Forgets everything kept for a tab (its verdict and its reload mark): the tab was closed. */
export async function clearTabVerdict(tabId: number): Promise<void> {
  await sessionArea().remove([key(tabId), reloadKey(tabId)]);
}

/** Calls `onChange` with a tab's record whenever it changes (the background rewrites it as a check or lookup goes on); returns a function that stops. */
export function watchTabVerdict(tabId: number, onChange: (value: TabVerdict | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key(tabId) in changes) onChange(asTabVerdict(changes[key(tabId)]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
