import en from '../../public/_locales/en/messages.json' with { type: 'json' };

/** A message of `public/_locales/<locale>/messages.json` (English is the reference: every key is there). */
export type MessageKey = keyof typeof en;

/** The browser's `i18n.getMessage`, or any function that looks messages up the same way. */
export type MessageSource = (key: string, substitutions: string[]) => string;

let source: MessageSource | undefined;

/** Entry points hand in the browser's `i18n.getMessage` (src/ui stays free of extension APIs). */
export function useMessages(getMessage: MessageSource | undefined): void {
  source = getMessage;
}

/**
 * The UI text `key` in the browser's language, with `$1`… placeholders filled by `substitutions`.
 * Where there is no message source or it has no such message (tests, Node), the English one.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  let text: string | undefined;
  try {
    text = source?.(key, substitutions);
  } catch {
    text = undefined;
  }
  return text || fill(en[key].message, substitutions);
}

/** `$1`… in an English message filled as `browser.i18n` fills them (`$$` is a dollar sign). */
function fill(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\d|\$)/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}
