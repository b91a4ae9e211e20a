import { isHttpUrl, sameAddress } from '../core/url.ts';
import type { Verdict } from '../core/verdict.ts';
import type { ExtractedArticle, ExtractResult } from '../extract/extract-article.ts';
import type { LibraryArticle } from '../library/article.ts';
import type { Corrections } from '../library/corrections.ts';
import { ARTICLE_LIMITS } from '../extract/cap-article.ts';
import type { FeedSubscription } from './feed-subscriptions.ts';
import { LOOKUP_ENGINE_IDS, type Settings } from './settings-schema.ts';

/**
 * The extension's one message protocol: every message any context sends another, its sender, its
 * receiver, its request and its reply, in one map (`Protocol`) with one validator per shape
 * (`ROUTES`) and one sender check (`senderChannel`). Pure: no extension API, so pages, tests and
 * the background share it. `acceptMessage` is the only way in for a message.
 *
 * Channels: `content` is this extension's content script in a web page's tab; `extension` is one of
 * its own pages (popup, options, setup, the offscreen document) or its background.
 */
export type Channel = 'content' | 'extension';
/** The context that answers a message. */
export type Receiver = 'background' | 'offscreen';

interface Route<F extends Channel, R extends Receiver, Req extends { type: string }, Rep> {
  from: F;
  to: R;
  request: Req;
  reply: Rep;
}

/** A reply that may fail: `ok` and the answer, or `ok: false` and why (for the reader). */
export type Ok<T extends object = object> = { ok: true } & T;
export type Failed = { ok: false; error: string };
export type Result<T extends object = object> = Ok<T> | Failed;

/**
 * Content script → background: the article on this tab, extracted and capped (`capArticle`). The
 * background splits it into sentences and fingerprints it (`readArticle`): the content script loads
 * neither the fingerprint nor its synonym table, and a page cannot bring a fingerprint of its own.
 */
export interface CheckArticleMessage {
  type: 'unspun/check-article';
  article: ExtractedArticle;
}

/**
 * Content script → background: what a reader sees of this tab's page, as HTML (`snapshotPage`:
 * hidden parts, scripts, styles and form fields left out). The background reads the article from
 * it (`extractHtml`), so Readability never runs in the page's thread.
 */
export interface CheckPageMessage {
  type: 'unspun/check-page';
  url: string;
  html: string;
}

/** Content script → background: this tab's page is not an article. */
export interface NotArticleMessage {
  type: 'unspun/not-article';
  url: string;
  reason: string;
}

export type ContentMessage = CheckArticleMessage | NotArticleMessage;

/** A library entry as the library page lists it (no text, no fingerprint). */
export type LibraryEntry = Pick<
  LibraryArticle,
  'id' | 'url' | 'title' | 'site' | 'siteName' | 'published' | 'firstSeen' | 'source' | 'derivatives' | 'derivedFrom'
>;

/** The storage figures the library page shows. */
export interface StorageInfo {
  /** Articles listed on the library page (feed items not fetched yet left out). */
  articles: number;
  feedItems: number;
  /** Bytes used by the extension's origin, when the browser says. */
  usage?: number;
  /** The last time articles were removed to make room (storage full, or the size limit reached). */
  full: { at: string; evicted: number; reason?: 'full' | 'limit' } | null;
  /** The most articles the library keeps (the user's setting). */
  maxArticles?: number;
}

/**
 * A correction the reader makes or takes back ("This is wrong", src/library/corrections.ts): this
 * page (its library id, `articleIdFor`) does not derive from that article (its library id), or this
 * site (`siteOf`) is trusted. The titles are for the list on the library page only.
 */
export type CorrectionRequest =
  { kind: 'not-derived'; page: string; original: string; pageTitle?: string; originalTitle?: string } | { kind: 'trusted-site'; site: string };

/** What a correction added or taken back did: the corrections now, and whether the tab named was checked again. */
export type CorrectionReply = Result<{ corrections: Corrections; rechecked: boolean }>;

/** What a finished pack import did (see `importPack`). */
export interface PackImportReport {
  imported: number;
  skipped: { line: number; reason: string }[];
  warning?: string;
}

