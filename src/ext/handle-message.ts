import type { Verdict } from '../core/verdict.ts';
import { setBadge } from './badge.ts';
import { checkReadArticle } from './check-article.ts';
import { articleIdFor, readArticle } from '../library/page.ts';
import type { OriginalsDeps } from './originals.ts';
import type { LibraryService } from './library-service.ts';
import { ownExtension } from './messaging.ts';
import { dispatch, type CheckPageMessage, type ContentMessage, type Handlers, type Sender } from './protocol.ts';
import type { HtmlExtractor } from './html-extract.ts';
import { capArticle } from '../extract/cap-article.ts';
import { notArticleReason } from '../extract/types.ts';
import { getSettings, isExcludedHost } from './settings.ts';
import { getTabVerdict, saveTabVerdict } from './tab-verdicts.ts';
import { getTabPage, saveTabPage } from './page-store.ts';
import { shouldLookUp, startLookup } from './lookup-runner.ts';
import { openEvidence } from './notice-background.ts';

/** What the background's answers to its content scripts need. */
export interface ContentDeps {
  library: LibraryService;
  now?: () => Date;
  /** Fetching the originals behind feed items, and lookups; without it neither happens. */
  originals?: OriginalsDeps;
  /** Reads the article from a page's snapshot (`unspun/check-page`); without it such pages are not read. */
  extract?: HtmlExtractor;
}

/**
 * The background's answers to its content scripts. They come through the one sender check and
 * validator (`acceptMessage`): this extension's content script, in a tab, with a well-formed,
 * size-capped message about the page it runs in.
 */
export function contentHandlers(deps: ContentDeps): Handlers<'background', 'content'> {
  // The sender check admits a content script only with its tab.
  const check = (msg: ContentMessage, sender: Sender) => checkTabPage(msg, sender.tab!.id!, deps.library, deps.now ?? (() => new Date()), deps.originals);
  // The notice in the page asks for the evidence of its own tab only (the route checks the page).
  // A page's snapshot: its article is read here (Readability, the text rules), then checked as above.
  // The library's index loads (a restarted worker reads its snapshot) while the page is still being
  // taken, or read elsewhere (Chrome's offscreen document): the check then finds it ready.
  const loadIndex = () => void deps.library.index().catch(() => undefined);
  const checkPage = async (msg: CheckPageMessage, sender: Sender) => {
    loadIndex();
    return check(await readTabPage(msg, deps.extract), sender);
  };
  return {
    'unspun/check-article': check,
    'unspun/not-article': check,
    'unspun/check-page': checkPage,
    'unspun/open-evidence': (_req, sender) => openEvidence(sender.tab!.id!),
    'unspun/reading-page': async () => {
      loadIndex();
      return { ok: true as const };
    },
  };
}

/**
 * The article of a page's snapshot, as its content script would have sent it (capped), or why the
 * page is no article. Extraction errors are reported as such, never thrown: the tab still gets a verdict.
 */
export async function readTabPage(msg: CheckPageMessage, extract: HtmlExtractor | undefined): Promise<ContentMessage> {
  if (!extract) return { type: 'unspun/not-article', url: msg.url, reason: 'error: no DOM to read the page with' };
  const result = await extract(msg.html, msg.url, true).catch((e: unknown) => ({
    ok: false as const,
    reason: 'error' as const,
    detail: e instanceof Error ? e.message : String(e),
  }));
  if (!result.ok) return { type: 'unspun/not-article', url: msg.url, reason: notArticleReason(result.reason) };
  // The page's own address: a snapshot cannot speak for another page (the route checked `msg.url`).
  return { type: 'unspun/check-article', article: capArticle({ ...result.article, url: msg.url }) };
}

/**
 * Handles a message from a content script; anything else (a malformed message, another sender, a
 * message about another page) is ignored (undefined).
 */
export async function handleMessage(
  msg: unknown,
  sender: Sender,
  library: LibraryService,
  now = () => new Date(),
  originals?: OriginalsDeps,
  extract?: HtmlExtractor,
): Promise<Verdict | undefined> {
  const reply = dispatch('background', msg, sender, ownExtension(), contentHandlers({ library, now, originals, extract }));
  return reply as Promise<Verdict> | undefined;
}

/** Checks the page a content script read (or records that it is no article), then badges its tab. */
async function checkTabPage(parsed: ContentMessage, tabId: number, library: LibraryService, now: () => Date, originals?: OriginalsDeps): Promise<Verdict> {
  const pageUrl = parsed.type === 'unspun/check-article' ? parsed.article.url : parsed.url;
  const skip = await skipReason(pageUrl);
  let verdict: Verdict;
  try {
    verdict =
      parsed.type === 'unspun/not-article'
        ? { kind: 'not-article', reason: parsed.reason }
        : skip
          ? { kind: 'none', reason: skip }
          : // The article as the page sent it, split into sentences and fingerprinted here (`readArticle`).
            await checkReadArticle(readArticle(parsed.article), library, now(), originals);
  } catch (e) {
    console.error('Unspun: checking', pageUrl, 'failed:', e);
    verdict = { kind: 'none', reason: 'the check failed; see the extension console' };
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

/**
 * Checks a tab's page again from the article its content script last sent (kept in session storage),
 * as a reload would, without loading the page again: after the reader corrected a verdict, its badge,
 * its record and its notice follow at once. False when there is nothing to check again (no article
 * kept for the tab, or the tab shows another page now, or checking is paused or the site excluded).
 */
export async function recheckTab(tabId: number, library: LibraryService, now = () => new Date(), originals?: OriginalsDeps): Promise<boolean> {
  const [page, record] = await Promise.all([getTabPage(tabId), getTabVerdict(tabId)]);
  if (!page || !record || record.url !== page.article.url || (await skipReason(page.article.url))) return false;
  await checkTabPage(page, tabId, library, now, originals);
  return true;
}

/** Why a page must not be read: checking paused, or its site excluded by the user. */
export async function skipReason(url: string): Promise<string | undefined> {
  const settings = await getSettings();
  if (settings.paused) return 'checking is paused';
  if (isExcludedHost(new URL(url).hostname, settings.excludedSites)) return 'this site is excluded';
  return undefined;
}
