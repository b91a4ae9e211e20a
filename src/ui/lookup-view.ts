import { browser } from 'wxt/browser';
import { LOOKUP_ENGINE_IDS, saveSettings, type LookupEngineId, type Settings } from '../ext/settings.ts';
import { el } from './dom.ts';
import { ALL_HOSTS, ENGINES, engineHost } from './engines.ts';

export type Say = (text: string, error?: boolean) => void;

/** A checkbox shown as a switch; put it inside a label with text, which gives its accessible name. */
export function switchInput(role: string, checked: boolean): HTMLInputElement {
  const input = el('input', { data: { role } });
  input.type = 'checkbox';
  input.setAttribute('role', 'switch');
  input.checked = checked;
  return input;
}

/**
 * Turns lookups on or off as the switch now says. Call it straight from the switch's `click`
 * handler: the permission request comes first, while the click still counts as a user gesture
 * (Firefox refuses permissions.request anywhere else). A refused request puts the switch back off.
 */
export async function switchLookup(toggle: HTMLInputElement, say: Say): Promise<Settings | undefined> {
  if (!toggle.checked) {
    const s = await saveSettings({ lookupEnabled: false });
    say('Looking up originals is off.');
    return s;
  }
  const granted = await browser.permissions.request({ origins: ALL_HOSTS }).catch(() => false);
  if (!granted) {
    toggle.checked = false;
    say('Looking up originals stays off: it needs your permission to read any site, to search the news index and fetch the articles it finds.', true);
    return undefined;
  }
  const s = await saveSettings({ lookupEnabled: true });
  say(`Looking up originals is on, with ${ENGINES[s.lookupEngine].name}.`);
  return s;
}

/** What a lookup sends where, in two sentences. */
export function lookupPrivacy(s: Pick<Settings, 'lookupEngine' | 'lookupEndpoint'>): string {
  return (
    `Only search terms (names, numbers and rare words of the headline and first lines) go to ${ENGINES[s.lookupEngine].name} (${engineHost(s)}): ` +
    'never the page\'s address, its text, your cookies or anything about you. Unspun then fetches up to three candidate articles, without cookies, to compare them with the page.'
  );
}

/** The options page's "Look up originals" section: on/off, engine, endpoint, privacy, first-run setup. */
export function lookupSection(initial: Settings): HTMLElement {
  let current = initial;
  const status = el('p', { class: 'status', data: { role: 'lookup-settings-status' } });
  status.setAttribute('role', 'status');
  const say: Say = (text, error = false) => {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
  };
  const note = el('p', { class: 'muted' });
  const about = el('p', { class: 'muted', data: { role: 'lookup-engine-about' } });
  const endpoint = el('input', { data: { role: 'lookup-endpoint' } });
  endpoint.type = 'url';
  endpoint.value = current.lookupEndpoint;
  const show = (s: Settings) => {
    current = s;
    note.textContent = lookupPrivacy(s);
    about.textContent = ENGINES[s.lookupEngine].description;
    endpoint.placeholder = ENGINES[s.lookupEngine].defaultEndpoint;
  };
  show(current);

  const toggle = switchInput('lookup-enabled', current.lookupEnabled);
  toggle.addEventListener('click', () => void switchLookup(toggle, say).then((s) => s && show(s)));

  const engine = el('select', { data: { role: 'lookup-engine' } });
  for (const id of LOOKUP_ENGINE_IDS) {
    const o = el('option', {}, ENGINES[id].name);
    o.value = id;
    engine.append(o);
  }
  engine.value = current.lookupEngine;
  engine.addEventListener('change', async () => {
    show(await saveSettings({ lookupEngine: engine.value as LookupEngineId }));
    say(`Searching with ${ENGINES[current.lookupEngine].name}${current.lookupEndpoint ? `, at your own endpoint ${engineHost(current)}` : ''}.`);
  });

  const save = el('button', { data: { role: 'lookup-endpoint-save' } }, 'Save');
  save.addEventListener('click', async () => {
    try {
      show(await saveSettings({ lookupEndpoint: endpoint.value }));
      endpoint.value = current.lookupEndpoint;
      say(current.lookupEndpoint ? `Lookups now go to ${engineHost(current)}.` : `Lookups use ${ENGINES[current.lookupEngine].name}'s own endpoint.`);
    } catch (e) {
      // new URL() throws a TypeError on text that is no URL at all; its message is the browser's jargon.
      const why = e instanceof TypeError ? `"${endpoint.value.trim()}" is not a web address` : e instanceof Error ? e.message : String(e);
      say(`Could not save the endpoint: ${why}.`, true);
    }
  });

  const reopen = el('button', { data: { role: 'open-onboarding' } }, 'Open the first-run setup again');
  reopen.addEventListener('click', () => void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }));

  return el(
    'section',
    { class: 'lookup' },
    el('p', { class: 'muted' }, 'When a news page matches nothing in your library, Unspun can search a public news index for an earlier version of it, fetch the likeliest candidates and check them. You can also ask for a lookup from the popup.'),
    el('label', {}, toggle, ' Look up originals'),
    el('label', {}, 'Search with ', engine),
    about,
    el(
      'details',
      { class: 'advanced' },
      el('summary', {}, 'Advanced'),
      el('label', {}, 'Endpoint (leave empty for the engine\'s own): ', endpoint),
      save,
    ),
    note,
    status,
    reopen,
  );
}
