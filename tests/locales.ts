// The extension's messages as tests read them: a locale's messages.json, `browser.i18n.getMessage`
// over it, and what tells a German page from one that leaks keys, English or placeholders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { fillPlaceholders, type MessageSource } from '../src/core/messages.ts';

export type Messages = Record<string, { message: string; description?: string }>;

export const LOCALES = join(import.meta.dirname, '..', 'public', '_locales');
export const readLocale = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
export const en = readLocale('en');
export const de = readLocale('de');

/** `browser.i18n.getMessage` over a locale's messages.json: `$1`… filled, '' for an unknown key. */
export const getMessageFrom =
  (messages: Messages): MessageSource =>
  (key, subs) => {
    const message = messages[key]?.message;
    return message === undefined ? '' : fillPlaceholders(message, subs);
  };

/** Texts of the English messages long enough to be recognised (short ones like "Done" or "Firefox:" could be anything). */
export const englishTexts = Object.entries(en)
  .filter(([, { message }]) => message.length >= 20)
  .map(([, { message }]) => message.split('$')[0]!.trim())
  .filter((m) => m.length >= 15);

/** Every text a reader sees or hears: text content, alt texts, labels, placeholders. */
export const visible = (root: HTMLElement) =>
  [
    root.textContent ?? '',
    ...[...root.querySelectorAll('[alt],[aria-label],[placeholder],[title]')].flatMap((e) =>
      ['alt', 'aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
    ),
  ].join('\n');

/** German text only: no message key shown, no English message, no placeholder left unfilled. */
export const expectGerman = (text: string) => {
  for (const key of Object.keys(en)) expect(text, `key ${key} shown as text`).not.toMatch(new RegExp(`\\b${key}\\b`));
  for (const m of englishTexts) expect(text, 'English text on the German page').not.toContain(m);
  expect(text).not.toMatch(/\$\d/);
};
