import { LOOKUP_ENGINE_IDS, type Settings } from '../ext/settings-schema.ts';
import type { UiHost } from '../ext/ui-host.ts';
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
export async function switchLookup(toggle: HTMLInputElement, host: UiHost, say: Say): Promise<Settings | undefined> {
  if (!toggle.checked) {
    const reply = await host.send({ type: 'unspun/settings-save', settings: { lookupEnabled: false } });
    if (!reply.ok) {
      toggle.checked = true;
      say(`Could not turn looking up originals off: ${reply.error}`, true);
      return undefined;
    }
    say('Looking up originals is off.');
    return reply.settings;
  }
  const granted = await host.requestHosts(ALL_HOSTS).catch(() => false);
  if (!granted) {
    toggle.checked = false;
    say('Looking up originals stays off: it needs your permission to read any site, to search the news index and fetch the articles it finds.', true);
    return undefined;
  }
  const reply = await host.send({ type: 'unspun/settings-save', settings: { lookupEnabled: true } });
  if (!reply.ok) {
    toggle.checked = false;
    say(`Could not turn looking up originals on: ${reply.error}`, true);
    return undefined;
  }
  say(`Looking up originals is on, with ${ENGINES[reply.settings.lookupEngine].name}.`);
  return reply.settings;
}

/** What a lookup sends where, in two sentences. */
export function lookupPrivacy(s: Pick<Settings, 'lookupEngine' | 'lookupEndpoint'>): string {
  return (
    `Only search terms (names, numbers and rare words of the headline and first lines) go to ${ENGINES[s.lookupEngine].name} (${engineHost(s)}): ` +
    "never the page's address, its text, your cookies or anything about you. Unspun then fetches up to three candidate articles, without cookies, to compare them with the page."
  );
}

/** The options page's "Look up originals" section: on/off, engine, endpoint, privacy, first-run setup. */
export function lookupSection(initial: Settings, host: UiHost): HTMLElement {
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
  toggle.addEventListener('click', () => void switchLookup(toggle, host, say).then((s) => s && show(s)));

  const engine = el('select', { data: { role: 'lookup-engine' } });
  for (const id of LOOKUP_ENGINE_IDS) {
    const o = el('option', {}, ENGINES[id].name);
    o.value = id;
    engine.append(o);
  }
  engine.value = current.lookupEngine;
  engine.addEventListener('change', async () => {
    const lookupEngine = LOOKUP_ENGINE_IDS.find((id) => id === engine.value);
    const reply = lookupEngine && (await host.send({ type: 'unspun/settings-save', settings: { lookupEngine } }));
    if (!reply || !reply.ok) return say(`Could not change the search engine${reply ? `: ${reply.error}` : ''}.`, true);
    show(reply.settings);
    say(`Searching with ${ENGINES[current.lookupEngine].name}${current.lookupEndpoint ? `, at your own endpoint ${engineHost(current)}` : ''}.`);
  });

  const save = el('button', { data: { role: 'lookup-endpoint-save' } }, 'Save');
  save.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/settings-save', settings: { lookupEndpoint: endpoint.value } });
    if (!reply.ok) return say(`Could not save the endpoint: ${reply.error}.`, true);
    show(reply.settings);
    endpoint.value = current.lookupEndpoint;
    say(current.lookupEndpoint ? `Lookups now go to ${engineHost(current)}.` : `Lookups use ${ENGINES[current.lookupEngine].name}'s own endpoint.`);
  });

  const reopen = el('button', { data: { role: 'open-onboarding' } }, 'Open the first-run setup again');
  reopen.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/open-onboarding' });
    if (!reply.ok) say(`Could not open the setup: ${reply.error}`, true);
  });

  return el(
    'section',
    { class: 'lookup' },
    el(
      'p',
      { class: 'muted' },
      'When a news page matches nothing in your library, Unspun can search a public news index for an earlier version of it, fetch the likeliest candidates and check them. You can also ask for a lookup from the popup.',
    ),
    el('label', {}, toggle, ' Look up originals'),
    el('label', {}, 'Search with ', engine),
    about,
    el('details', { class: 'advanced' }, el('summary', {}, 'Advanced'), el('label', {}, "Endpoint (leave empty for the engine's own): ", endpoint), save),
    note,
    status,
    reopen,
  );
}
