import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/core/verdict.ts';
import { localNoticeMessage } from '../../src/ext/notice-background.ts';
import { noticeMessage } from '../../src/ext/notice-message.ts';
import type { TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { de, getMessageFrom } from '../locales.ts';
import { ORIGINAL, PAGE, rewrite as rewriteVerdict } from './notice-fixtures.ts';

/** `browser.i18n` over the German messages.json. */
const german = { getMessage: (key: string, subs: string[] = []) => getMessageFrom(de)(key, subs) };

const record = (verdict: Verdict): TabVerdict => ({ url: PAGE, checkedAt: '2026-12-02T10:00:00.000Z', verdict, librarySize: 2 });
const rewrite = record(rewriteVerdict);

describe('the in-page notice in the browser language', () => {
  it("is in German where the browser's messages are German, with the original's outlet and headline filled in", () => {
    const m = localNoticeMessage(rewrite, { i18n: german });
    expect(m.notice).toMatchObject({
      heading: 'Unspun: Das sieht nach einer Umschrift ohne Quellenangabe aus',
      text: 'Die Seite gibt den Artikel „Russia was smug“ von CNBC wieder, ohne ihn als Quelle zu nennen.',
      evidence: 'Belege anzeigen',
      link: 'Artikel von CNBC lesen',
      close: 'Hinweis von Unspun schließen',
      href: ORIGINAL.url,
    });
    expect(m.notice!.css).toBe(noticeMessage(rewrite).notice!.css);
  });

  it('is the English notice, word for word, without i18n or where it has no message or throws', () => {
    const english = noticeMessage(rewrite);
    expect(english.notice!.heading).toBe('Unspun: this looks like an uncredited rewrite');
    expect(localNoticeMessage(rewrite, {})).toEqual(english);
    expect(localNoticeMessage(rewrite, { i18n: { getMessage: () => '' } })).toEqual(english);
    expect(
      localNoticeMessage(rewrite, {
        i18n: {
          getMessage: () => {
            throw new Error('no i18n');
          },
        },
      }),
    ).toEqual(english);
  });

  it('stays no notice for any other verdict', () => {
    expect(localNoticeMessage(record({ kind: 'none', reason: 'nothing' } as Verdict), { i18n: german }).notice).toBeNull();
  });
});
