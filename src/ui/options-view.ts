import type { CorrectionRequest, LibraryEntry } from '../ext/protocol.ts';
import type { Corrections } from '../library/corrections.ts';
import type { Settings } from '../ext/settings-schema.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { el } from './dom.ts';
import { formatDate } from './format.ts';
import { t, type MessageKey } from './i18n.ts';
import { inView, LIBRARY_VIEWS, searchLibrary, viewLabel, whatItIs, type LibraryView } from './library-search.ts';
import { lookupSection } from './lookup-view.ts';
import { packsSection } from './packs-view.ts';
import { sourcesSection } from './sources-view.ts';

/** Entries listed at once; the search narrows the rest. */
const SHOWN = 200;

type Say = (text: string, error?: boolean) => void;

/** The library page: privacy controls, the searchable library, storage figures. Everything it shows or changes goes through the background. */
export async function mountOptions(root: HTMLElement, host: UiHost): Promise<void> {
  const status = el('p', { class: 'status', data: { role: 'status' } });
  status.setAttribute('role', 'status');
  const say: Say = (text, error = false) => {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  };
  const settings = await host.send({ type: 'unspun/settings-get' });
  const listed = await host.send({ type: 'unspun/library-list' });
  if (!settings.ok || !listed.ok) throw new Error(t('optionsReadFailed', !settings.ok ? settings.error : !listed.ok ? listed.error : ''));
  const entries: LibraryEntry[] = listed.entries;
  const list = el('ul', { class: 'entries', data: { role: 'library' } });
  const count = el('p', { class: 'muted' });
  const search = el('input');
  search.type = 'search';
  search.placeholder = t('optionsSearchPlaceholder');
  search.setAttribute('aria-label', t('optionsSearchLabel'));
  const view = el('select', { data: { role: 'library-view' } });
  view.setAttribute('aria-label', t('optionsViewLabel'));
  for (const v of LIBRARY_VIEWS) {
    const option = el('option', {}, viewLabel(v.view));
    option.value = v.view;
    view.append(option);
  }
  view.addEventListener('change', () => render());
  const render = () =>
    renderEntries(list, count, entries, search.value, view.value as LibraryView, async (id) => {
      const reply = await host.send({ type: 'unspun/library-remove', id });
      if (!reply.ok) return say(t('optionsRemoveFailed', reply.error), true);
      entries.splice(
        entries.findIndex((e) => e.id === id),
        1,
      );
      render();
      say(t('optionsRemoved'));
    });
  search.addEventListener('input', render);
  // After a feed poll or a pack import: the library list and the storage figures change.
  const storage = el('div', {}, await storageFigures(host));
  const refresh = async () => {
    const again = await host.send({ type: 'unspun/library-list' });
    if (again.ok) entries.splice(0, entries.length, ...again.entries);
    render();
    storage.replaceChildren(await storageFigures(host));
  };
  const clear = el('button', { class: 'danger' }, t('optionsClear'));
  clear.addEventListener('click', async () => {
    if (!confirm(t('optionsClearConfirm'))) return;
    const reply = await host.send({ type: 'unspun/library-clear' });
    if (!reply.ok) return say(t('optionsClearFailed', reply.error), true);
    entries.length = 0;
    render();
    say(t('optionsCleared'));
  });
  root.replaceChildren(
    el('h1', {}, 'Unspun'),
    el('p', { class: 'muted' }, t('optionsAbout')),
    status,
    el('h2', {}, t('optionsHeadingSources')),
    await sourcesSection(host, say, refresh),
    el('h2', {}, t('optionsHeadingLookup')),
    lookupSection(settings.settings, host),
    el('h2', {}, t('optionsHeadingPrivacy')),
    privacyControls(settings.settings, host, say),
    el('h2', {}, t('optionsHeadingCorrections')),
    await correctionsSection(host, say),
    el('h2', {}, t('optionsHeadingLibrary')),
    count,
    el('div', { class: 'library-tools' }, view, search),
    list,
    clear,
    el('h2', {}, t('optionsHeadingPacks')),
    packsSection(host, say, refresh),
    el('h2', {}, t('optionsHeadingStorage')),
    storage,
  );
  render();
  root.dataset.ready = '1';
}

