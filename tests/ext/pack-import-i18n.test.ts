// Issue 13: the background gives a pack import's reasons (a refused pack, a skipped line, a
// miscounted header) and a feed it will not add in the browser's language: the reply carries one
// string each. English, word for word as the pack code says it, where the browser has no messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { backgroundHandlers } from '../../src/ext/background-messages.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { PackTransfers } from '../../src/ext/pack-transfer.ts';
import { dispatch, type Sender } from '../../src/ext/protocol.ts';
import { exportPack } from '../../src/library/pack.ts';
import { libraryArticle, seedText } from '../helpers.ts';
import { de, expectGerman, getMessageFrom } from '../locales.ts';
import { freshExtension } from '../setup-extension.ts';

const NOW = new Date('2025-10-23T08:00:00Z');
const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const i18n = browser.i18n as { getMessage: unknown };
const unlocalized = i18n.getMessage;
const page = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });

describe('a pack import and a feed added, answered in the browser’s language', () => {
  let handlers: ReturnType<typeof backgroundHandlers>;
  const send = (msg: Record<string, unknown>) => dispatch('background', msg, page(), ownExtension(), handlers);
  const importPack = (text: string) => send({ type: 'unspun/pack-import', transfer: crypto.randomUUID(), part: 0, text, last: true });

  /** A pack of the seed original twice (the second a duplicate) and one line without a usable address, its header counting 5. */
  const pack = () => {
    const [header, cnbc] = exportPack([libraryArticle('cnbc', CNBC, seedText('original-cnbc'), { siteName: 'CNBC' })], NOW)
      .trim()
      .split('\n');
    const noUrl = JSON.stringify({ ...JSON.parse(cnbc!), id: 'other', url: 'ftp://example.com/x' });
    return [JSON.stringify({ ...JSON.parse(header!), articles: 5 }), cnbc, cnbc, noUrl].join('\n') + '\n';
  };

  beforeEach(() => {
    freshExtension();
    handlers = backgroundHandlers({ library: new LibraryService(), now: () => NOW, transfers: new PackTransfers() });
  });
  afterEach(() => {
    i18n.getMessage = unlocalized;
  });

  it('are the English the pack code gives without the browser’s messages', async () => {
    expect(await importPack(pack())).toEqual({
      ok: true,
      done: true,
      imported: 1,
      skipped: [
        { line: 3, reason: 'duplicate URL https://cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html' },
        { line: 4, reason: 'missing or invalid "url" (must be an absolute http(s) URL)' },
      ],
      warning: 'the header announces 5 articles but the pack has 3 article lines (truncated or edited?)',
    });
    expect(await importPack('{"format":"other-pack","version":1}\n')).toEqual({
      ok: false,
      error: 'not an Unspun pack (format is "other-pack", expected "unspun-pack")',
    });
    expect(await send({ type: 'unspun/feed-add', url: 'https//nope', outlet: '' })).toEqual({ ok: false, error: '"https//nope" is not a web address' });
  });

  it('are German in German', async () => {
    i18n.getMessage = getMessageFrom(de);
    const reply = await importPack(pack());
    expect(reply).toEqual({
      ok: true,
      done: true,
      imported: 1,
      skipped: [
        { line: 3, reason: 'doppelte Adresse https://cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html' },
        { line: 4, reason: '„url“ fehlt oder ist ungültig (muss eine absolute http(s)-Adresse sein)' },
      ],
      warning: 'die Kopfzeile kündigt 5 Artikel an, das Paket hat aber 3 Artikelzeilen (gekürzt oder bearbeitet?)',
    });
    const refused = await importPack('{"format":"other-pack","version":1}\n');
    expect(refused).toEqual({ ok: false, error: 'kein Unspun-Paket (Format ist "other-pack", erwartet „unspun-pack“)' });
    const empty = await importPack('');
    const feed = await send({ type: 'unspun/feed-add', url: 'ftp://example.com/rss', outlet: '' });
    expect(feed).toEqual({ ok: false, error: 'eine Feed-Adresse muss mit http:// oder https:// beginnen' });
    expectGerman(JSON.stringify([reply, refused, empty, feed]));
  });
});
