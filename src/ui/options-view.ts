import type { CorrectionRequest, LibraryEntry } from '../ext/protocol.ts';
import type { Corrections } from '../library/corrections.ts';
import type { Settings } from '../ext/settings-schema.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { el } from './dom.ts';
import { formatDate } from './format.ts';
import { inView, LIBRARY_VIEWS, searchLibrary, whatItIs, type LibraryView } from './library-search.ts';
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
  if (!settings.ok || !listed.ok) throw new Error(`Unspun could not read its library: ${!settings.ok ? settings.error : !listed.ok ? listed.error : ''}`);
  const entries: LibraryEntry[] = listed.entries;
  const list = el('ul', { class: 'entries', data: { role: 'library' } });
  const count = el('p', { class: 'muted' });
  const search = el('input');
  search.type = 'search';
  search.placeholder = 'Search titles and outlets';
  search.setAttribute('aria-label', 'Search the library');
  const view = el('select', { data: { role: 'library-view' } });
  view.setAttribute('aria-label', 'Show');
  for (const v of LIBRARY_VIEWS) {
    const option = el('option', {}, v.label);
    option.value = v.view;
    view.append(option);
  }
  view.addEventListener('change', () => render());
  const render = () =>
    renderEntries(list, count, entries, search.value, view.value as LibraryView, async (id) => {
      const reply = await host.send({ type: 'unspun/library-remove', id });
      if (!reply.ok) return say(`Could not remove it: ${reply.error}`, true);
      entries.splice(
        entries.findIndex((e) => e.id === id),
        1,
      );
      render();
      say('Removed.');
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
  const clear = el('button', { class: 'danger' }, 'Clear the library');
  clear.addEventListener('click', async () => {
    if (!confirm('Remove every article from the library? This cannot be undone.')) return;
    const reply = await host.send({ type: 'unspun/library-clear' });
    if (!reply.ok) return say(`Could not clear the library: ${reply.error}`, true);
    entries.length = 0;
    render();
    say('The library is empty.');
  });
  root.replaceChildren(
    el('h1', {}, 'Unspun'),
    el(
      'p',
      { class: 'muted' },
      "Everything Unspun reads stays on this device: the articles you read, their fingerprints and the verdicts are stored in this browser only. Unspun contacts no server but the feeds you turn on below, their outlets' sites for an article a page you read seems to copy, and, if you turn on looking up originals, the news search engine (search terms only, never the page's address or text) and the candidate articles it finds. Nothing Unspun fetches carries your cookies.",
    ),
    status,
    el('h2', {}, 'Sources'),
    await sourcesSection(host, say, refresh),
    el('h2', {}, 'Look up originals'),
    lookupSection(settings.settings, host),
    el('h2', {}, 'Privacy'),
    privacyControls(settings.settings, host, say),
    el('h2', {}, 'Your corrections'),
    await correctionsSection(host, say),
    el('h2', {}, 'Library'),
    count,
    el('div', { class: 'library-tools' }, view, search),
    list,
    clear,
    el('h2', {}, 'Packs'),
    packsSection(host, say, refresh),
    el('h2', {}, 'Storage'),
    storage,
  );
  render();
  root.dataset.ready = '1';
}

function renderEntries(list: HTMLElement, count: HTMLElement, entries: LibraryEntry[], query: string, view: LibraryView, remove: (id: string) => void) {
  const shownKind = inView(entries, view);
  const found = searchLibrary(shownKind, query);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const kind = view === 'all' ? '' : `, ${shownKind.length} ${LIBRARY_VIEWS.find((v) => v.view === view)!.label.toLowerCase()}`;
  count.textContent = `${entries.length} article${entries.length === 1 ? '' : 's'} in the library${kind}${query.trim() ? `, ${found.length} matching` : ''}${found.length > SHOWN ? `; showing ${SHOWN}` : ''}.`;
  list.replaceChildren(
    ...found.slice(0, SHOWN).map((e) => {
      const button = el('button', {}, 'Remove');
      button.setAttribute('aria-label', `Remove ${e.title || e.url} from the library`);
      button.addEventListener('click', () => remove(e.id));

      return el(
        'li',
        { class: 'entry', data: { id: e.id } },
        el(
          'div',
          { class: 'main' },
          el('div', { class: 'kind', data: { role: 'entry-kind' } }, whatItIs(e, byId)),
          el('a', { href: e.url }, e.title || e.url),
          el('div', { class: 'muted' }, `${e.siteName || e.site} · ${formatDate(e.published ?? e.firstSeen)} · from ${SOURCE_LABEL[e.source]}`),
        ),
        button,
      );
    }),
  );
}

const SOURCE_LABEL: Record<LibraryEntry['source'], string> = { read: 'your reading', feed: 'a feed', pack: 'a pack', corpus: 'a corpus', lookup: 'a lookup' };

/**
 * What the reader told Unspun it got wrong ("This is wrong" in the popup), in plain words, each with
 * an Undo named after its row; an empty state says where corrections come from. Page text (titles,
 * addresses) goes in as text only.
 */
async function correctionsSection(host: UiHost, say: Say): Promise<HTMLElement> {
  const list = el('ul', { class: 'corrections', data: { role: 'corrections' } });
  const empty = el(
    'p',
    { class: 'muted', data: { role: 'corrections-empty' } },
    'You have not told Unspun it got anything wrong. When a verdict is wrong, choose "This is wrong" in the popup: say the page is not from the article named, or trust its site. Your corrections are kept on this device only and are listed here.',
  );
  const section = el(
    'section',
    {},
    el('p', { class: 'muted' }, 'Unspun respects these every time it checks a page. Undo one to have pages checked as before.'),
    empty,
    list,
  );
  const draw = (c: Corrections) => {
    const rows = [
      ...c.trustedSites.map((t) =>
        row(
          `You trust ${t.site}: its articles are never flagged.`,
          `Marked on ${formatDate(t.at)}`,
          `Undo: stop trusting ${t.site}`,
          `Undone: Unspun no longer trusts ${t.site}, and flags its articles again when they copy.`,
          { kind: 'trusted-site', site: t.site },
        ),
      ),
      ...c.notDerived.map((n) => {
        const page = n.pageTitle ? `“${n.pageTitle}”` : n.page;
        const original = n.originalTitle ? `“${n.originalTitle}”` : n.original;
        return row(
          `${page} is not from ${original}.`,
          `${n.page} · not from ${n.original} · marked on ${formatDate(n.at)}`,
          `Undo: ${page} is not from ${original}`,
          `Undone: Unspun may match ${page} with ${original} again.`,
          { kind: 'not-derived', page: n.page, original: n.original },
        );
      }),
    ];
    list.replaceChildren(...rows);
    list.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
  };
  const row = (text: string, detail: string, undoLabel: string, undone: string, correction: CorrectionRequest) => {
    const undo = el('button', { data: { role: 'correction-undo' } }, 'Undo');
    undo.type = 'button';
    undo.setAttribute('aria-label', undoLabel);
    undo.addEventListener('click', async () => {
      undo.disabled = true;
      const reply = await host.send({ type: 'unspun/correction-remove', correction }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
      if (!reply.ok) {
        undo.disabled = false;
        return say(`Could not undo the correction: ${reply.error}`, true);
      }
      draw(reply.corrections);
      say(`${undone} Pages are checked accordingly from their next load.`);
    });
    return el('li', { class: 'correction' }, el('div', { class: 'main' }, el('div', {}, text), el('div', { class: 'muted' }, detail)), undo);
  };
  const listed = await host.send({ type: 'unspun/corrections-list' }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
  if (!listed.ok) section.append(el('p', { class: 'error' }, `Your corrections could not be read: ${listed.error}`));
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
    ['', 'never'],
    ['7', 'after 7 days'],
    ['30', 'after 30 days'],
    ['90', 'after 90 days'],
    ['365', 'after a year'],
  ]) {
    const o = el('option', {}, label!);
    o.value = value!;
    forget.append(o);
  }
  forget.value = s.forgetReadAfterDays ? String(s.forgetReadAfterDays) : '';
  const feedDays = el('select');
  feedDays.dataset.role = 'feed-days';
  for (const days of [7, 14, 30, 90, 365]) {
    const o = el('option', {}, `after ${days} days`);
    o.value = String(days);
    feedDays.append(o);
  }
  feedDays.value = String(s.feedItemDays);
  const maxArticles = el('select');
  maxArticles.dataset.role = 'max-articles';
  for (const n of new Set([10_000, 25_000, 50_000, 100_000, 250_000, s.maxArticles])) {
    const o = el('option', {}, `${n.toLocaleString('en')} articles`);
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
      say(`Could not save the settings: ${reply.error}`, true);
      return false;
    }
    sites.value = reply.settings.excludedSites.join('\n');
    say('Settings saved.');
    return true;
  };
  const forgetNow = el('button', {}, 'Forget old reading now');
  forgetNow.addEventListener('click', async () => {
    if (!(await save())) return;
    const reply = await host.send({ type: 'unspun/forget-now' });
    if (!reply.ok) return say(`Could not forget old reading: ${reply.error}`, true);
    say(`Forgot ${reply.forgotten} article(s).`);
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
    el('label', {}, paused, ' Pause checking (Unspun reads no page while paused)'),
    el('label', {}, notice, ' Show a notice inside a page that is an uncredited rewrite (the toolbar badge shows it either way)'),
    el('label', {}, 'Never read these sites (one per line):', sites),
    el('label', {}, 'Forget articles I read ', forget, ' '),
    el('label', {}, 'Forget feed items ', feedDays, ' (articles fetched for them go too)'),
    el('label', {}, 'Keep at most ', maxArticles, ' (past it, the oldest feed items go first; 100,000 take about 45 MB of memory)'),
    forgetNow,
  );
}

async function storageFigures(host: UiHost): Promise<HTMLElement> {
  const info = await host.send({ type: 'unspun/storage-info' });
  if (!info.ok) return el('div', { data: { role: 'storage' } }, el('p', { class: 'error' }, `Storage figures unavailable: ${info.error}`));
  const mb = (n: number | undefined) => (n === undefined ? 'unknown' : `${(n / 2 ** 20).toFixed(1)} MB`);
  return el(
    'div',
    { data: { role: 'storage' } },
    el(
      'p',
      {},
      `${info.articles} articles and ${info.feedItems} feed items` +
        (info.maxArticles ? ` (at most ${info.maxArticles.toLocaleString('en')} in all)` : '') +
        `; ${mb(info.usage)} used by Unspun in this browser.`,
    ),
    info.full
      ? el(
          'p',
          { class: info.full.reason === 'limit' ? '' : 'error' },
          info.full.reason === 'limit'
            ? `The library reached its size limit on ${new Date(info.full.at).toLocaleString()}: the ${info.full.evicted} oldest articles (feed items first) were removed.`
            : `Storage was full on ${new Date(info.full.at).toLocaleString()}: the ${info.full.evicted} oldest feed items were removed.`,
        )
      : null,
  );
}