function renderEntries(list: HTMLElement, count: HTMLElement, entries: LibraryEntry[], query: string, view: LibraryView, remove: (id: string) => void) {
  const shownKind = inView(entries, view);
  const found = searchLibrary(shownKind, query);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const kind = view === 'all' ? '' : t(VIEW_COUNT[view], String(shownKind.length));
  count.textContent =
    t(entries.length === 1 ? 'libraryCountOne' : 'libraryCountMany', String(entries.length)) +
    kind +
    (query.trim() ? t('libraryCountMatching', String(found.length)) : '') +
    (found.length > SHOWN ? t('libraryCountShowing', String(SHOWN)) : '') +
    '.';
  list.replaceChildren(
    ...found.slice(0, SHOWN).map((e) => {
      const button = el('button', {}, t('sourcesRemove'));
      button.setAttribute('aria-label', t('libraryRemoveLabel', e.title || e.url));
      button.addEventListener('click', () => remove(e.id));

      return el(
        'li',
        { class: 'entry', data: { id: e.id } },
        el(
          'div',
          { class: 'main' },
          el('div', { class: 'kind', data: { role: 'entry-kind' } }, whatItIs(e, byId)),
          el('a', { href: e.url }, e.title || e.url),
          el('div', { class: 'muted' }, `${e.siteName || e.site} · ${formatDate(e.published ?? e.firstSeen)} · ${t(SOURCE_LABEL[e.source])}`),
        ),
        button,
      );
    }),
  );
}

/** Where a library entry came from ("from your reading"). */
const SOURCE_LABEL: Record<LibraryEntry['source'], MessageKey> = {
  read: 'libraryFromReading',
  feed: 'libraryFromFeed',
  pack: 'libraryFromPack',
  corpus: 'libraryFromCorpus',
  lookup: 'libraryFromLookup',
};

/** A view's count in the library's count line (", 3 rewrites found"). */
const VIEW_COUNT: Record<Exclude<LibraryView, 'all'>, MessageKey> = {
  rewrites: 'libraryCountRewrites',
  copied: 'libraryCountCopied',
  feeds: 'libraryCountFeeds',
  read: 'libraryCountRead',
};

/**
 * What the reader told Unspun it got wrong ("This is wrong" in the popup), in plain words, each with
 * an Undo named after its row; an empty state says where corrections come from. Page text (titles,
 * addresses) goes in as text only.
 */
async function correctionsSection(host: UiHost, say: Say): Promise<HTMLElement> {
  const list = el('ul', { class: 'corrections', data: { role: 'corrections' } });
  const empty = el('p', { class: 'muted', data: { role: 'corrections-empty' } }, t('correctionsEmpty'));
  const section = el('section', {}, el('p', { class: 'muted' }, t('correctionsAbout')), empty, list);
  const draw = (c: Corrections) => {
    const rows = [
      ...c.trustedSites.map((s) =>
        row(t('correctionsTrusted', s.site), t('correctionsMarkedOn', formatDate(s.at)), t('popupUntrustUndo', s.site), t('popupTrustUndone', s.site), {
          kind: 'trusted-site',
          site: s.site,
        }),
      ),
      ...c.notDerived.map((n) => {
        const page = n.pageTitle ? `“${n.pageTitle}”` : n.page;
        const original = n.originalTitle ? `“${n.originalTitle}”` : n.original;
        return row(
          t('correctionsNotDerived', page, original),
          t('correctionsNotDerivedDetail', n.page, n.original, formatDate(n.at)),
          t('correctionsNotDerivedUndo', page, original),
          t('correctionsNotDerivedUndone', page, original),
          { kind: 'not-derived', page: n.page, original: n.original },
        );
      }),
    ];
    list.replaceChildren(...rows);
    list.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
  };
  const row = (text: string, detail: string, undoLabel: string, undone: string, correction: CorrectionRequest) => {
    const undo = el('button', { data: { role: 'correction-undo' } }, t('popupUndo'));
    undo.type = 'button';
    undo.setAttribute('aria-label', undoLabel);
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      const reply = await host.send({ type: 'unspun/correction-remove', correction }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
      if (!reply.ok) {
        undo.disabled = false;
        return say(t('popupUndoCorrectionFailed', reply.error), true);
      }
      draw(reply.corrections);
      say(`${undone} ${t('correctionsNextLoad')}`);
    });
    return el('li', { class: 'correction' }, el('div', { class: 'main' }, el('div', {}, text), el('div', { class: 'muted' }, detail)), undo);
  };
  const listed = await host.send({ type: 'unspun/corrections-list' }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (!listed.ok) section.append(el('p', { class: 'error' }, t('correctionsReadFailed', listed.error)));
  draw(listed.ok ? listed.corrections : { notDerived: [], trustedSites: [] });
  return section;
}

