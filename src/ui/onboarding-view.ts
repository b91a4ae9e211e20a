import type { UiHost } from '../ext/ui-host.ts';
import { bundleOrigins, DEFAULT_FEEDS, FEED_BUNDLE } from '../feeds/default-feeds.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';
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

  const done = el('button', { class: 'primary', data: { role: 'onboarding-done' } }, t('onboardingDone'));
  done.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/onboarding-done' });
    if (!reply.ok) return say(t('onboardingDoneError', reply.error), true);
    window.close();
  });

  const outlets = [...new Set(BUNDLE_FEEDS.map((f) => f.outlet))];
  const engine = ENGINES[settings.lookupEngine].name;
  root.replaceChildren(
    el('h1', {}, t('onboardingTitle')),
    el('p', {}, t('onboardingIntro')),
    el('p', {}, t('onboardingLearns')),
    el(
      'section',
      { class: 'choice' },
      el('label', { class: 'switch' }, feeds, el('strong', {}, t('onboardingFeedsSwitch', String(outlets.length)))),
      el('p', { class: 'muted' }, outlets.join(', '), '.'),
      el('p', {}, el('strong', {}, `${t('onboardingLeaves')} `), t('onboardingFeedsPrivacy')),
      el('p', { class: 'muted' }, t('onboardingFeedsPermission')),
    ),
    el(
      'section',
      { class: 'choice' },
      el('label', { class: 'switch' }, lookup, el('strong', {}, t('onboardingLookupSwitch', engine))),
      el('p', {}, t('onboardingLookupAbout')),
      el('p', {}, el('strong', {}, `${t('onboardingLeaves')} `), lookupPrivacy(settings)),
      el('p', { class: 'muted' }, t('onboardingLookupPermission')),
    ),
    status,
    pinHint(),
    el('p', { class: 'muted' }, t('onboardingChangeLater')),
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
      return say(t('onboardingFeedsOffError', off.error), true);
    }
    say(t('onboardingFeedsOff'));
    return;
  }
  // First thing in the click handler: Firefox allows permissions.request only during a user gesture.
  const granted = await host.requestHosts(bundleOrigins()).catch(() => false);
  if (!granted) {
    toggle.checked = false;
    say(t('onboardingFeedsRefused'), true);
    return;
  }
  // The bundle on in one write (the background adds any feed a stored list lacks).
  const on = await host.send({ type: 'unspun/feeds-enable', ids: [...FEED_BUNDLE], enabled: true });
  if (!on.ok) {
    toggle.checked = false;
    return say(t('onboardingFeedsOnError', on.error), true);
  }
  say(t('onboardingFeedsReading', String(on.ids.length)));
  const res = await host.send({ type: 'unspun/feeds-poll', ids: on.ids }).catch(() => undefined);
  const known = res?.ok ? res.newItems : 0;
  say(known ? t('onboardingFeedsOnKnown', String(known)) : t('onboardingFeedsOn'));
}

/** How to pin the icon, with a drawing of the toolbar (public/pin-hint.svg). */
function pinHint(): HTMLElement {
  const img = el('img');
  img.src = '/pin-hint.svg';
  img.alt = t('pinImageAlt');
  img.width = 320;
  img.height = 140;
  return el(
    'section',
    { class: 'pin' },
    el('h2', {}, t('pinTitle')),
    el('p', {}, t('pinBadge')),
    img,
    el(
      'ul',
      {},
      el('li', {}, el('strong', {}, `${t('pinChromeLabel')} `), t('pinChrome')),
      el('li', {}, el('strong', {}, `${t('pinFirefoxLabel')} `), t('pinFirefox')),
    ),
  );
}
