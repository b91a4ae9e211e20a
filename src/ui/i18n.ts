import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

/** A message of `public/_locales/<locale>/messages.json` (English is the reference: every key is there). */
export type MessageKey = keyof typeof en;

/**
 * The UI text `key` in the browser's language (`browser.i18n`), with `$1`… placeholders filled by
 * `substitutions`. Where the browser has no message (tests, Node), the English one.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  let text = '';
  try {
    text = browser.i18n?.getMessage(key, substitutions) ?? '';
  } catch {
    text = '';
  }
  return text || fill(en[key].message, substitutions);
}

/** `$1`… in an English message filled as `browser.i18n` fills them (`$$` is a dollar sign). */
function fill(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (m, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}
