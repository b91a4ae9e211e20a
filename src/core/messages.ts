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

/**
 * A text to show in the reader's language, as data: a message and the values of its `$1`…
 * placeholders, each a plain string (a name, a figure) or another such text, put in first. The pure
 * core says what it found this way beside its English (a verdict's `reasonMessage`); the UI renders it.
 */
export interface MessageRef {
  key: MessageKey;
  args: (string | MessageRef)[];
}

/** Whether `key` is a message of this version (a stored text may name one an older or newer version had). */
export const isMessageKey = (key: unknown): key is MessageKey => typeof key === 'string' && Object.hasOwn(en, key);

/**
 * A `MessageRef` in the reader's language (`localized`, English without a source); undefined when it
 * names a message this version does not have, so the caller shows the English it came with instead.
 */
export function localizedRef(ref: MessageRef, source?: MessageSource, depth = 0): string | undefined {
  // A stored text is not trusted to have its shape (a lookup record is not checked field by field).
  if (depth > MAX_REF_DEPTH || typeof ref !== 'object' || ref === null || !isMessageKey(ref.key) || !Array.isArray(ref.args)) return undefined;
  const args: string[] = [];
  for (const a of ref.args) {
    const text = typeof a === 'string' ? a : localizedRef(a, source, depth + 1);
    if (text === undefined) return undefined;
    args.push(text);
  }
  return localized(ref.key, args, source);
}

/** How deep texts nest in a `MessageRef` (a reason within a reason within a reason). */
export const MAX_REF_DEPTH = 3;