export interface Protocol {
  // Content script → background.
  'unspun/check-article': Route<'content', 'background', CheckArticleMessage, Verdict>;
  'unspun/not-article': Route<'content', 'background', NotArticleMessage, Verdict>;
  'unspun/check-page': Route<'content', 'background', CheckPageMessage, Verdict>;
  /** The reader asked the page's notice for the evidence: the background opens the popup, or its page in a tab (`openEvidence`). */
  'unspun/open-evidence': Route<'content', 'background', { type: 'unspun/open-evidence'; url: string }, Ok<{ shown: 'popup' | 'tab' }>>;
  /** Content script → background: this page looks like an article and is being read; the background gets its library ready meanwhile. */
  'unspun/reading-page': Route<'content', 'background', { type: 'unspun/reading-page'; url: string }, Ok>;

  // Extension pages → background: the library, settings and feeds are the background's alone.
  'unspun/library-list': Route<'extension', 'background', { type: 'unspun/library-list' }, Result<{ entries: LibraryEntry[] }>>;
  'unspun/library-remove': Route<'extension', 'background', { type: 'unspun/library-remove'; id: string }, Result>;
  'unspun/library-clear': Route<'extension', 'background', { type: 'unspun/library-clear' }, Result>;
  'unspun/storage-info': Route<'extension', 'background', { type: 'unspun/storage-info' }, Result<StorageInfo>>;
  'unspun/forget-now': Route<'extension', 'background', { type: 'unspun/forget-now' }, Result<{ forgotten: number }>>;
  /**
   * A pack file in parts (a browser caps one message; Chrome at 64 MiB): parts 0, 1, … of one
   * `transfer`, the last with `last: true`, which validates and imports the whole pack in one step.
   */
  'unspun/pack-import': Route<
    'extension',
    'background',
    { type: 'unspun/pack-import'; transfer: string; part: number; text: string; last: boolean },
    Result<{ done: false } | ({ done: true } & PackImportReport)>
  >;
  /** The library as a pack, in parts: part 0 without `transfer` writes it; the reply names the transfer for the next parts. */
  'unspun/pack-export': Route<
    'extension',
    'background',
    { type: 'unspun/pack-export'; transfer?: string; part: number },
    Result<{ transfer: string; text: string; last: boolean; articles: number }>
  >;
  'unspun/settings-get': Route<'extension', 'background', { type: 'unspun/settings-get' }, Result<{ settings: Settings }>>;
  'unspun/settings-save': Route<'extension', 'background', { type: 'unspun/settings-save'; settings: Partial<Settings> }, Result<{ settings: Settings }>>;
  'unspun/feeds-list': Route<'extension', 'background', { type: 'unspun/feeds-list' }, Result<{ feeds: FeedSubscription[] }>>;
  'unspun/feed-add': Route<'extension', 'background', { type: 'unspun/feed-add'; url: string; outlet: string }, Result<{ feed: FeedSubscription }>>;
  'unspun/feed-remove': Route<'extension', 'background', { type: 'unspun/feed-remove'; id: string }, Result>;
  /** Turns feeds on or off (a default feed missing from the list is added); the reply lists the ids changed. */
  'unspun/feeds-enable': Route<'extension', 'background', { type: 'unspun/feeds-enable'; ids: string[]; enabled: boolean }, Result<{ ids: string[] }>>;
  'unspun/feeds-poll': Route<'extension', 'background', { type: 'unspun/feeds-poll'; ids: string[] }, Result<{ polled: string[]; newItems: number }>>;
  /** Look for the original of the article in a tab (the popup's button); progress goes to the tab's verdict. */
  'unspun/lookup': Route<'extension', 'background', { type: 'unspun/lookup'; tabId: number }, Result>;
  'unspun/onboarding-done': Route<'extension', 'background', { type: 'unspun/onboarding-done' }, Result>;
  /** The reader's corrections ("This is wrong"), for the popup and the library page. */
  'unspun/corrections-list': Route<'extension', 'background', { type: 'unspun/corrections-list' }, Result<{ corrections: Corrections }>>;
  /** Adds a correction; with `tabId`, that tab's page is checked again at once (from the article it last sent). */
  'unspun/correction-add': Route<'extension', 'background', { type: 'unspun/correction-add'; correction: CorrectionRequest; tabId?: number }, CorrectionReply>;
  /** Takes a correction back (titles ignored); with `tabId`, as for adding. */
  'unspun/correction-remove': Route<
    'extension',
    'background',
    { type: 'unspun/correction-remove'; correction: CorrectionRequest; tabId?: number },
    CorrectionReply
  >;
  'unspun/open-onboarding': Route<'extension', 'background', { type: 'unspun/open-onboarding' }, Result>;

