import { browser } from 'wxt/browser';
import { localized, type MessageKey } from '../core/messages.ts';

/**
 * Message `key` of public/_locales in the browser's language, for a text the background hands a
 * reader (a refused request's reason, a lookup's result, the toolbar button's title): the popup and
 * the library page show such texts as they come. English where the browser has no such message or
 * no `i18n` (tests), word for word as public/_locales/en has it.
 */
export function inBrowserLanguage(key: MessageKey, ...substitutions: string[]): string {
  return localized(key, substitutions, (k, subs) => browser.i18n.getMessage(k as never, subs));
}
