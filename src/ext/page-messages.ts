import { browser } from 'wxt/browser';
import { addSubscription, getSubscriptions, removeSubscription, setFeedsEnabled } from './feed-subscriptions.ts';
import type { LibraryService } from './library-service.ts';
import type { LookupReply } from './lookup-runner.ts';
import { ownExtension } from './messaging.ts';
import { inBrowserLanguage, refInBrowserLanguage } from './local-text.ts';
import { markOnboardingDone } from './onboarding-state.ts';
import { PackTransfers } from './pack-transfer.ts';
import { dispatch, type CorrectionRequest, type Failed, type Handlers, type Sender } from './protocol.ts';
import { recheckTab } from './handle-message.ts';
import type { OriginalsDeps } from './originals.ts';
import { readCorrections, updateCorrections } from './corrections-store.ts';
import { withNotDerived, withoutCorrection, withTrustedSite, type Corrections } from '../library/corrections.ts';
import { getSettings, saveSettings } from './settings.ts';
import { storageEvents } from './storage-events.ts';

/** What the background's answers to its own pages need. */
export interface PageDeps {
  library: LibraryService;
  /** Polls the given feeds now. */
  poll?: (ids: string[]) => Promise<{ polled: string[]; newItems: number }>;
  /** Starts a lookup for the article in a tab. */
  lookup?: (tabId: number) => Promise<LookupReply>;
  /** Pack files in transit (one per background; see `PackTransfers`). */
  transfers?: PackTransfers;
  /** Fetching originals, for a tab checked again after a correction (as its content script's check would). */
  originals?: OriginalsDeps;
  now?: () => Date;
}

/** Transfers in progress into or out of a library, when the caller keeps none of its own. */
const transfersOf = new WeakMap<LibraryService, PackTransfers>();

/**
 * The background's answers to the extension's own pages (popup, library page, setup page): the
 * library, the settings and the feeds are changed here only, so one context owns them. A handler
 * that throws answers `{ ok: false, error }`.
 */