  // Background → offscreen document (Chrome: the service worker has no DOM).
  'unspun/offscreen-extract': Route<'extension', 'offscreen', OffscreenExtractMessage, ExtractResult>;
}

/** Background → offscreen document: HTML to read; `page`: a tab's own page (judged as an article would be), else a fetched original. */
export interface OffscreenExtractMessage {
  type: 'unspun/offscreen-extract';
  html: string;
  url: string;
  page?: boolean;
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];
/** The message types a receiver answers (and, optionally, from one channel only). */
export type TypesTo<R extends Receiver, C extends Channel = Channel> = {
  [T in MessageType]: Protocol[T]['to'] extends R ? (Protocol[T]['from'] extends C ? T : never) : never;
}[MessageType];
export type AnyRequest = RequestOf<MessageType>;
/** An extension page's request to the background. */
export type PageRequest = RequestOf<TypesTo<'background', 'extension'>>;

/** Sends one message and resolves to its typed reply. */
export type Send = <T extends MessageType>(msg: RequestOf<T> & { type: T }) => Promise<ReplyOf<T>>;

/** The handlers of a receiver: one per message type it answers, each given the validated request. */
export type Handlers<R extends Receiver, C extends Channel = Channel> = {
  [T in TypesTo<R, C>]: (req: RequestOf<T>, sender: Sender) => Promise<ReplyOf<T>>;
};

/** What the receiving side knows of a message's sender (a subset of `runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** This extension, as the sender check needs it: `runtime.id` and `runtime.getURL('/')`. */
export interface Self {
  id: string;
  origin: string;
}

/**
 * The one sender check. A message of another extension or of a web page has no channel. One of
 * this extension's own pages or its background sends from the extension's origin; its content
 * script sends from a web page in a tab.
 */
export function senderChannel(sender: Sender, self: Self): Channel | null {
  if (sender.id !== self.id) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(self.origin)) return 'extension';
  if (typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && typeof sender.url === 'string') return 'content';
  return null;
}

/** Size caps: a hostile or huge page cannot make the background do unbounded work. */
export const LIMITS = {
  /** An article's own bounds (`capArticle` trims a page's article to them before it is sent). */
  ...ARTICLE_LIMITS,
  /** Ids in one request (feeds, library entries). */
  ids: 500,
  idChars: 4_000,
  /** One part of a pack transfer, in characters (at most ~6 bytes each once JSON-escaped: under Chrome's 64 MiB). */
  packPartChars: 4 * 1024 * 1024,
  /** A correction's page and article ids, and its titles (as src/library/corrections.ts keeps them). */
  correctionIdChars: 2_048,
  correctionTitleChars: 300,
  /** A fetched page handed to the offscreen document (the fetch itself stops at 4 MB). */
  htmlChars: 16 * 1024 * 1024,
  /** A tab's page as its content script sends it (`snapshotPage` stops at 2,000,000 characters and closes what is open; the article text read from it is capped at 300,000). */
  pageHtmlChars: 2_100_000,
} as const;

interface RouteSpec<T extends MessageType> {
  from: Protocol[T]['from'];
  to: Protocol[T]['to'];
  /** Validates a message of this type (its `type` already matched); null when malformed or oversized. */
  parse(m: Record<string, unknown>): RequestOf<T> | null;
  /** For content scripts: the page the message speaks for, which must be the sender's own. */
  page?(req: RequestOf<T>): string;
}

/** Requests that carry nothing but their type. */
const bare =
  <T extends MessageType>(type: T) =>
  (): RequestOf<T> | null =>
    ({ type }) as RequestOf<T>;

