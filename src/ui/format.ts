import type { ArticleRef } from '../core/verdict.ts';

export const percent = (x: number) => `${Math.round(x * 100)}%`;

export function formatDate(iso: string | undefined): string {
  if (!iso) return 'date unknown';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'date unknown' : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "CNBC" or, lacking a name, the site ("cnbc.com"). */
export const outletOf = (ref: ArticleRef) => ref.siteName || ref.site;
