// Issue 13: texts the background hands a reader (the toolbar button's title, why a lookup did not
// start, a lookup's result, why a pack transfer failed) are in the browser's language, and word for
// word the English they were where the browser has no messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor } from '../../src/ext/badge.ts';
import { startLookup } from '../../src/ext/lookup-runner.ts';
import { PackTransfers } from '../../src/ext/pack-transfer.ts';
import { de, expectGerman, getMessageFrom } from '../locales.ts';

const KINDS = ['uncredited-rewrite', 'credited', 'disputed', 'original', 'none', 'not-article'] as const;
const i18n = browser.i18n as { getMessage: unknown };
const unlocalized = i18n.getMessage;

/** What the background says about: badges, a lookup that cannot start, pack transfers gone wrong. */
async function texts(): Promise<string[]> {
  const packs = new PackTransfers(Date.now, 10);
  const noArticle = await startLookup(9, undefined as never, undefined as never);
  return [
    ...KINDS.map((k) => badgeFor(k).title),
    noArticle.error!,
    (packs.receive('a', 1, 'x', true) as { error: string }).error,
    (packs.receive('b', 0, 'x'.repeat(11), true) as { error: string }).error,
    (packs.part('none', 0) as { error: string }).error,
  ];
}

describe('texts from the background', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    i18n.getMessage = unlocalized;
  });

  it('are the English they were without the browser’s messages', async () => {
    expect(await texts()).toEqual([
      'Unspun: this page looks like an uncredited rewrite',
      'Unspun: this page credits the article it is based on',
      'Unspun: this page and another are copies; which came first is disputed',
      'Unspun: other pages were found to copy this article',
      'Unspun: nothing to report',
      'Unspun: not a news article',
      'Unspun has not read an article on this tab. Reload the page and try again.',
      'the import was interrupted (its first part is missing); try again',
      'the pack is larger than 10 bytes',
      'the export was interrupted; try again',
    ]);
  });

  it('are German in German', async () => {
    i18n.getMessage = getMessageFrom(de);
    const said = await texts();
    expect(said[0]).toBe('Unspun: Diese Seite sieht wie eine Umschreibung ohne Quellenangabe aus');
    expect(said[6]).toBe('Unspun hat in diesem Tab keinen Artikel gelesen. Laden Sie die Seite neu und versuchen Sie es noch einmal.');
    expect(said[8]).toBe('das Paket ist größer als 10 Byte');
    expectGerman(said.join('\n'));
  });
});