/** Every message type: who sends it, who answers it, and its validator. */
export const ROUTES: { [T in MessageType]: RouteSpec<T> } = {
  'unspun/check-article': { from: 'content', to: 'background', parse: parseCheckArticle, page: (m) => m.article.url },
  'unspun/not-article': {
    from: 'content',
    to: 'background',
    parse: (m) =>
      isHttpUrl(m['url']) && isString(m['reason'], LIMITS.shortString) ? { type: 'unspun/not-article', url: m['url'], reason: m['reason'] } : null,
    page: (m) => m.url,
  },
  'unspun/check-page': {
    from: 'content',
    to: 'background',
    parse: (m) => (isHttpUrl(m['url']) && isString(m['html'], LIMITS.pageHtmlChars) ? { type: 'unspun/check-page', url: m['url'], html: m['html'] } : null),
    page: (m) => m.url,
  },
  'unspun/reading-page': {
    from: 'content',
    to: 'background',
    parse: (m) => (isHttpUrl(m['url']) ? { type: 'unspun/reading-page', url: m['url'] } : null),
    page: (m) => m.url,
  },
  'unspun/open-evidence': {
    from: 'content',
    to: 'background',
    parse: (m) => (isHttpUrl(m['url']) ? { type: 'unspun/open-evidence', url: m['url'] } : null),
    page: (m) => m.url,
  },
  'unspun/library-list': { from: 'extension', to: 'background', parse: bare('unspun/library-list') },
  'unspun/library-remove': {
    from: 'extension',
    to: 'background',
    parse: (m) => (isString(m['id'], LIMITS.idChars) ? { type: 'unspun/library-remove', id: m['id'] } : null),
  },
  'unspun/library-clear': { from: 'extension', to: 'background', parse: bare('unspun/library-clear') },
  'unspun/storage-info': { from: 'extension', to: 'background', parse: bare('unspun/storage-info') },
  'unspun/forget-now': { from: 'extension', to: 'background', parse: bare('unspun/forget-now') },
  'unspun/pack-import': {
    from: 'extension',
    to: 'background',
    parse: (m) =>
      isId(m['transfer']) && isIndex(m['part']) && isString(m['text'], LIMITS.packPartChars) && typeof m['last'] === 'boolean'
        ? { type: 'unspun/pack-import', transfer: m['transfer'], part: m['part'], text: m['text'], last: m['last'] }
        : null,
  },
  'unspun/pack-export': {
    from: 'extension',
    to: 'background',
    parse: (m) =>
      (m['transfer'] === undefined || isId(m['transfer'])) && isIndex(m['part'])
        ? { type: 'unspun/pack-export', part: m['part'], ...(m['transfer'] === undefined ? {} : { transfer: m['transfer'] }) }
        : null,
  },
  'unspun/settings-get': { from: 'extension', to: 'background', parse: bare('unspun/settings-get') },
  'unspun/settings-save': {
    from: 'extension',
    to: 'background',
    parse: (m) => {
      const settings = parseSettingsInput(m['settings']);
      return settings ? { type: 'unspun/settings-save', settings } : null;
    },
  },
  'unspun/feeds-list': { from: 'extension', to: 'background', parse: bare('unspun/feeds-list') },
  'unspun/feed-add': {
    from: 'extension',
    to: 'background',
    parse: (m) =>
      isString(m['url'], LIMITS.shortString) && isString(m['outlet'], LIMITS.shortString)
        ? { type: 'unspun/feed-add', url: m['url'], outlet: m['outlet'] }
        : null,
  },
  'unspun/feed-remove': {
    from: 'extension',
    to: 'background',
    parse: (m) => (isString(m['id'], LIMITS.idChars) ? { type: 'unspun/feed-remove', id: m['id'] } : null),
  },
  'unspun/feeds-enable': {
    from: 'extension',
    to: 'background',
    parse: (m) => (isIds(m['ids']) && typeof m['enabled'] === 'boolean' ? { type: 'unspun/feeds-enable', ids: m['ids'], enabled: m['enabled'] } : null),
  },
  'unspun/feeds-poll': {
    from: 'extension',
    to: 'background',
    parse: (m) => (isIds(m['ids']) ? { type: 'unspun/feeds-poll', ids: m['ids'] } : null),
  },
  'unspun/lookup': {
    from: 'extension',
    to: 'background',
    parse: (m) => (isIndex(m['tabId']) ? { type: 'unspun/lookup', tabId: m['tabId'] } : null),
  },
  'unspun/onboarding-done': { from: 'extension', to: 'background', parse: bare('unspun/onboarding-done') },
  'unspun/corrections-list': { from: 'extension', to: 'background', parse: bare('unspun/corrections-list') },
  'unspun/correction-add': {
    from: 'extension',
    to: 'background',
    parse: (m) => {
      const correction = parseCorrection(m['correction']);
      return correction && isOptionalTab(m['tabId'])
        ? { type: 'unspun/correction-add', correction, ...(m['tabId'] === undefined ? {} : { tabId: m['tabId'] as number }) }
        : null;
    },
  },
  'unspun/correction-remove': {
    from: 'extension',
    to: 'background',
    parse: (m) => {
      const correction = parseCorrection(m['correction']);
      return correction && isOptionalTab(m['tabId'])
        ? { type: 'unspun/correction-remove', correction, ...(m['tabId'] === undefined ? {} : { tabId: m['tabId'] as number }) }
        : null;
    },
  },
  'unspun/open-onboarding': { from: 'extension', to: 'background', parse: bare('unspun/open-onboarding') },
  'unspun/offscreen-extract': {
    from: 'extension',
    to: 'offscreen',
    parse: (m) =>
      isString(m['html'], LIMITS.htmlChars) && isHttpUrl(m['url']) && (m['page'] === undefined || typeof m['page'] === 'boolean')
        ? { type: 'unspun/offscreen-extract', html: m['html'], url: m['url'], ...(m['page'] ? { page: true } : {}) }
        : null,
  },
};

