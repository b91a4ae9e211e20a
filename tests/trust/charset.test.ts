import { beforeEach, describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { normalizeUrl } from '../../src/core/site.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { pollFeeds } from '../../src/ext/feed-poller.ts';
import { addSubscription, updateSubscription } from '../../src/ext/feed-subscriptions.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { fetchOriginal, type OriginalsDeps } from '../../src/ext/originals.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { decodeBody, fetchText } from '../../src/net/fetch-text.ts';
import { freshExtension } from '../setup-extension.ts';

/**
 * Defect 8: fetched text was always decoded as UTF-8, so a Latin-1 feed or article read as
 * "Caf� r�sum�". The bodies here are encoded in code, byte by byte.
 */

const WORDS = 'Café résumé: naïve façade, señor Müller';
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const LIMITS = { timeoutMs: 5_000, maxBytes: 1_000_000 };
const serve = (bytes: Uint8Array, contentType: string) => async () =>
  new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { status: 200, headers: { 'content-type': contentType } });

const rss = (prolog: string) =>
  `${prolog}<rss version="2.0"><channel><title>Le Journal</title><link>https://www.journal.example/</link>` +
  `<item><title>${WORDS}</title><link>https://www.journal.example/cafe</link><description>${WORDS} à Paris.</description></item></channel></rss>`;

const PROSE = Array.from(
  { length: 6 },
  (_, i) => `<p>${WORDS}, paragraphe ${i + 1}: le café du coin a rouvert après des travaux de rénovation qui ont duré près de deux années entières.</p>`,
).join('');
const html = (head: string) =>
  `<!doctype html><html lang="fr"><head>${head}<title>${WORDS}</title></head><body><article><h1>${WORDS}</h1>${PROSE}</article></body></html>`;

describe('fetchText decodes by the declared character encoding', () => {
  it.each([
    ['a feed, by the Content-Type charset', latin1(rss('<?xml version="1.0"?>')), 'application/rss+xml; charset=iso-8859-1'],
    ['a feed, by its XML declaration', latin1(rss('<?xml version="1.0" encoding="ISO-8859-1"?>')), 'application/rss+xml'],
    ['an article, by the Content-Type charset (quoted)', latin1(html('')), 'text/html; charset="ISO-8859-1"'],
    ['an article, by <meta charset>', latin1(html('<meta charset="iso-8859-1">')), 'text/html'],
    ['an article, by <meta http-equiv>', latin1(html('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')), 'text/html'],
    ['UTF-8 by default', utf8(html('')), 'text/html'],
    ['UTF-8 when the label is unknown', utf8(html('')), 'text/html; charset=x-no-such-encoding'],
    ['UTF-8 with a byte order mark, whatever the header says', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(html(''))]), 'text/html; charset=iso-8859-1'],
    ['the header over the document', utf8(html('<meta charset="iso-8859-1">')), 'text/html; charset=utf-8'],
  ])('%s', async (_name, bytes, contentType) => {
    const res = await fetchText('https://www.journal.example/x', LIMITS, serve(bytes, contentType));
    expect(res.text).toContain(WORDS);
    expect(res.text).not.toContain('\ufffd');
  });

  it('a document that calls itself UTF-16 in its own bytes is read as UTF-8, as browsers do', () => {
    expect(decodeBody(utf8(html('<meta charset="utf-16">')), 'text/html')).toContain(WORDS);
  });
});

describe('the feed poller and the original fetcher get the right text', () => {
  beforeEach(freshExtension);

  it('a Latin-1 feed gives its items their accents', async () => {
    const library = new LibraryService();
    const sub = await addSubscription('https://www.journal.example/rss', 'Le Journal');
    await updateSubscription(sub.id, (s) => ({ ...s, enabled: true }));
    const fetcher = serve(latin1(rss('<?xml version="1.0" encoding="ISO-8859-1"?>')), 'text/xml');
    expect((await pollFeeds(library, new Date('2025-03-01T00:00:00Z'), { canFetch: async () => true, fetcher })).newItems).toBe(1);
    const stub = await library.get(normalizeUrl('https://www.journal.example/cafe'));
    expect(stub?.title).toBe(WORDS);
    // The same bytes parse the same way outside the poller.
    const parsed = parseFeed((await fetchText('https://www.journal.example/rss', LIMITS, fetcher)).text!, 'https://www.journal.example/rss');
    expect(parsed.ok && parsed.feed.items[0]!.summary).toContain('à Paris');
  });

  it.each([
    ['by header', html(''), 'text/html; charset=iso-8859-1'],
    ['by meta', html('<meta charset="ISO-8859-1">'), 'text/html'],
  ])('a Latin-1 article (%s) is read with its accents', async (_name, page, contentType) => {
    const deps: OriginalsDeps = {
      canFetch: async () => true,
      extract: async (text, url) => extractArticle(parseHtmlDocument(text), url, { force: true, useLayout: false }),
      fetcher: serve(latin1(page), contentType),
    };
    const stub = {
      id: 'https://www.journal.example/cafe',
      url: 'https://www.journal.example/cafe',
      site: 'journal.example',
      title: 'x',
      firstSeen: '2025-03-01T00:00:00Z',
      source: 'feed' as const,
      sentences: [],
      fingerprint: { version: 0, sentences: [], terms: [], minhash: [] },
      stub: true,
    };
    const full = await fetchOriginal(stub, deps);
    expect(full?.sentences.join(' ')).toContain('le café du coin a rouvert après');
    expect(full?.title).toBe(WORDS);
  });
});
