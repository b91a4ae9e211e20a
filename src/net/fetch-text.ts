import { isHttpUrl } from '../core/url.ts';

/** A bounded text fetch's result. */
export interface FetchedText {
  status: number;
  headers: { etag: string | null; 'last-modified': string | null; 'retry-after': string | null; 'content-type': string | null };
  /** The body for a 2xx response, at most `maxBytes`, decoded by its declared character encoding. */
  text?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

export type Fetcher = typeof fetch;

/**
 * Whether a URL may be read (the extension's host permission for its host). Redirects are followed
 * by the browser, so the address a response finally came from is checked with it too.
 */
export type CanFetch = (url: string) => boolean | Promise<boolean>;

/**
 * Fetches a URL as text without cookies, within a time limit and a size limit: a slow or huge
 * response is cut off with an error, never read whole into memory. Redirects are followed, and
 * when `canFetch` is given the final address must pass it (and be http or https): a permitted URL
 * that redirects to a host Unspun may not read is refused with an error, its body unread.
 */
export async function fetchText(url: string, limits: FetchLimits, fetcher: Fetcher = fetch, canFetch?: CanFetch): Promise<FetchedText> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    // Extensions cannot read a manual redirect's Location in every browser: follow, then check where it led.
    const res = await fetcher(url, {
      headers: limits.headers,
      credentials: 'omit',
      redirect: 'follow',
      signal: controller.signal,
      cache: 'no-cache',
    });
    if (canFetch) await checkFinalUrl(res, url, canFetch);
    const header = (n: string) => res.headers.get(n);
    const headers = {
      etag: header('etag'),
      'last-modified': header('last-modified'),
      'retry-after': header('retry-after'),
      'content-type': header('content-type'),
    };
    if (res.status < 200 || res.status >= 300) return { status: res.status, headers };
    const declared = Number(header('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) throw new Error(`response larger than ${limits.maxBytes} bytes`);
    return { status: res.status, headers, text: decodeBody(await readCapped(res, limits.maxBytes), headers['content-type']) };
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`no complete response within ${limits.timeoutMs} ms`, { cause: e });
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Refuses a response whose final address (after redirects) is not http(s) or may not be read. */
async function checkFinalUrl(res: Response, requested: string, canFetch: CanFetch): Promise<void> {
  // `url` is empty only for a response not made by `fetch` itself (a test's): it came from where it was asked.
  const final = res.url || requested;
  let parsed: URL | undefined;
  try {
    parsed = new URL(final);
  } catch {
    parsed = undefined;
  }
  const allowed = !!parsed && isHttpUrl(final, Infinity) && (await canFetch(final));
  if (allowed) return;
  await res.body?.cancel().catch(() => undefined);
  const where = parsed ? `${parsed.protocol}//${parsed.host}` : final.slice(0, 200);
  throw new Error(`${new URL(requested).host} redirected to ${where}, which Unspun has no permission to read`);
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    if (all.byteLength > maxBytes) throw new Error(`response larger than ${maxBytes} bytes`);
    return all;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`response larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return all;
}

/** Bytes read to find an encoding declared in the document (as browsers prescan HTML). */
const SNIFF_BYTES = 1024;

/**
 * Decodes a body by its character encoding: a byte order mark first, then the Content-Type
 * `charset`, then an encoding the document declares at its start (`<meta charset>`, `<meta
 * http-equiv="Content-Type">`, `<?xml … encoding="…"?>`), else UTF-8. An encoding the platform does
 * not know counts as undeclared.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const label = bomEncoding(bytes) ?? charsetOf(contentType) ?? declaredEncoding(bytes);
  const decoder = decoderFor(label) ?? new TextDecoder('utf-8');
  // The decoder drops a BOM of its own encoding; another encoding's BOM never reaches it.
  return decoder.decode(bytes);
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a Content-Type header value ("text/html; charset=ISO-8859-1"). */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const label = (m?.[1] ?? m?.[2] ?? '').trim();
  return label || undefined;
}

/**
 * An encoding the document declares in its first bytes (read as ASCII, which every such declaration
 * is). As in browsers, a document read this way cannot be UTF-16: such a declaration means UTF-8.
 */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const label = declaredLabel(bytes);
  return label && /^utf-?16/i.test(label.trim()) ? 'utf-8' : label;
}

function declaredLabel(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, SNIFF_BYTES); i++) head += String.fromCharCode(bytes[i]!);
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const tag of head.replace(/<!--[\s\S]*?-->/g, '').match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\scharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const charset = charsetOf(`;${(content?.[1] ?? content?.[2] ?? content?.[3] ?? '').replace(/^[^;]*/, '')}`);
      if (charset) return charset;
    }
  }
  return undefined;
}

/** A decoder for an encoding label (WHATWG labels: "latin1" and "iso-8859-1" are windows-1252), or undefined for one the platform does not know. */
function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}