export const MESSAGE_TYPES = Object.keys(ROUTES) as MessageType[];

const isMessageType = (t: unknown): t is MessageType => typeof t === 'string' && Object.hasOwn(ROUTES, t);

/**
 * The only way in for a message: the sender check (`senderChannel`), the route's channel and
 * receiver, the route's validator, and, for a content script, that it speaks for its own page.
 * Returns the validated request (a fresh object of known fields), or null for anything else.
 */
export function acceptMessage(msg: unknown, sender: Sender, self: Self, receiver: Receiver): AnyRequest | null {
  if (!isObject(msg) || !isMessageType(msg['type'])) return null;
  const route: RouteSpec<MessageType> = ROUTES[msg['type']];
  if (route.to !== receiver || senderChannel(sender, self) !== route.from) return null;
  const req = route.parse(msg);
  if (!req) return null;
  if (route.page && !(sender.url && sameAddress(sender.url, route.page(req)))) return null;
  return req;
}

/**
 * Validates a message and hands it to its handler; undefined (and synchronously, so another context
 * may answer) for a message this receiver does not take, or has no handler for here.
 */
export function dispatch<R extends Receiver>(
  receiver: R,
  msg: unknown,
  sender: Sender,
  self: Self,
  handlers: Partial<Handlers<R>>,
): Promise<unknown> | undefined {
  const req = acceptMessage(msg, sender, self, receiver);
  if (!req) return undefined;
  const handle = (handlers as Partial<Record<MessageType, (req: AnyRequest, sender: Sender) => Promise<unknown>>>)[req.type];
  return handle?.(req, sender);
}

/**
 * Validates a content script's message; null for anything malformed or oversized. An article
 * message is its article alone (any other field, such as a fingerprint, is dropped): the
 * background fingerprints the article itself.
 */
export function parseContentMessage(msg: unknown): ContentMessage | null {
  if (!isObject(msg)) return null;
  if (msg['type'] === 'unspun/not-article') return ROUTES['unspun/not-article'].parse(msg);
  if (msg['type'] === 'unspun/check-article') return ROUTES['unspun/check-article'].parse(msg);
  return null;
}

function parseCheckArticle(m: Record<string, unknown>): CheckArticleMessage | null {
  const article = parseArticle(m['article']);
  return article ? { type: 'unspun/check-article', article } : null;
}

