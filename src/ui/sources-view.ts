import type { FeedSubscription } from '../ext/feed-subscriptions.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { feedOrigins as feedSourceOrigins } from '../feeds/default-feeds.ts';
import { el } from './dom.ts';
import { feedErrorText } from './feed-error-text.ts';
import { t } from './i18n.ts';

type Say = (text: string, error?: boolean) => void;

/**
 * The host permissions a feed needs: its own host and the outlet's sites, where its articles live
 * (its registrable domain and its `articleSites`). See `feedOrigins` in default-feeds.
 */
export function feedOrigins(url: string, articleSites?: string[]): string[] {
  return feedSourceOrigins({ url, articleSites });
}

/** The "Sources" section: publisher feeds with their status; enable, add, remove (the background keeps the list). */
export async function sourcesSection(host: UiHost, say: Say, onPolled: () => Promise<unknown> = async () => {}): Promise<HTMLElement> {
  const list = el('ul', { class: 'entries', data: { role: 'feeds' } });
  const more = el('ul', { class: 'entries' });
  const moreCount = el('summary', {});
  // Feeds in use (on, or added by the user) first; the rest of the default list folded away.
  const render = async () => {
    const reply = await host.send({ type: 'unspun/feeds-list' });
    if (!reply.ok) return say(t('sourcesReadError', reply.error), true);
    const inUse = reply.feeds.filter((s) => s.enabled || s.custom);
    const rest = reply.feeds.filter((s) => !s.enabled && !s.custom);
    const row = (s: FeedSubscription) => feedRow(s, host, say, render, onPolled);
    list.replaceChildren(...inUse.map(row));
    more.replaceChildren(...rest.map(row));
    moreCount.textContent = t('sourcesMoreFeeds', String(new Set(rest.map((s) => s.outlet)).size), String(rest.length));
  };
  await render();
  const url = el('input');
  url.type = 'url';
  url.placeholder = 'https://example.com/rss.xml';
  url.dataset.role = 'feed-url';
  url.setAttribute('aria-label', t('sourcesFeedUrlLabel'));
  const outlet = el('input');
  outlet.placeholder = t('sourcesOutletPlaceholder');
  outlet.dataset.role = 'feed-outlet';
  outlet.setAttribute('aria-label', t('sourcesOutletLabel'));
  const add = el('button', { data: { role: 'feed-add' } }, t('sourcesAddFeed'));
  add.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/feed-add', url: url.value.trim(), outlet: outlet.value });
    if (!reply.ok) return say(t('sourcesAddError', reply.error), true);
    url.value = '';
    outlet.value = '';
    await render();
    say(t('sourcesAdded', reply.feed.outlet));
  });
  return el(
    'section',
    {},
    el('p', { class: 'muted' }, t('sourcesAbout')),
    list,
    el('details', { class: 'more-feeds' }, moreCount, more),
    el('div', { class: 'add-feed' }, url, outlet, add),
  );
}

function feedRow(s: FeedSubscription, host: UiHost, say: Say, render: () => Promise<unknown>, onPolled: () => Promise<unknown>): HTMLElement {
  const toggle = el('input');
  toggle.type = 'checkbox';
  toggle.checked = s.enabled;
  toggle.dataset.role = 'feed-enabled';
  // The label wraps only the switch: the name says which feed it reads (outlet and address, as the row shows them).
  toggle.setAttribute('aria-label', t('sourcesFeedSwitchLabel', s.outlet, s.url));
  // 'click', not 'change': Firefox lets permissions.request run only in a user input handler, and a
  // checkbox's change event does not count as one there (a click, by mouse or Space, does).
  toggle.addEventListener('click', async () => {
    if (toggle.checked) {
      // The permission request must come first in the click's handler (a user gesture).
      const granted = await host.requestHosts(feedOrigins(s.url, s.articleSites)).catch(() => false);
      if (!granted) {
        toggle.checked = false;
        say(t('sourcesPermissionRefused', new URL(s.url).hostname), true);
        return;
      }
      const enabled = await host.send({ type: 'unspun/feeds-enable', ids: [s.id], enabled: true });
      if (!enabled.ok) {
        toggle.checked = false;
        return say(t('sourcesOnError', s.outlet, enabled.error), true);
      }
      say(t('sourcesReading', s.outlet));
      const res = await host.send({ type: 'unspun/feeds-poll', ids: [s.id] });
      const feeds = await host.send({ type: 'unspun/feeds-list' });
      const now = feeds.ok ? feeds.feeds.find((x) => x.id === s.id) : undefined;
      await onPolled().catch(() => {});
      const error = now?.state.lastError !== undefined ? feedErrorText(now.state.lastError) : res.ok ? undefined : res.error;
      say(error ? t('sourcesFeedError', s.outlet, error) : t('sourcesNewItems', s.outlet, String(res.ok ? res.newItems : 0)), !!error);
    } else {
      const disabled = await host.send({ type: 'unspun/feeds-enable', ids: [s.id], enabled: false });
      if (!disabled.ok) return say(t('sourcesOffError', s.outlet, disabled.error), true);
      say(t('sourcesOff', s.outlet));
    }
    await render();
  });
  const remove = s.custom ? el('button', {}, t('sourcesRemove')) : null;
  remove?.setAttribute('aria-label', t('sourcesRemoveLabel', s.outlet, s.url));
  remove?.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/feed-remove', id: s.id });
    if (!reply.ok) say(t('sourcesRemoveError', reply.error), true);
    await render();
  });
  return el(
    'li',
    { class: 'entry', data: { feedId: s.id } },
    el('label', {}, toggle),
    el(
      'div',
      { class: 'main' },
      el('strong', {}, s.outlet),
      el('div', { class: 'muted' }, s.url),
      el('div', { class: s.state.lastError ? 'error' : 'muted', data: { role: 'feed-status' } }, feedStatus(s)),
    ),
    remove,
  );
}

function feedStatus(s: FeedSubscription): string {
  if (!s.state.lastFetch) return s.enabled ? t('sourcesStatusNotYet') : t('sourcesStatusOff');
  const when = new Date(s.state.lastFetch).toLocaleString();
  if (s.state.gone) return t('sourcesStatusGone', when);
  if (s.state.lastError) return t('sourcesStatusError', when, feedErrorText(s.state.lastError));
  return t('sourcesStatusFetched', when, String(s.lastNewItems ?? 0), String(s.totalItems ?? 0));
}
