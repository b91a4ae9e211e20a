import { localized, localizedRef, type MessageKey, type MessageRef, type MessageSource } from '../core/messages.ts';

export type { MessageKey, MessageRef, MessageSource };

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
  return localized(key, substitutions, source);
}

/**
 * A text the core described as a message (`MessageRef`, e.g. a verdict's `reasonMessage`) in the
 * browser's language; undefined when it names a message this version lacks (the caller shows its English).
 */
export function tRef(ref: MessageRef): string | undefined {
  return localizedRef(ref, source);
}
