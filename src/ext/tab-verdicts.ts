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

/** storage.session where the browser has it (Chrome 102+, Firefox 115+), else storage.local. */
export function sessionArea() {
  return browser.storage.session ?? browser.storage.local;
}

export async function saveTabVerdict(tabId: number, value: TabVerdict): Promise<void> {
  await sessionArea().set({ [key(tabId)]: value });
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

export async function clearTabVerdict(tabId: number): Promise<void> {
  await sessionArea().remove(key(tabId));
}

/** Calls `onChange` with a tab's record whenever it changes (the background rewrites it as a check or lookup goes on); returns a function that stops. */
export function watchTabVerdict(tabId: number, onChange: (value: TabVerdict | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key(tabId) in changes) onChange(asTabVerdict(changes[key(tabId)]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