function parseArticle(a: unknown): ExtractedArticle | null {
  if (!isObject(a) || !isHttpUrl(a['url']) || !isString(a['title'], LIMITS.shortString)) return null;
  const paragraphs = a['paragraphs'];
  if (!isStringArray(paragraphs, LIMITS.paragraphs, LIMITS.paragraphChars)) return null;
  if (paragraphs.reduce((n, p) => n + p.length, 0) > LIMITS.totalChars) return null;
  const links = a['links'];
  if (!Array.isArray(links) || links.length > LIMITS.links) return null;
  if (!links.every((l) => isObject(l) && isHttpUrl(l['href']) && isString(l['text'], LIMITS.shortString))) return null;
  const declared = a['declaredSources'];
  if (!isStringArray(declared, LIMITS.declaredSources, LIMITS.shortString) || !declared.every((u) => isHttpUrl(u))) return null;
  const optional = ['byline', 'siteName', 'lang', 'excerpt', 'published', 'canonicalUrl'] as const;
  if (!optional.every((k) => a[k] === undefined || isString(a[k], LIMITS.shortString))) return null;
  if (a['canonicalUrl'] !== undefined && !isHttpUrl(a['canonicalUrl'])) return null;
  return {
    url: a['url'],
    title: a['title'],
    paragraphs: [...paragraphs],
    links: links.map((l) => ({ href: l['href'] as string, text: l['text'] as string })),
    declaredSources: [...declared],
    ...Object.fromEntries(optional.filter((k) => a[k] !== undefined).map((k) => [k, a[k] as string])),
  };
}

/**
 * A correction's fields, each checked: ids of at most LIMITS.correctionIdChars, a site that is a host
 * name, titles of at most LIMITS.correctionTitleChars (longer ones are cut: they are only shown).
 */
function parseCorrection(c: unknown): CorrectionRequest | null {
  if (!isObject(c)) return null;
  if (c['kind'] === 'trusted-site') {
    const site = c['site'];
    return isString(site, 253) && /^[a-z0-9][a-z0-9.-]*$/i.test(site) ? { kind: 'trusted-site', site: site.toLowerCase() } : null;
  }
  if (c['kind'] !== 'not-derived') return null;
  const isCorrectionId = (v: unknown): v is string => isString(v, LIMITS.correctionIdChars) && v.length > 0;
  const page = c['page'];
  const original = c['original'];
  if (!isCorrectionId(page) || !isCorrectionId(original) || page === original) return null;
  const title = (v: unknown) => (v === undefined ? undefined : isString(v, LIMITS.shortString) ? v.slice(0, LIMITS.correctionTitleChars) : null);
  const pageTitle = title(c['pageTitle']);
  const originalTitle = title(c['originalTitle']);
  if (pageTitle === null || originalTitle === null) return null;
  return {
    kind: 'not-derived',
    page,
    original,
    ...(pageTitle === undefined ? {} : { pageTitle }),
    ...(originalTitle === undefined ? {} : { originalTitle }),
  };
}

/** The settings fields of a save request, each of its type (their values are checked by `mergeSettings`). */
function parseSettingsInput(s: unknown): Partial<Settings> | null {
  if (!isObject(s)) return null;
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(s)) {
    if ((k === 'paused' || k === 'lookupEnabled' || k === 'showNotice') && typeof v === 'boolean') out[k] = v;
    else if (k === 'excludedSites' && isStringArray(v, 1000, 300)) out.excludedSites = [...v];
    else if (k === 'forgetReadAfterDays' && (v === null || typeof v === 'number')) out.forgetReadAfterDays = v;
    else if (k === 'feedItemDays' && typeof v === 'number') out.feedItemDays = v;
    else if (k === 'maxArticles' && typeof v === 'number') out.maxArticles = v;
    else if (k === 'lookupEngine' && typeof v === 'string') {
      const engine = LOOKUP_ENGINE_IDS.find((id) => id === v);
      if (!engine) return null;
      out.lookupEngine = engine;
    } else if (k === 'lookupEndpoint' && isString(v, LIMITS.shortString)) out.lookupEndpoint = v;
    else return null;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isId = (v: unknown): v is string => isString(v, 100) && v.length > 0;
const isOptionalTab = (v: unknown) => v === undefined || isIndex(v);
const isIds = (v: unknown): v is string[] => isStringArray(v, LIMITS.ids, LIMITS.idChars);
const isStringArray = (v: unknown, maxItems: number, maxChars: number): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && v.every((s) => isString(s, maxChars));
