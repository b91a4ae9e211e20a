// @vitest-environment happy-dom
// Issue 13, accessibility: every control has a name that says which row it acts on (axe-core's
// "label" rule in the E2E suites found 49 unnamed feed switches), and the evidence list that
// scrolls inside the popup can be reached by keyboard (axe's "scrollable-region-focusable").
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { browserUiHost } from '../../src/ext/ui-host.ts';
import { renderPopup } from '../../src/ui/popup-view.ts';
import { sourcesSection } from '../../src/ui/sources-view.ts';
import { serveBackground } from './background-fixture.ts';
import { flaggedWith } from './popup-fixtures.ts';

/** The accessible name a control gets from aria-label, else from its <label>'s text. */
const nameOf = (c: Element) => c.getAttribute('aria-label') ?? c.closest('label')?.textContent?.trim() ?? '';

describe('accessible names', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    serveBackground();
  });

  it('every feed switch, field and Remove button on the sources section names its feed', async () => {
    const host = browserUiHost();
    const said: string[] = [];
    const section = await sourcesSection(host, (text) => void said.push(text));
    document.body.replaceChildren(section);
    const reply = await host.send({ type: 'unspun/feed-add', url: 'https://news.example/rss.xml', outlet: 'Example News' });
    expect(reply.ok).toBe(true);
    const again = await sourcesSection(host, (text) => void said.push(text));
    document.body.replaceChildren(again);

    const switches = [...again.querySelectorAll('input[data-role=feed-enabled]')];
    expect(switches.length).toBeGreaterThan(40);
    const names = switches.map(nameOf);
    for (const [i, name] of names.entries()) {
      const row = switches[i]!.closest('li')!;
      expect(name).toContain(row.querySelector('strong')!.textContent!);
      expect(name).toContain(row.querySelector('.muted')!.textContent!);
    }
    expect(new Set(names).size).toBe(names.length); // no two switches share a name

    const remove = [...again.querySelectorAll('button')].filter((b) => b.textContent === 'Remove');
    expect(remove.map(nameOf)).toEqual(['Remove the Example News feed, https://news.example/rss.xml']);
    for (const field of again.querySelectorAll('input:not([type=checkbox])')) expect(nameOf(field)).not.toBe('');
  });

  it('the popup evidence list, which scrolls, takes focus and has a name', () => {
    const verdict = flaggedWith('Russia rushed.');
    const state: TabVerdict = { url: 'https://farm.example/a', checkedAt: '2025-10-22T16:00:00Z', librarySize: 12, verdict };
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    renderPopup(root, state, {});
    const list = root.querySelector('.evidence ol')!;
    expect(list.getAttribute('tabindex')).toBe('0');
    expect(list.getAttribute('aria-label')).toMatch(/original/);
    for (const live of root.querySelectorAll('[data-role=lookup-status], [data-role=popup-status]')) {
      expect(live.getAttribute('role')).toBe('status');
    }
  });
});
