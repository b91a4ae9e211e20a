import { isMessageKey } from '../core/messages.ts';
import { t, type MessageKey } from './i18n.ts';

/**
 * A static page (the privacy policy) in the browser's language: each element marked
 * `data-i18n="key"` gets its message, whose only markup may be `<strong>…</strong>` and
 * `<code>…</code>`; they become those elements, everything else text (no HTML is parsed). The page
 * ships in English, so without messages it stays as it is. Also sets the document's language and title.
 */
export function localizeStaticPage(doc: Document, titleKey?: MessageKey): void {
  doc.documentElement.lang = t('htmlLang');
  if (titleKey) doc.title = t(titleKey);
  for (const e of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = e.dataset.i18n;
    if (isMessageKey(key)) e.replaceChildren(...withMarks(doc, t(key)));
  }
}

/** A message as nodes: its `<strong>` and `<code>` runs as those elements, the rest as text. */
export function withMarks(doc: Document, message: string): Node[] {
  return message.split(/(<(strong|code)>[\s\S]*?<\/\2>)/).flatMap<Node>((part, i) => {
    // split() puts each run's tag name after it (every third part): skip it.
    if (i % 3 === 2 || !part) return [];
    const run = /^<(strong|code)>([\s\S]*)<\/\1>$/.exec(part);
    if (!run) return [doc.createTextNode(part)];
    const e = doc.createElement(run[1]!);
    e.textContent = run[2]!;
    return [e];
  });
}
