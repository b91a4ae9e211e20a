import { browser } from 'wxt/browser';
import { localized, localizedRef, type MessageKey, type MessageRef, type MessageSource } from '../core/messages.ts';

/** The browser's `i18n.getMessage` (it may be missing or throw: tests; `localized` falls back to English). */
const browserMessages: MessageSource = (k, subs) => browser.i18n.getMessage(k as never, subs);

/**
 * Message `key` of public/_locales in the browser's language, for a text the background hands a
 * reader (a refused request's reason, a lookup's result, the toolbar button's title): the popup and
 * the library page show such texts as they come. English where the browser has no such message or
 * no `i18n` (tests), word for word as public/_locales/en has it.
 */
export function inBrowserLanguage(key: MessageKey, ...substitutions: string[]): string {
  return localized(key, substitutions, browserMessages);
}

/**
 * A text the pure code gave as a message beside its English (a pack import's reasons) in the
 * browser's language, for a reply that carries one string; `english` where there is no message or
 * it names one this version lacks.
 */
export function refInBrowserLanguage(message: MessageRef | undefined, english: string): string {
  return (message && localizedRef(message, browserMessages)) ?? english;
}
