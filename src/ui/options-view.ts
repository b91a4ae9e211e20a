import { browser } from 'wxt/browser';
import { IdbArticleStore } from '../library/idb-store.ts';
import type { PageRequest } from '../ext/page-messages.ts';
import { getSettings, saveSettings, type Settings } from '../ext/settings.ts';
import { el } from './dom.ts';
import { formatDate } from './format.ts';
import { searchLibrary, type LibraryEntry } from './library-search.ts';
import { lookupSection } from './lookup-view.ts';
import { packsSection } from './packs-view.ts';
import { sourcesSection } from './sources-view.ts';
import { storageEvents } from '../ext/storage-events.ts';

/** Entries listed at once; the search narrows the rest. */
const SHOWN = 200;

const send = (req: PageRequest) => browser.runtime.sendMessage(req);

/** The library page: privacy controls, the searchable library, storage figures. */
export async function mountOptions(root: HTMLElement): Promise<void> {
  const store = new IdbArticleStore();
  const status = el('p', { class: 'status', data: { role: 'status' } });
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  };
  const settings = await getSettings();
  const entries: LibraryEntry[] = (await store.all()).filter((a) => !a.stub);
  const list = el('ul', { class: 'entries', data: { role: 'library' } });
  const count = el('p', { class: 'muted' });
  const search = el('input');
  search.type = 'search';
  search.placeholder = 'Search titles and outlets';
  const render = () => renderEntries(list, count, entries, search.value, async (id) => {
    await send({ type: 'unspun/library-remove', id });
    entries.splice(entries.findIndex((e) => e.id === id), 1);
    render();
    say('Removed.');
  });
  search.addEventListener('input', render);
  // After a feed poll or a pack import: the library list and the storage figures change.
  const storage = el('div', {}, await storageFigures(entries.length));
  const refresh = async () => {
    entries.splice(0, entries.length, ...(await store.all()).filter((a) => !a.stub));
    render();
    storage.replaceChildren(await storageFigures(entries.length));
  };
  const clear = el('button', { class: 'danger' }, 'Clear the library');
  clear.addEventListener('click', async () => {
    if (!confirm('Remove every article from the library? This cannot be undone.')) return;
    await send({ type: 'unspun/library-clear' });
    entries.length = 0;
    render();
    say('The library is empty.');
  });
  root.replaceChildren(
    el('h1', {}, 'Unspun'),
    el(
      'p',
      { class: 'muted' },
      'Everything Unspun reads stays on this device: the articles you read, their fingerprints and the verdicts are stored in this browser only. Unspun contacts no server but the feeds you turn on below, their outlets\' sites for an article a page you read seems to copy, and, if you turn on looking up originals, the news search engine (search terms only, never the page\'s address or text) and the candidate articles it finds. Nothing Unspun fetches carries your cookies.',
    ),
    status,
    el('h2', {}, 'Sources'),
    await sourcesSection(say, refresh),
    el('h2', {}, 'Look up originals'),
    lookupSection(settings),
    el('h2', {}, 'Privacy'),
    privacyControls(settings, say),
    el('h2', {}, 'Library'),
    count,
    search,
    list,
    clear,
    el('h2', {}, 'Packs'),
    packsSection(say, refresh),
    el('h2', {}, 'Storage'),
    storage,
  );
  render();
  root.dataset.ready = '1';
}

function renderEntries(list: HTMLElement, count: HTMLElement, entries: LibraryEntry[], query: string, remove: (id: string) => void) {
  const found = searchLibrary(entries, query);
  count.textContent = `${entries.length} article${entries.length === 1 ? '' : 's'} in the library${query.trim() ? `, ${found.length} matching` : ''}${found.length > SHOWN ? `; showing ${SHOWN}` : ''}.`;
  list.replaceChildren(
    ...found.slice(0, SHOWN).map((e) => {
      const button = el('button', {}, 'Remove');
      button.addEventListener('click', () => remove(e.id));
      const seen = e.derivatives?.length ? ` · ${e.derivatives.length} rewrite${e.derivatives.length === 1 ? '' : 's'} seen` : '';
      const derived = e.derivedFrom ? ' · derived from another article' : '';
      return el(
        'li',
        { class: 'entry', data: { id: e.id } },
        el(
          'div',
          { class: 'main' },
          el('a', { href: e.url }, e.title || e.url),
          el('div', { class: 'muted' }, `${e.siteName || e.site} · ${formatDate(e.published ?? e.firstSeen)} · from ${SOURCE_LABEL[e.source]}${seen}${derived}`),
        ),
        button,
      );
    }),
  );
}

const SOURCE_LABEL: Record<LibraryEntry['source'], string> = { read: 'your reading', feed: 'a feed', pack: 'a pack', corpus: 'a corpus', lookup: 'a lookup' };

function privacyControls(s: Settings, say: (text: string, error?: boolean) => void): HTMLElement {
  const paused = el('input');
  paused.type = 'checkbox';
  paused.checked = s.paused;
  const sites = el('textarea');
  sites.value = s.excludedSites.join('\n');
  sites.placeholder = 'example.com';
  const forget = el('select');
  for (const [value, label] of [['', 'never'], ['7', 'after 7 days'], ['30', 'after 30 days'], ['90', 'after 90 days'], ['365', 'after a year']]) {
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
  const save = async () => {
    const stored = await saveSettings({
      paused: paused.checked,
      excludedSites: sites.value.split(/[\s,]+/).filter(Boolean),
      forgetReadAfterDays: forget.value ? Number(forget.value) : null,
      feedItemDays: Number(feedDays.value),
    });
    sites.value = stored.excludedSites.join('\n');
    say('Settings saved.');
  };
  const forgetNow = el('button', {}, 'Forget old reading now');
  forgetNow.addEventListener('click', async () => {
    await save();
    const res = (await browser.runtime.sendMessage({ type: 'unspun/forget-now' })) as { forgotten?: number } | undefined;
    say(`Forgot ${res?.forgotten ?? 0} article(s).`);
  });
  paused.addEventListener('change', save);
  sites.addEventListener('change', save);
  forget.addEventListener('change', save);
  feedDays.addEventListener('change', save);
  return el(
    'section',
    {},
    el('label', {}, paused, ' Pause checking (Unspun reads no page while paused)'),
    el('label', {}, 'Never read these sites (one per line):', sites),
    el('label', {}, 'Forget articles I read ', forget, ' '),
    el('label', {}, 'Forget feed items ', feedDays, ' (articles fetched for them go too)'),
    forgetNow,
  );
}

async function storageFigures(entries: number): Promise<HTMLElement> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const mb = (n: number | undefined) => (n === undefined ? 'unknown' : `${(n / 2 ** 20).toFixed(1)} MB`);
  const feedItems = await new IdbArticleStore().countBySource('feed');
  const full = await storageEvents.getValue();
  return el(
    'div',
    { data: { role: 'storage' } },
    el('p', {}, `${entries} articles and ${feedItems} feed items; ${mb(estimate?.usage)} used by Unspun in this browser.`),
    full ? el('p', { class: 'error' }, `Storage was full on ${new Date(full.at).toLocaleString()}: the ${full.evicted} oldest feed items were removed.`) : null,
  );
}