function privacyControls(s: Settings, host: UiHost, say: Say): HTMLElement {
  const paused = el('input');
  paused.type = 'checkbox';
  paused.checked = s.paused;
  const notice = el('input');
  notice.type = 'checkbox';
  notice.checked = s.showNotice;
  notice.dataset.role = 'show-notice';
  const sites = el('textarea');
  sites.value = s.excludedSites.join('\n');
  sites.placeholder = 'example.com';
  const forget = el('select');
  for (const [value, label] of [
    ['', t('privacyNever')],
    ['7', t('privacyAfterDays', '7')],
    ['30', t('privacyAfterDays', '30')],
    ['90', t('privacyAfterDays', '90')],
    ['365', t('privacyAfterYear')],
  ]) {
    const o = el('option', {}, label!);
    o.value = value!;
    forget.append(o);
  }
  forget.value = s.forgetReadAfterDays ? String(s.forgetReadAfterDays) : '';
  const feedDays = el('select');
  feedDays.dataset.role = 'feed-days';
  for (const days of [7, 14, 30, 90, 365]) {
    const o = el('option', {}, t('privacyAfterDays', String(days)));
    o.value = String(days);
    feedDays.append(o);
  }
  feedDays.value = String(s.feedItemDays);
  const maxArticles = el('select');
  maxArticles.dataset.role = 'max-articles';
  for (const n of new Set([10_000, 25_000, 50_000, 100_000, 250_000, s.maxArticles])) {
    const o = el('option', {}, t('privacyArticles', n.toLocaleString(t('htmlLang'))));
    o.value = String(n);
    maxArticles.append(o);
  }
  maxArticles.value = String(s.maxArticles);
  const save = async (): Promise<boolean> => {
    const reply = await host.send({
      type: 'unspun/settings-save',
      settings: {
        paused: paused.checked,
        showNotice: notice.checked,
        excludedSites: sites.value.split(/[\s,]+/).filter(Boolean),
        forgetReadAfterDays: forget.value ? Number(forget.value) : null,
        feedItemDays: Number(feedDays.value),
        maxArticles: Number(maxArticles.value),
      },
    });
    if (!reply.ok) {
      say(t('privacySaveFailed', reply.error), true);
      return false;
    }
    sites.value = reply.settings.excludedSites.join('\n');
    say(t('privacySaved'));
    return true;
  };
  const forgetNow = el('button', {}, t('privacyForgetNow'));
  forgetNow.addEventListener('click', async () => {
    if (!(await save())) return;
    const reply = await host.send({ type: 'unspun/forget-now' });
    if (!reply.ok) return say(t('privacyForgetFailed', reply.error), true);
    say(t('privacyForgot', String(reply.forgotten)));
  });
  paused.addEventListener('change', save);
  notice.addEventListener('change', save);
  sites.addEventListener('change', save);
  forget.addEventListener('change', save);
  feedDays.addEventListener('change', save);
  maxArticles.addEventListener('change', save);
  return el(
    'section',
    {},
    el('label', {}, paused, ` ${t('privacyPause')}`),
    el('label', {}, notice, ` ${t('privacyNotice')}`),
    el('label', {}, t('privacyExcluded'), sites),
    el('label', {}, `${t('privacyForgetRead')} `, forget, ' '),
    el('label', {}, `${t('privacyForgetFeed')} `, feedDays, ` ${t('privacyForgetFeedAfter')}`),
    el('label', {}, `${t('privacyKeepAtMost')} `, maxArticles, ` ${t('privacyKeepAtMostAfter')}`),
    forgetNow,
  );
}

async function storageFigures(host: UiHost): Promise<HTMLElement> {
  const info = await host.send({ type: 'unspun/storage-info' });
  if (!info.ok) return el('div', { data: { role: 'storage' } }, el('p', { class: 'error' }, t('storageUnavailable', info.error)));
  const mb = (n: number | undefined) => (n === undefined ? t('popupUnknown') : t('storageMb', (n / 2 ** 20).toFixed(1)));
  return el(
    'div',
    { data: { role: 'storage' } },
    el(
      'p',
      {},
      t('storageCounts', String(info.articles), String(info.feedItems)) +
        (info.maxArticles ? ` ${t('storageAtMost', info.maxArticles.toLocaleString(t('htmlLang')))}` : '') +
        t('storageUsed', mb(info.usage)),
    ),
    info.full
      ? el(
          'p',
          { class: info.full.reason === 'limit' ? '' : 'error' },
          info.full.reason === 'limit'
            ? t('storageLimitReached', new Date(info.full.at).toLocaleString(), String(info.full.evicted))
            : t('storageFull', new Date(info.full.at).toLocaleString(), String(info.full.evicted)),
        )
      : null,
  );
}
