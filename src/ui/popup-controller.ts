import type { CorrectionRequest } from '../ext/protocol.ts';
import type { TabVerdict } from '../ext/tab-verdicts.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { renderPopup, type PopupUi } from './popup-view.ts';
import { ALL_HOSTS } from './engines.ts';
import { t } from './i18n.ts';

/** What the popup does itself besides what every extension page may (`UiHost`); its entrypoint hands it over. */
export interface PopupHost extends UiHost {
  /** Opens the library page (the options page). */
  openLibrary(): Promise<void>;
  /** Loads the tab again, so its content script reads the page anew. */
  reloadTab(tabId: number): Promise<void>;
  /** Whether the tab was open before Unspun was installed or updated and still waits for a reload to be checked. */
  needsReload(tabId: number): Promise<boolean>;
  /** Calls `onChange` whenever the settings change (on the library page, say); returns a function that stops. */
  watchSettings(onChange: () => void): () => void;
}

/** How often the tab's record is read again while the popup is open, in case a change went unannounced. */
const REREAD_MS = 2_000;
/** A page loaded again that brings no new record by then was not read (not a web page, say). */
const RECHECK_TIMEOUT_MS = 20_000;

/**
 * Shows a tab's verdict and keeps it live while the popup is open: the background rewrites the
 * tab's record as a check or a lookup goes on, the settings change as the reader pauses or excludes
 * a site, and every change is drawn again. Returns a function that stops listening.
 */