export function pageHandlers(deps: PageDeps): Handlers<'background', 'extension'> {
  const { library } = deps;
  const now = deps.now ?? (() => new Date());
  const transfers = deps.transfers ?? transfersOf.get(library) ?? new PackTransfers();
  transfersOf.set(library, transfers);
  return {
    'unspun/library-list': guard(async () => ({ ok: true, entries: await library.entries() })),
    'unspun/library-remove': guard(async (req) => {
      await library.remove(req.id);
      return { ok: true };
    }),
    'unspun/library-clear': guard(async () => {
      await library.clear();
      return { ok: true };
    }),
    'unspun/storage-info': guard(async () => {
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
      const [articles, feedItems, full, settings] = await Promise.all([
        library.articleCount(),
        library.store.countBySource('feed'),
        storageEvents.getValue(),
        getSettings(),
      ]);
      return {
        ok: true,
        articles,
        feedItems,
        full,
        maxArticles: settings.maxArticles,
        ...(estimate?.usage === undefined ? {} : { usage: estimate.usage }),
      };
    }),
    'unspun/forget-now': guard(async () => ({ ok: true, forgotten: await forgetOldReading(library, now()) })),
    'unspun/pack-import': guard(async (req) => {
      const received = transfers.receive(req.transfer, req.part, req.text, req.last);
      if (!received.ok) return received;
      if (received.text === undefined) return { ok: true, done: false };
      const result = await library.importPack(received.text, now());
      // The reply carries each reason as one string: given in the browser's language here.
      const { messages } = result;
      if (result.error) return { ok: false, error: refInBrowserLanguage(messages.error, result.error) };
      const skipped = result.skipped.map((s, i) => ({ line: s.line, reason: refInBrowserLanguage(messages.skipped[i], s.reason) }));
      const warning = result.warning && refInBrowserLanguage(messages.warning, result.warning);
      return { ok: true, done: true, imported: result.articles.length, skipped, ...(warning ? { warning } : {}) };
    }),
    'unspun/pack-export': guard(async (req) => {
      if (req.transfer !== undefined) return transfers.part(req.transfer, req.part);
      if (req.part !== 0) return { ok: false, error: inBrowserLanguage('errorPackExportFirstPart') };
      const { text, articles } = await library.exportPack(now());
      return transfers.part(transfers.offer(text, articles).transfer, 0);
    }),
    'unspun/settings-get': guard(async () => ({ ok: true, settings: await getSettings() })),
    'unspun/settings-save': guard(async (req) => ({ ok: true, settings: await saveSettings(req.settings) })),
    'unspun/feeds-list': guard(async () => ({ ok: true, feeds: await getSubscriptions() })),
    'unspun/feed-add': guard(async (req) => ({ ok: true, feed: await addSubscription(req.url.trim(), req.outlet) })),
    'unspun/feed-remove': guard(async (req) => {
      await removeSubscription(req.id);
      return { ok: true };
    }),
    'unspun/feeds-enable': guard(async (req) => ({ ok: true, ids: await setFeedsEnabled(req.ids, req.enabled) })),
    'unspun/feeds-poll': guard(async (req) => ({ ok: true, ...(deps.poll ? await deps.poll(req.ids) : { polled: [], newItems: 0 }) })),
    'unspun/lookup': guard(async (req) => {
      const reply = deps.lookup ? await deps.lookup(req.tabId) : { ok: false, error: inBrowserLanguage('errorLookupUnavailable') };
      return reply.ok ? { ok: true } : { ok: false, error: reply.error ?? inBrowserLanguage('errorLookupNotStarted') };
    }),
    'unspun/corrections-list': guard(async () => ({ ok: true, corrections: await readCorrections() })),
    // A correction changes what the tab's page is: the tab is checked again at once, so its badge,
    // its record (the popup) and its notice follow; a tab with no article kept is left to the popup,
    // which loads it again.
    'unspun/correction-add': guard(async (req) => {
      const corrections = await updateCorrections((c) => withCorrection(c, req.correction, now().toISOString()));
      const rechecked = req.tabId === undefined ? false : await recheckTab(req.tabId, library, now, deps.originals);
      return { ok: true, corrections, rechecked };
    }),
    'unspun/correction-remove': guard(async (req) => {
      const c = req.correction;
      const corrections = await updateCorrections((x) =>
        withoutCorrection(x, c.kind === 'trusted-site' ? { site: c.site } : { page: c.page, original: c.original }),
      );
      const rechecked = req.tabId === undefined ? false : await recheckTab(req.tabId, library, now, deps.originals);
      return { ok: true, corrections, rechecked };
    }),
    'unspun/onboarding-done': guard(async () => {
      await markOnboardingDone();
      return { ok: true };
    }),
    'unspun/open-onboarding': guard(async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
      return { ok: true };
    }),
  };
}

/** The corrections with one more (`at` is when the reader said so). */
function withCorrection(c: Corrections, r: CorrectionRequest, at: string): Corrections {
  if (r.kind === 'trusted-site') return withTrustedSite(c, { site: r.site, at });
  const { kind: _kind, ...pair } = r;
  return withNotDerived(c, { ...pair, at });
}

/** A handler whose failure is an answer the page can show, not a rejected promise. */
function guard<Req, Rep>(handle: (req: Req, sender: Sender) => Promise<Rep>): (req: Req, sender: Sender) => Promise<Rep | Failed> {
  return async (req, sender) => {
    try {
      return await handle(req, sender);
    } catch (e) {
      console.warn('Unspun: a page request failed:', e instanceof Error ? e.message : e);
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}

/**
 * Handles a request from one of the extension's pages, through the one sender check and validator;
 * anything else (a content script's message, another extension's) is ignored (undefined).
 */
export function handlePageRequest(msg: unknown, sender: Sender, deps: PageDeps): Promise<unknown> | undefined {
  return dispatch('background', msg, sender, ownExtension(), pageHandlers(deps));
}

/** Applies the "forget reading history older than N days" setting and the feed items' lifetime. */
export async function forgetOldReading(library: LibraryService, now: Date): Promise<number> {
  const { forgetReadAfterDays, feedItemDays, maxArticles } = await getSettings();
  await library.expireFeedItems(new Date(now.getTime() - feedItemDays * DAY));
  const forgotten = forgetReadAfterDays ? await library.forgetReadBefore(new Date(now.getTime() - forgetReadAfterDays * DAY)) : 0;
  // Then the size limit: the oldest feed items make room first.
  return forgotten + (await library.keepWithin(maxArticles));
}

const DAY = 86_400_000;
