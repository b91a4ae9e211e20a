import en from '../../public/_locales/en/messages.json' with { type: 'json' };

/**
 * Texts in the reader's language, for every layer that shows text: the UI (`t()` in src/ui/i18n.ts)
 * and the background (the in-page notice's wording). Pure: the browser's `i18n.getMessage` comes in
 * as a `MessageSource`.
 */

/** A message of `public/_locales/<locale>/messages.json` (English is the reference: every key is there). */
export type MessageKey = keyof typeof en;

/** The browser's `i18n.getMessage`, or any function that looks messages up the same way. */
export type MessageSource = (key: string, substitutions: string[]) => string;

/**
 * Message `key` from `source`, with `$1`… placeholders filled by `substitutions`; the English one
 * where there is no source, it has no such message, or it fails (tests, Node).
 */
export function localized(key: MessageKey, substitutions: string[], source?: MessageSource): string {
  let text: string | undefined;
  try {
    text = source?.(key, substitutions);
  } catch {
    text = undefined;
  }
  return text || fillPlaceholders(en[key].message, substitutions);
}

/** `$1`… in a message filled as `browser.i18n` fills them (`$$` is a dollar sign). */
export function fillPlaceholders(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}
