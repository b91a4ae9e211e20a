/** A bounded text fetch's result. */
export interface FetchedText {
  status: number;
  headers: { etag: string | null; 'last-modified': string | null; 'retry-after': string | null; 'content-type': string | null };
  /** The body for a 2xx response, at most `maxBytes`. */
  text?: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

export type Fetcher = typeof fetch;

/**
 * Fetches a URL as text without cookies, within a time limit and a size limit: a slow or huge
 * response is cut off with an error, never read whole into memory.
 */
export async function fetchText(url: string, limits: FetchLimits, fetcher: Fetcher = fetch): Promise<FetchedText> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetcher(url, {
      headers: limits.headers,
      credentials: 'omit',
      redirect: 'follow',
      signal: controller.signal,
      cache: 'no-cache',
    });
    const header = (n: string) => res.headers.get(n);
    const headers = { etag: header('etag'), 'last-modified': header('last-modified'), 'retry-after': header('retry-after'), 'content-type': header('content-type') };
    if (res.status < 200 || res.status >= 300) return { status: res.status, headers };
    const declared = Number(header('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) throw new Error(`response larger than ${limits.maxBytes} bytes`);
    return { status: res.status, headers, text: await readCapped(res, limits.maxBytes) };
  } catch (e) {
    if (controller.signal.aborted) throw new Error(`no complete response within ${limits.timeoutMs} ms`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return res.text();
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
  return new TextDecoder().decode(all);
}
