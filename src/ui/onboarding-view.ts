import type { UiHost } from '../ext/ui-host.ts';
import { bundleOrigins, DEFAULT_FEEDS, FEED_BUNDLE } from '../feeds/default-feeds.ts';
import { el } from './dom.ts';
import { ENGINES } from './engines.ts';
import { lookupPrivacy, switchInput, switchLookup, type Say } from './lookup-view.ts';

const BUNDLE_FEEDS = DEFAULT_FEEDS.filter((f) => FEED_BUNDLE.includes(f.id));

/** The first-run setup: what Unspun does, two choices that are off until clicked, the pin hint. */
export async function mountOnboarding(root: HTMLElement, host: UiHost): Promise<void> {
  const got = await host.send({ type: 'unspun/settings-get' });
  const feedList = await host.send({ type: 'unspun/feeds-list' });
  if (!got.ok || !feedList.ok) throw new Error(`Unspun could not read its settings: ${!got.ok ? got.error : !feedList.ok ? feedList.error : ''}`);
  const { settings } = got;
  const status = el('p', { class: 'status', data: { role: 'onboarding-status' } });
  status.setAttribute('role', 'status');
  const say: Say = (text, error = false) => {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  };

  const bundleOn = BUNDLE_FEEDS.filter((f) => feedList.feeds.some((s) => s.id === f.id && s.enabled)).length;
  const feeds = switchInput('onboarding-feeds', bundleOn === BUNDLE_FEEDS.length);
  feeds.indeterminate = bundleOn > 0 && bundleOn < BUNDLE_FEEDS.length;
  feeds.addEventListener('click', () => void switchFeeds(feeds, host, say));

  const lookup = switchInput('onboarding-lookup', settings.lookupEnabled);
  lookup.addEventListener('click', () => void switchLookup(lookup, host, say));

  const done = el('button', { class: 'primary', data: { role: 'onboarding-done' } }, 'Done');
  done.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/onboarding-done' });
    if (!reply.ok) return say(`Could not record the setup: ${reply.error}`, true);
    window.close();
  });

  const outlets = [...new Set(BUNDLE_FEEDS.map((f) => f.outlet))];
  const engine = ENGINES[settings.lookupEngine].name;
  root.replaceChildren(
    el('h1', {}, 'Welcome to Unspun'),
    el('p', {}, "Unspun warns you when the news article you are reading is an uncredited rewrite of another outlet's reporting, and shows you the original."),
    el(
      'p',
      {},
      'To spot a rewrite, it must know the original. It learns from the articles you read, and it can learn more in the two ways below. Both stay off unless you turn them on. What Unspun reads stays in this browser.',
    ),
    el(
      'section',
      { class: 'choice' },
      el('label', { class: 'switch' }, feeds, el('strong', {}, `Read the feeds of ${outlets.length} major outlets`)),
      el('p', { class: 'muted' }, outlets.join(', '), '.'),
      el(
        'p',
        {},
        el('strong', {}, 'What leaves this browser. '),
        'Requests for these feeds, at most every 15 minutes, and for one of their articles when a page you read seems to copy it, all without cookies. The outlets see a request from your browser, as when you visit them, and nothing about what you read.',
      ),
      el('p', { class: 'muted' }, "Your browser will ask you to let Unspun read these outlets' sites."),
    ),
    el(
      'section',
      { class: 'choice' },
      el('label', { class: 'switch' }, lookup, el('strong', {}, `Look up originals in ${engine}`)),
      el(
        'p',
        {},
        'When a news page matches nothing Unspun knows, or when you ask from its popup, Unspun searches a public news index for an earlier version of it.',
      ),
      el('p', {}, el('strong', {}, 'What leaves this browser. '), lookupPrivacy(settings)),
      el(
        'p',
        { class: 'muted' },
        "Your browser will ask you to let Unspun read any site: the original may be on any outlet's site. You can change the search engine on the options page.",
      ),
    ),
    status,
    pinHint(),
    el('p', { class: 'muted' }, "You can change these choices at any time on Unspun's options page."),
    done,
  );
  root.dataset.ready = '1';
}

/** Feeds switch: one permission request for the whole bundle, then the bundle on (and read) or off. */
async function switchFeeds(toggle: HTMLInputElement, host: UiHost, say: Say): Promise<void> {
  if (!toggle.checked) {
    const off = await host.send({ type: 'unspun/feeds-enable', ids: [...FEED_BUNDLE], enabled: false });
    if (!off.ok) {
      toggle.checked = true;
      return say(`Could not turn the feeds off: ${off.error}`, true);
    }
    say("The outlets' feeds are off.");
    return;
  }
  // First thing in the click handler: Firefox allows permissions.request only during a user gesture.
  const granted = await host.requestHosts(bundleOrigins()).catch(() => false);
  if (!granted) {
    toggle.checked = false;
    say("The feeds stay off: Unspun needs your permission to read these outlets' sites.", true);
    return;
  }
  // The bundle on in one write (the background adds any feed a stored list lacks).
  const on = await host.send({ type: 'unspun/feeds-enable', ids: [...FEED_BUNDLE], enabled: true });
  if (!on.ok) {
    toggle.checked = false;
    return say(`Could not turn the feeds on: ${on.error}`, true);
  }
  say(`Reading the feeds of ${on.ids.length} outlets…`);
  const res = await host.send({ type: 'unspun/feeds-poll', ids: on.ids }).catch(() => undefined);
  const known = res?.ok ? res.newItems : 0;
  say(`The feeds are on${known ? `: ${known} articles known so far` : ''}. Unspun reads them in the background from now on.`);
}

/** How to pin the icon, with a drawing of the toolbar (public/pin-hint.svg). */
function pinHint(): HTMLElement {
  const img = el('img');
  img.src = '/pin-hint.svg';
  img.alt = 'The browser toolbar: the puzzle-piece Extensions button opens a menu listing Unspun, with a pin beside it.';
  img.width = 320;
  img.height = 140;
  return el(
    'section',
    { class: 'pin' },
    el('h2', {}, 'Pin Unspun to the toolbar'),
    el('p', {}, 'Its icon shows a red ! on a rewrite; click it to see the original.'),
    img,
    el(
      'ul',
      {},
      el('li', {}, el('strong', {}, 'Chrome, Edge: '), 'click the puzzle piece (Extensions) right of the address bar, then the pin beside Unspun.'),
      el(
        'li',
        {},
        el('strong', {}, 'Firefox: '),
        'click the puzzle piece (Extensions) in the toolbar, then the gear beside Unspun, and choose Pin to Toolbar.',
      ),
    ),
  );
}
