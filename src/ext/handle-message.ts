import { browser, type Browser } from 'wxt/browser';
import type { Verdict } from '../core/verdict.ts';
import { setBadge } from './badge.ts';
import { articleIdFor, checkReadArticle } from './check-article.ts';
import type { OriginalsDeps } from './originals.ts';
import type { LibraryService } from './library-service.ts';
import { parseContentMessage } from './protocol.ts';
import { getSettings, isExcludedHost } from './settings.ts';
import { saveTabVerdict } from './tab-verdicts.ts';
import { saveTabPage } from './page-store.ts';
import { shouldLookUp, startLookup } from './lookup-runner.ts';

/** True for a message sent by this extension's own content script, in a tab. */
export function isOwnContentScript(sender: Browser.runtime.MessageSender): sender is Browser.runtime.MessageSender & {
  tab: Browser.tabs.Tab & { id: number };
} {
  return sender.id === browser.runtime.id && typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
}

/**
 * Handles a runtime message. Only this extension's content scripts are heard, with
 * well-formed, size-capped messages about the page they run in; anything else is ignored.
 */
export async function handleMessage(
  msg: unknown,
  sender: Browser.runtime.MessageSender,
  library: LibraryService,
  now = () => new Date(),
  originals?: OriginalsDeps,
): Promise<Verdict | undefined> {
  if (!isOwnContentScript(sender)) return undefined;
  const parsed = parseContentMessage(msg);
  if (!parsed) return undefined;
  const pageUrl = parsed.type === 'unspun/check-article' ? parsed.article.url : parsed.url;
  if (sender.url && stripHash(sender.url) !== stripHash(pageUrl)) return undefined;
  const tabId = sender.tab.id;
  const skip = await skipReason(pageUrl);
  let verdict: Verdict;
  try {
    verdict =
      parsed.type === 'unspun/not-article'
        ? { kind: 'not-article', score: 0, reason: parsed.reason }
        : skip
          ? { kind: 'none', score: 0, reason: skip }
          : await checkReadArticle(parsed, library, now(), originals);
  } catch (e) {
    console.error('Unspun: checking', pageUrl, 'failed:', e);
    verdict = { kind: 'none', score: 0, reason: 'the check failed; see the extension console' };
  }
  const index = await library.index().catch(() => null);
  await saveTabVerdict(tabId, {
    url: pageUrl,
    title: parsed.type === 'unspun/check-article' ? parsed.article.title : undefined,
    checkedAt: now().toISOString(),
    verdict,
    librarySize: index?.size ?? 0,
    articleId: parsed.type === 'unspun/check-article' ? articleIdFor(parsed.article.url, parsed.article.canonicalUrl) : undefined,
  });
  await setBadge(tabId, verdict.kind);
  if (parsed.type === 'unspun/check-article' && !skip) {
    await saveTabPage(tabId, parsed);
    // No known article explains the page: look for its original, if the user turned lookup on.
    if (originals && (await shouldLookUp(parsed, verdict, library))) void startLookup(tabId, library, originals, true);
  }
  return verdict;
}

const stripHash = (u: string) => u.split('#')[0];

/** Why a page must not be read: checking paused, or its site excluded by the user. */
export async function skipReason(url: string): Promise<string | undefined> {
  const settings = await getSettings();
  if (settings.paused) return 'checking is paused';
  if (isExcludedHost(new URL(url).hostname, settings.excludedSites)) return 'this site is excluded';
  return undefined;
}
