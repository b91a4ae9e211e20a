import { FINGERPRINT_VERSION, fingerprintSentences } from '../core/fingerprint.ts';
import type { MessageKey, MessageRef } from '../core/messages.ts';
import { normalizeUrl } from '../core/site.ts';
import type { LibraryArticle } from './article.ts';
import { PACK_FORMAT, PACK_LIMITS, PACK_VERSION, type PackHeader } from './pack-format.ts';
import { checkArticle, checkHeader, fingerprintReasonMessage } from './pack-validate.ts';

/**
 * Writes a library pack (see docs/pack-format.md): a header line, then one line per article.
 * Articles derived from another are left out (a pack shares originals), as are the local links
 * between articles (`derivatives`, `derivedFrom`). Fingerprints of an older version are
 * recomputed, so every line matches the header's `fingerprintVersion`. Pure.
 */
export function exportPack(articles: readonly LibraryArticle[], now: Date, meta: { description?: string } = {}): string {
  const lines = articles.filter((a) => !a.derivedFrom).map((a) => JSON.stringify(packLine(a)));
  const header: PackHeader = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: now.toISOString(),
    articles: lines.length,
    fingerprintVersion: FINGERPRINT_VERSION,
    generator: 'unspun',
    ...(meta.description ? { description: meta.description.slice(0, PACK_LIMITS.descriptionChars) } : {}),
  };
  return [JSON.stringify(header), ...lines].join('\n') + '\n';
}

/** One article as a pack line: its known fields in a fixed order, nothing local. */
function packLine(a: LibraryArticle): Record<string, unknown> {
  return {
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    site: a.site,
    siteName: a.siteName,
    title: a.title,
    byline: a.byline,
    published: a.published,
    firstSeen: a.firstSeen,
    source: a.source,
    sentences: a.sentences,
    fingerprint: a.fingerprint?.version === FINGERPRINT_VERSION ? a.fingerprint : fingerprintSentences(a.sentences),
  };
}

export interface ImportOptions {
  /** URLs already in the library (normalised here); pack articles with the same URL or canonical URL are skipped. */
  existingUrls?: ReadonlySet<string>;
  /** Ids already in the library; pack articles with one of them are skipped. */
  existingIds?: ReadonlySet<string>;
  /** Largest pack accepted, in UTF-8 bytes. Default `PACK_LIMITS.maxBytes`. */
  maxBytes?: number;
  /** The time of the import: every article's `firstSeen` (a pack's own claim proves nothing). Default: now. */
  now?: Date;
}

export interface ImportResult {
  /** The header, when it could be read. */
  header?: PackHeader;
  /** Valid, new articles, with `source: 'pack'`. Empty when `error` is set. */
  articles: LibraryArticle[];
  /** Article lines left out, by 1-based line number, and why. */
  skipped: { line: number; reason: string }[];
  /** Why the whole pack was refused (too large, no valid header). */
  error?: string;
  /** Something off that did not stop the import (the header's count does not match the lines). */
  warning?: string;
  /**
   * The same texts as messages, for the library page (in the reader's language): `skipped`,
   * `error` and `warning` stay the English the CLI prints. `skipped[i]`'s is `messages.skipped[i]`
   * (undefined for a reason of no known message).
   */
  messages: { skipped: (MessageRef | undefined)[]; error?: MessageRef; warning?: MessageRef };
}

/**
 * Reads a library pack without trusting it: the header must be valid and of a version this code
 * reads, every article line is validated field by field (see `checkArticle`: its fingerprint must
 * be its sentences', its `firstSeen` becomes the import time), and duplicates, by
 * normalised URL or id, within the pack or against the library, are skipped. A bad line is
 * skipped with its reason; a pack that is too large or has no valid header gives `error` and no
 * articles. Pure: it never touches the library, so an import cannot corrupt it. Never throws.
 */
export function importPack(text: string, options: ImportOptions = {}): ImportResult {
  const skipped: ImportResult['skipped'] = [];
  const skippedMessages: ImportResult['messages']['skipped'] = [];
  const skip = (line: number, reason: string, message: MessageRef | undefined) => {
    skipped.push({ line, reason });
    skippedMessages.push(message);
  };
  const refuse = (error: string, message: MessageRef | undefined): ImportResult => ({
    articles: [],
    skipped: [],
    error,
    messages: { skipped: [], ...(message ? { error: message } : {}) },
  });
  if (typeof text !== 'string') return refuse('the pack is not text', ref('packErrorNotText'));
  const maxBytes = options.maxBytes ?? PACK_LIMITS.maxBytes;
  if (text.length > maxBytes || utf8Length(text) > maxBytes)
    return refuse(`the pack is larger than ${maxBytes} bytes`, ref('errorPackTooLarge', String(maxBytes)));
  const lines = text.replace(/^\ufeff/, '').split('\n');
  const first = lines[0]?.replace(/\r$/, '') ?? '';
  if (!first.trim()) return refuse('the pack is empty or its first line is blank', ref('packErrorEmpty'));
  let headerJson: unknown;
  try {
    headerJson = first.length <= PACK_LIMITS.maxLineChars ? JSON.parse(first) : undefined;
  } catch {
    return refuse('not an Unspun pack: the first line is not JSON', ref('packErrorHeaderNotJson'));
  }
  const header = checkHeader(headerJson);
  if (!header.ok) return refuse(header.reason, header.reasonMessage);

  const now = options.now ?? new Date();
  const seenUrls = new Set([...(options.existingUrls ?? [])].map(normalizeUrl));
  const seenIds = new Set(options.existingIds ?? []);
  const articles: LibraryArticle[] = [];
  let articleLines = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim()) continue;
    articleLines++;
    const lineNo = i + 1;
    if (line.length > PACK_LIMITS.maxLineChars) {
      skip(lineNo, `line longer than ${PACK_LIMITS.maxLineChars} characters`, ref('packReasonLineTooLong', String(PACK_LIMITS.maxLineChars)));
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      skip(lineNo, 'not JSON', ref('packReasonNotJson'));
      continue;
    }
    const checked = checkArticle(json, now);
    if (!checked.ok) {
      skip(lineNo, checked.reason, checked.reasonMessage ?? fingerprintReasonMessage(checked.reason));
      continue;
    }
    const a = checked.value;
    const keys = [normalizeUrl(a.url), ...(a.canonicalUrl ? [normalizeUrl(a.canonicalUrl)] : [])];
    const dupUrl = keys.find((k) => seenUrls.has(k));
    if (dupUrl) {
      skip(lineNo, `duplicate URL ${dupUrl}`, ref('packReasonDuplicateUrl', dupUrl));
      continue;
    }
    if (seenIds.has(a.id)) {
      skip(lineNo, `duplicate id ${a.id.slice(0, 200)}`, ref('packReasonDuplicateId', a.id.slice(0, 200)));
      continue;
    }
    for (const k of keys) seenUrls.add(k);
    seenIds.add(a.id);
    articles.push(a);
  }
  const result: ImportResult = { header: header.value, articles, skipped, messages: { skipped: skippedMessages } };
  if (articleLines !== header.value.articles) {
    result.warning = `the header announces ${header.value.articles} articles but the pack has ${articleLines} article lines (truncated or edited?)`;
    result.messages.warning = ref('packWarningCount', String(header.value.articles), String(articleLines));
  }
  return result;
}

const ref = (key: MessageKey, ...args: string[]): MessageRef => ({ key, args });

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
