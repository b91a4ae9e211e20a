import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintText } from '../src/core/fingerprint.ts';
import { siteOf } from '../src/core/site.ts';
import type { LibraryArticle } from '../src/library/article.ts';
import type { PageToCheck } from '../src/library/match.ts';

/** ../shared beside the repo (tests may read it; nothing from it is copied into the repo). */
export const SHARED = process.env.UNSPUN_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');

export function seedText(name: 'original-cnbc' | 'rewrite-content-farm'): string {
  return readFileSync(join(SHARED, 'seed', `${name}.txt`), 'utf8');
}

export function libraryArticle(id: string, url: string, body: string, extra: Partial<LibraryArticle> = {}): LibraryArticle {
  const { sentences, fingerprint } = fingerprintText(body);
  return { id, url, site: siteOf(url), title: id, firstSeen: '2025-01-01T00:00:00Z', source: 'read', sentences, fingerprint, ...extra };
}

export function pageToCheck(url: string, body: string, extra: Partial<PageToCheck> = {}): PageToCheck {
  const { sentences, fingerprint } = fingerprintText(body);
  const paragraphs = body.split(/\n+/);
  return {
    url,
    title: 'page',
    firstSeen: '2025-06-01T00:00:00Z',
    sentences,
    fingerprint,
    credit: { declaredSources: [], links: [], paragraphs },
    ...extra,
  };
}
