import type { MessageKey, MessageRef } from '../core/messages.ts';
import { tRef } from './i18n.ts';

/**
 * A feed's last error as a message, read back from the English the poller stores
 * (`FeedPollState.lastError`: src/feeds/schedule.ts, parse-feed.ts, json-feed.ts, xml.ts and
 * src/net/fetch-text.ts say what went wrong in English, and a stored state keeps it): the fixed part
 * becomes a message, the technical detail (a status, a parser's or the browser's own words) its
 * argument. Undefined for a text of no known shape (a clipped one, a newer poller's), shown as it is.
 */
export function feedErrorMessage(error: string): MessageRef | undefined {
  return messageOf(error, FEED_ERRORS);
}

/** `error` in the reader's language where it has a known shape, else as it is (`feedErrorMessage`). */
export function feedErrorText(error: string): string {
  const message = feedErrorMessage(error);
  return (message && tRef(message)) ?? error;
}

/** A known shape: the whole text, or a pattern whose groups are the message's arguments. */
type Shape = readonly [text: string | RegExp, key: MessageKey];

/** What a fetch that failed says (src/net/fetch-text.ts), inside "network error: …". */
const NETWORK_ERRORS: readonly Shape[] = [
  [/^response larger than (\d+) bytes$/, 'feedErrorResponseTooLarge'],
  [/^no complete response within (\d+) ms$/, 'feedErrorTimeout'],
  [/^(\S+) redirected to (.+), which Unspun has no permission to read$/s, 'feedErrorRedirectNoPermission'],
];

const FEED_ERRORS: readonly Shape[] = [
  ['HTTP 410: the feed is gone', 'feedErrorGone'],
  [/^HTTP (\d{3})$/, 'feedErrorHttp'],
  ['the feed is not text', 'feedErrorNotText'],
  [/^the feed is too large \(([\d.]+) MB; the limit is ([\d.]+) MB\)$/, 'feedErrorTooLarge'],
  ['the feed URL is not an absolute http(s) URL', 'feedErrorBadUrl'],
  ['the feed is empty', 'feedErrorEmpty'],
  [/^the feed could not be read: (.*)$/s, 'feedErrorUnreadable'],
  ['this is an HTML page, not a feed', 'feedErrorHtml'],
  ['not a feed: neither XML nor JSON', 'feedErrorNotXmlOrJson'],
  [/^not a feed: the document's root element is <(.*)>$/s, 'feedErrorRoot'],
  [/^not valid JSON: (.*)$/s, 'feedErrorJson'],
  ['a JSON Feed must be a JSON object', 'feedErrorJsonObject'],
  ['not a JSON Feed (no jsonfeed.org version)', 'feedErrorJsonVersion'],
  ['JSON Feed "items" is not an array', 'feedErrorJsonItems'],
  ['the feed declares entities in a DOCTYPE; such feeds are refused', 'feedErrorEntities'],
  [/^not well-formed XML: (.*) \(line (\d+), column (\d+)\)$/s, 'feedErrorXml'],
  ['no XML root element', 'feedErrorNoRoot'],
  [/^XML parser refused the feed: (.*)$/s, 'feedErrorXmlRefused'],
];

function messageOf(text: string, shapes: readonly Shape[]): MessageRef | undefined {
  // A network error's detail is the fetch's own text (in the reader's language where it is ours) or the browser's.
  const network = /^network error: (.*)$/s.exec(text);
  if (network && shapes === FEED_ERRORS) return { key: 'feedErrorNetwork', args: [messageOf(network[1]!, NETWORK_ERRORS) ?? network[1]!] };
  for (const [shape, key] of shapes) {
    if (typeof shape === 'string') {
      if (text === shape) return { key, args: [] };
      continue;
    }
    const m = shape.exec(text);
    if (m) return { key, args: m.slice(1).map((g) => g ?? '') };
  }
  return undefined;
}