export async function mountPopup(root: HTMLElement, tabId: number | undefined, host: PopupHost): Promise<() => void> {
  let state: TabVerdict | undefined;
  let seen = '';
  const ui: PopupUi = {};
  const draw = () => renderPopup(root, state, ui);
  const say = (text: string, error = false) => {
    ui.said = { text, error };
    draw();
  };
  /** What the reader's last correction did, said again once the page has been checked again. */
  let corrected = '';

  /** Takes a record read or announced; draws only when it changed. */
  const take = (value: TabVerdict | undefined) => {
    const json = JSON.stringify(value ?? null);
    if (json === seen) return;
    const checkedAgain = !!value && value.checkedAt !== state?.checkedAt;
    seen = json;
    state = value;
    if (ui.recheckingSince && value && Date.parse(value.checkedAt) >= Date.parse(ui.recheckingSince)) {
      ui.recheckingSince = undefined;
      ui.said = { text: `${corrected ? `${corrected} ` : ''}${t('popupCheckedAgain', headlineOf(value))}` };
      corrected = '';
    }
    draw();
    // A new check may have added the page to the library.
    if (checkedAgain) void readLibraryCount();
  };

  const readSettings = async () => {
    const reply = await host.send({ type: 'unspun/settings-get' }).catch(() => undefined);
    if (reply?.ok) {
      ui.settings = reply.settings;
      draw();
    }
  };
  const readLibraryCount = async () => {
    // The figure the library page shows, from the same request, so the two always agree.
    const reply = await host.send({ type: 'unspun/storage-info' }).catch(() => undefined);
    if (reply?.ok) {
      ui.libraryArticles = reply.articles;
      draw();
    }
  };
  const readCorrections = async () => {
    const reply = await host.send({ type: 'unspun/corrections-list' }).catch(() => undefined);
    if (reply?.ok) {
      ui.trustedSites = reply.corrections.trustedSites.map((s) => s.site);
      draw();
    }
  };
  const saveSettings = async (settings: { paused?: boolean; excludedSites?: string[] }) => {
    const reply = await host.send({ type: 'unspun/settings-save', settings }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (reply.ok) ui.settings = reply.settings;
    return reply;
  };

  ui.onLookup = async () => {
    if (tabId === undefined || ui.pending) return;
    // First in the click handler (a user gesture): searching and reading candidates from any outlet
    // needs the all-hosts permission; granted already, this resolves at once without a prompt.
    const granted = await Promise.resolve()
      .then(() => host.requestHosts(ALL_HOSTS))
      .catch(() => false);
    if (!granted) {
      ui.error = t('popupLookupPermission');
      draw();
      return;
    }
    Object.assign(ui, { pending: true, requestedAt: new Date().toISOString(), error: undefined });
    draw();
    try {
      const reply = await host.send({ type: 'unspun/lookup', tabId });
      if (!reply.ok) ui.error = reply.error;
    } catch (e) {
      ui.error = e instanceof Error ? e.message : String(e);
    }
    ui.pending = false;
    draw();
  };

  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  ui.actions = {
    openLibrary: () => {
      host.openLibrary().catch((e: unknown) => say(t('popupOpenLibraryFailed', e instanceof Error ? e.message : String(e)), true));
    },
    setPaused: async (paused) => {
      const reply = await saveSettings({ paused });
      if (!reply.ok) return say(t(paused ? 'popupPauseFailed' : 'popupResumeFailed', reply.error), true);
      say(paused ? t('popupPausedSaid') : state ? t('popupResumedSaid') : t('popupResumedSaidCheck'));
    },
    excludeSite: async (site, exclude) => {
      const current = ui.settings?.excludedSites ?? [];
      const reply = await saveSettings({ excludedSites: exclude ? [...current, site] : current.filter((s) => s !== site) });
      if (!reply.ok) return say(t('popupExcludedSitesFailed', reply.error), true);
      const now = reply.settings.excludedSites.includes(site);
      if (now !== exclude) return say(t(exclude ? 'popupCannotExclude' : 'popupCannotInclude', site), true);
      say(exclude ? t('popupExcludedSaid', site) : t('popupIncludedSaid', site));
    },
    recheck: () => void reloadTab(t('popupReloading')),
    notDerived: (pair, outlet) =>
      void correct(
        { kind: 'not-derived', ...pair },
        true,
        t('popupNotDerivedDone', outlet),
        t('popupNotDerivedUndone', outlet),
        t('popupNotDerivedUndo', outlet),
      ),
    trustSite: (site, trust) => {
      const done = t('popupTrustDone', site);
      const undone = t('popupTrustUndone', site);
      const correction: CorrectionRequest = { kind: 'trusted-site', site };
      void (trust ? correct(correction, true, done, undone, t('popupTrustUndo', site)) : correct(correction, false, undone, done, t('popupUntrustUndo', site)));
    },
  };

  /** Loads the tab again so its content script reads the page anew; the new record ends the wait (`take`). */
  async function reloadTab(saying: string): Promise<void> {
    if (tabId === undefined || ui.recheckingSince) return;
    // A second's margin: the background stamps the new record with its own clock.
    ui.recheckingSince = new Date(Date.now() - 1000).toISOString();
    say(saying);
    try {
      await host.reloadTab(tabId);
    } catch (e) {
      ui.recheckingSince = undefined;
      corrected = '';
      return say(t('popupReloadFailed', e instanceof Error ? e.message : String(e)), true);
    }
    clearTimeout(recheckTimer);
    recheckTimer = setTimeout(() => {
      if (!ui.recheckingSince) return;
      ui.recheckingSince = undefined;
      corrected = '';
      say(t('popupNotReadAgain'), true);
    }, RECHECK_TIMEOUT_MS);
  }

  /**
   * "This is wrong", or taking it back (`add` false): the background stores it and checks the tab
   * again from the article it kept; if it kept none, the tab is loaded again. The status line says
   * what was done (`done`), then what the page is now; an Undo button (named `undoLabel`; none when
   * it is empty) does the opposite, saying `undone`.
   */
  async function correct(correction: CorrectionRequest, add: boolean, done: string, undone: string, undoLabel: string): Promise<void> {
    if (ui.recheckingSince) return;
    corrected = done;
    // Offered before the reply: the tab's new record may arrive (and be drawn) before it.
    ui.undo = undoLabel ? { label: undoLabel, run: () => void correct(correction, !add, undone, done, '') } : undefined;
    if (tabId !== undefined) ui.recheckingSince = new Date(Date.now() - 1000).toISOString();
    say(add ? t('popupSavingCorrection') : t('popupTakingBack'));
    const reply = await host
      .send({ type: add ? 'unspun/correction-add' : 'unspun/correction-remove', correction, ...(tabId === undefined ? {} : { tabId }) })
      .catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
    if (!reply.ok) {
      ui.recheckingSince = undefined;
      ui.undo = undefined;
      corrected = '';
      return say(t(add ? 'popupSaveCorrectionFailed' : 'popupUndoCorrectionFailed', reply.error), true);
    }
    ui.trustedSites = reply.corrections.trustedSites.map((s) => s.site);
    if (reply.rechecked) {
      // The new record may already have arrived (and `take` said so); else it says so when it does.
      if (ui.recheckingSince) say(`${done} ${t('popupCheckingAgain')}`);
      else draw();
      return;
    }
    ui.recheckingSince = undefined;
    if (tabId === undefined || !state || ui.settings?.paused) {
      corrected = '';
      return say(`${done} ${t('popupRespectedNextTime')}`);
    }
    await reloadTab(`${done} ${t('popupCheckingAgainLoading')}`);
  }

  // Listen first, then read: a change between the two is not missed.
  const unwatch = tabId === undefined ? () => {} : host.watchTabVerdict(tabId, take);
  const unwatchSettings = host.watchSettings(() => void readSettings());
  const reread = async () => {
    if (tabId === undefined) return;
    const [value, reload] = await Promise.all([host.tabVerdict(tabId).catch(() => state), host.needsReload(tabId).catch(() => false)]);
    if (reload !== !!ui.needsReload) {
      ui.needsReload = reload;
      draw();
    }
    take(value);
  };
  await Promise.all([reread(), readSettings(), readCorrections()]);
  void readLibraryCount();
  // The record is read again now and then: a change the storage event did not bring still shows.
  // A lookup cut short shows as such once it is stale, even if no change arrives.
  const tick = setInterval(() => {
    void reread();
    if (state?.lookup && state.lookup.phase !== 'done') draw();
  }, REREAD_MS);
  draw();
  root.dataset.ready = '1';
  return () => {
    unwatch();
    unwatchSettings();
    clearInterval(tick);
    clearTimeout(recheckTimer);
  };
}

/** A record's verdict in a few words, for the status line after a new check. */
function headlineOf(s: TabVerdict): string {
  switch (s.verdict.kind) {
    case 'uncredited-rewrite':
      return t('headlineUncredited');
    case 'credited':
      return t('headlineCredited');
    case 'disputed':
      return t('headlineDisputed');
    case 'original':
      return t('headlineOriginal');
    case 'none':
      return s.verdict.reason === 'checking is paused'
        ? t('headlineSkippedPaused')
        : s.verdict.reason === 'this site is excluded'
          ? t('headlineSkippedExcluded')
          : t('headlineNone');
    case 'not-article':
      return t('headlineNotArticle');
  }
}
