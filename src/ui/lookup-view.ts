import { LOOKUP_ENGINE_IDS, type Settings } from '../ext/settings-schema.ts';
import type { UiHost } from '../ext/ui-host.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';
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
      say(t('lookupOffError', reply.error), true);
      return undefined;
    }
    say(t('lookupOff'));
    return reply.settings;
  }
  const granted = await host.requestHosts(ALL_HOSTS).catch(() => false);
  if (!granted) {
    toggle.checked = false;
    say(t('lookupRefused'), true);
    return undefined;
  }
  const reply = await host.send({ type: 'unspun/settings-save', settings: { lookupEnabled: true } });
  if (!reply.ok) {
    toggle.checked = false;
    say(t('lookupOnError', reply.error), true);
    return undefined;
  }
  say(t('lookupOn', ENGINES[reply.settings.lookupEngine].name));
  return reply.settings;
}

/** What a lookup sends where, in two sentences. */
export function lookupPrivacy(s: Pick<Settings, 'lookupEngine' | 'lookupEndpoint'>): string {
  return t('lookupPrivacy', ENGINES[s.lookupEngine].name, engineHost(s));
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
    if (!reply || !reply.ok) return say(reply ? t('lookupEngineErrorWhy', reply.error) : t('lookupEngineError'), true);
    show(reply.settings);
    say(
      current.lookupEndpoint
        ? t('lookupEngineOwnEndpoint', ENGINES[current.lookupEngine].name, engineHost(current))
        : t('lookupEngineSet', ENGINES[current.lookupEngine].name),
    );
  });

  const save = el('button', { data: { role: 'lookup-endpoint-save' } }, t('lookupEndpointSave'));
  save.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/settings-save', settings: { lookupEndpoint: endpoint.value } });
    if (!reply.ok) return say(t('lookupEndpointError', reply.error), true);
    show(reply.settings);
    endpoint.value = current.lookupEndpoint;
    say(current.lookupEndpoint ? t('lookupEndpointSaved', engineHost(current)) : t('lookupEndpointDefault', ENGINES[current.lookupEngine].name));
  });

  const reopen = el('button', { data: { role: 'open-onboarding' } }, t('lookupReopenSetup'));
  reopen.addEventListener('click', async () => {
    const reply = await host.send({ type: 'unspun/open-onboarding' });
    if (!reply.ok) say(t('lookupReopenError', reply.error), true);
  });

  return el(
    'section',
    { class: 'lookup' },
    el('p', { class: 'muted' }, t('lookupAbout')),
    el('label', {}, toggle, ` ${t('lookupSwitch')}`),
    el('label', {}, `${t('lookupEngineLabel')} `, engine),
    about,
    el('details', { class: 'advanced' }, el('summary', {}, t('lookupAdvanced')), el('label', {}, `${t('lookupEndpointLabel')} `, endpoint), save),
    note,
    status,
    reopen,
  );
}
