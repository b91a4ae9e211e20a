import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_VERSION, fingerprintSentences } from '../../src/core/fingerprint.ts';
import type { LibraryArticle } from '../../src/library/article.ts';
import { exportPack, importPack, utf8Length } from '../../src/library/pack.ts';
import { libraryArticle } from '../helpers.ts';

const NOW = new Date('2025-10-23T08:00:00.000Z');

const a1 = libraryArticle(
  'a1',
  'https://www.cnbc.com/2025/10/22/summit.html',
  'Russia scrambled on Wednesday to salvage talks. "It takes time," Peskov said. The summit was put off.',
  {
    siteName: 'CNBC',
    byline: 'Priya Natarajan',
    published: '2025-10-22T06:47:32Z',
    canonicalUrl: 'https://www.cnbc.com/2025/10/22/summit.html',
  },
);
const a2 = libraryArticle('a2', 'https://news.example.org/floods', 'Floods forced thousands from their homes. Rescue teams used boats.');

/** A pack's lines as objects (header first). */
function lines(pack: string): Record<string, unknown>[] {
  return pack
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A pack built from raw lines. */
function pack(header: unknown, ...articles: unknown[]): string {
  return [header, ...articles].map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') + '\n';
}

const HEADER = { format: 'unspun-pack', version: 1, created: NOW.toISOString(), articles: 1, fingerprintVersion: FINGERPRINT_VERSION };
const line = (a: LibraryArticle, extra: Record<string, unknown> = {}) => ({ ...lines(exportPack([a], NOW))[1], ...extra });

describe('exportPack', () => {
  it('writes a header and one line per article', () => {
    const [header, ...rest] = lines(exportPack([a1, a2], NOW, { description: 'test pack' }));
    expect(header).toEqual({
      format: 'unspun-pack',
      version: 1,
      created: '2025-10-23T08:00:00.000Z',
      articles: 2,
      fingerprintVersion: FINGERPRINT_VERSION,
      generator: 'unspun',
      description: 'test pack',
    });
    expect(rest.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(Object.keys(rest[0]!)).toEqual([
      'id',
      'url',
      'canonicalUrl',
      'site',
      'siteName',
      'title',
      'byline',
      'published',
      'firstSeen',
      'source',
      'sentences',
      'fingerprint',
    ]);
  });

  it('leaves out derived articles and local links, and recomputes stale fingerprints', () => {
    const derived = { ...a2, id: 'd', url: 'https://farm.example/x', derivedFrom: 'a1' };
    const stale = { ...a2, fingerprint: { ...a2.fingerprint, version: 1, terms: [] }, derivatives: ['d'] };
    const out = lines(exportPack([derived, stale], NOW));
    expect(out).toHaveLength(2);
    expect(out[0]!.articles).toBe(1);
    expect(out[1]!.derivatives).toBeUndefined();
    expect(out[1]!.fingerprint).toEqual(fingerprintSentences(a2.sentences));
  });
});

describe('importPack', () => {
  it('round-trips what it exports, as pack articles first seen at import (a pack cannot prove when it saw them)', () => {
    const r = importPack(exportPack([a1, a2], NOW), { now: NOW });
    expect(r.error).toBeUndefined();
    expect(r.warning).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.header?.articles).toBe(2);
    expect(r.articles).toEqual([
      { ...a1, source: 'pack', firstSeen: NOW.toISOString() },
      { ...a2, source: 'pack', firstSeen: NOW.toISOString() },
    ]);
  });

  it('accepts CRLF line endings, a byte-order mark and blank lines', () => {
    const text = '\ufeff' + exportPack([a1, a2], NOW).replace(/\n/g, '\r\n').replace('\r\n', '\r\n\r\n');
    const r = importPack(text);
    expect(r.articles).toHaveLength(2);
    expect(r.warning).toBeUndefined();
  });

  it('recomputes a fingerprint of another version, or a missing one, from the sentences', () => {
    const old = line(a1, { fingerprint: { version: 1, anything: 'goes' } });
    const none = line(a2, { fingerprint: undefined });
    const r = importPack(pack({ ...HEADER, articles: 2, fingerprintVersion: 1 }, old, none));
    expect(r.skipped).toEqual([]);
    expect(r.articles[0]!.fingerprint).toEqual(fingerprintSentences(a1.sentences));
    expect(r.articles[1]!.fingerprint).toEqual(fingerprintSentences(a2.sentences));
  });

  it('recomputes site and forces source, and keeps no unknown fields', () => {
    const raw = JSON.stringify(line(a1, { site: 'innocent.example', source: 'read', derivatives: ['x'], extra: 'field' })).replace(
      /^\{/,
      '{"__proto__":{"polluted":true},',
    );
    const r = importPack(pack(HEADER, raw));
    const [a] = r.articles;
    expect(a!.site).toBe('cnbc.com');
    expect(a!.source).toBe('pack');
    expect(a).not.toHaveProperty('extra');
    expect(a).not.toHaveProperty('derivatives');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips duplicates by normalised URL or canonical URL, within the pack and against the library, and by id', () => {
    const variants = [
      line(a1),
      line(a1, { id: 'b', url: 'https://cnbc.com/2025/10/22/summit.html/?utm_source=x#top', canonicalUrl: undefined }),
      line(a2, { id: 'c', url: 'https://news.example.org/other', canonicalUrl: 'https://www.cnbc.com/2025/10/22/summit.html' }),
      line(a2, { id: 'a1', url: 'https://news.example.org/third' }),
      line(a2),
    ];
    const r = importPack(pack({ ...HEADER, articles: 5 }, ...variants));
    expect(r.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(r.skipped).toEqual([
      { line: 3, reason: 'duplicate URL https://cnbc.com/2025/10/22/summit.html' },
      { line: 4, reason: 'duplicate URL https://cnbc.com/2025/10/22/summit.html' },
      { line: 5, reason: 'duplicate id a1' },
    ]);
    const again = importPack(exportPack([a1, a2], NOW), {
      existingUrls: new Set(['https://www.cnbc.com/2025/10/22/summit.html?utm_medium=rss']),
      existingIds: new Set(['a2']),
    });
    expect(again.articles).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['duplicate URL https://cnbc.com/2025/10/22/summit.html', 'duplicate id a2']);
  });

  it('refuses a corrupt pack whole: no articles, an error', () => {
    const good = exportPack([a1], NOW).split('\n').slice(1).join('\n');
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['\n' + good, /first line is blank/],
      ['not json\n' + good, /first line is not JSON/],
      ['[1,2]\n' + good, /header is not a JSON object/],
      [JSON.stringify({ ...HEADER, format: 'other' }) + '\n' + good, /not an Unspun pack/],
      [JSON.stringify({ ...HEADER, version: 2 }) + '\n' + good, /pack version 2 is newer/],
      [JSON.stringify({ ...HEADER, version: '1' }) + '\n' + good, /no valid version/],
      [JSON.stringify({ ...HEADER, created: 'yesterday' }) + '\n' + good, /created/],
      [JSON.stringify({ ...HEADER, articles: -1 }) + '\n' + good, /article count/],
      [JSON.stringify({ ...HEADER, fingerprintVersion: 0 }) + '\n' + good, /fingerprintVersion/],
      [good, /not an Unspun pack/], // header missing: the first article is read as the header
    ];
    for (const [text, error] of cases) {
      const r = importPack(text);
      expect(r.articles).toEqual([]);
      expect(r.error).toMatch(error);
    }
    expect(importPack(null as unknown as string).error).toBe('the pack is not text');
  });

  it('refuses a pack over the size limit, counting UTF-8 bytes', () => {
    const text = exportPack([a1], NOW);
    expect(importPack(text, { maxBytes: text.length - 1 }).error).toMatch(/larger than/);
    const wide = exportPack([{ ...a1, title: 'é'.repeat(100) }], NOW);
    expect(importPack(wide, { maxBytes: wide.length }).error).toMatch(/larger than/); // more bytes than characters
    expect(importPack(wide, { maxBytes: Buffer.byteLength(wide) }).error).toBeUndefined();
  });

  it('skips invalid lines with their line number and reason, and keeps the rest', () => {
    const fp = a2.fingerprint;
    const bad: [unknown, RegExp][] = [
      ['{not json', /^not JSON$/],
      [[1, 2], /not a JSON object/],
      [line(a2, { id: '' }), /"id"/],
      [line(a2, { url: 'javascript:alert(1)' }), /"url"/],
      [line(a2, { url: 'https://user:pw@news.example.org/x' }), /"url"/],
      [line(a2, { url: '/relative' }), /"url"/],
      [line(a2, { canonicalUrl: 'data:text/html,x' }), /"canonicalUrl"/],
      [line(a2, { title: 42 }), /"title"/],
      [line(a2, { title: 'x'.repeat(5000) }), /"title"/],
      [line(a2, { siteName: ['x'] }), /"siteName"/],
      [line(a2, { byline: 'x'.repeat(1000) }), /"byline"/],
      [line(a2, { published: 'tomorrow' }), /"published"/],
      [line(a2, { firstSeen: undefined }), /"firstSeen"/],
      [line(a2, { firstSeen: '3000-01-01T00:00:00Z' }), /"firstSeen"/],
      [line(a2, { derivedFrom: 'a1' }), /not an original/],
      [line(a2, { sentences: [] }), /"sentences"/],
      [line(a2, { sentences: 'one string' }), /"sentences"/],
      [line(a2, { sentences: [1, 2] }), /"sentences"/],
      [line(a2, { sentences: Array(6000).fill('s.') }), /too many sentences/],
      [line(a2, { fingerprint: 'x' }), /invalid "fingerprint"/],
      [line(a2, { fingerprint: { ...fp, sentences: fp.sentences.slice(1) } }), /one entry per sentence/],
      [
        line(a2, { fingerprint: { ...fp, sentences: [{ ...fp.sentences[0]!, terms: [...fp.sentences[0]!.terms].reverse() }, ...fp.sentences.slice(1)] } }),
        /invalid sentence entry/,
      ],
      [line(a2, { fingerprint: { ...fp, sentences: [{ ...fp.sentences[0]!, terms: [-1] }, ...fp.sentences.slice(1)] } }), /invalid sentence entry/],
      [line(a2, { fingerprint: { ...fp, sentences: [{ ...fp.sentences[0]!, quoted: [0xffffffff] }, ...fp.sentences.slice(1)] } }), /inconsistent/],
      [line(a2, { fingerprint: { ...fp, terms: fp.terms.slice(1) } }), /union/],
      [line(a2, { fingerprint: { ...fp, terms: [...fp.terms, 0xffffffff] } }), /union/],
      [line(a2, { fingerprint: { ...fp, minhash: fp.minhash.slice(1) } }), /MinHash/],
      [line(a2, { fingerprint: { ...fp, minhash: fp.minhash.map(() => 1.5) } }), /MinHash/],
    ];
    const text = pack({ ...HEADER, articles: bad.length + 1 }, ...bad.map(([l]) => l), line(a1));
    const r = importPack(text);
    expect(r.error).toBeUndefined();
    expect(r.articles.map((a) => a.id)).toEqual(['a1']);
    expect(r.skipped.map((s) => s.line)).toEqual(bad.map((_, i) => i + 2));
    r.skipped.forEach((s, i) => expect(s.reason).toMatch(bad[i]![1]));
  });

  it('warns when the header count does not match (a truncated pack)', () => {
    const full = exportPack([a1, a2], NOW);
    const cut = full.slice(0, full.lastIndexOf('\n', full.length - 2) + 1 + 40);
    const r = importPack(cut);
    expect(r.articles.map((a) => a.id)).toEqual(['a1']);
    expect(r.skipped).toEqual([{ line: 3, reason: 'not JSON' }]);
    expect(importPack(full.split('\n').slice(0, 2).join('\n')).warning).toMatch(/announces 2 articles but the pack has 1/);
  });

  fcTest.prop([fc.string({ maxLength: 300 })], { numRuns: 200 })('never throws on arbitrary text', (s) => {
    const r = importPack(s);
    expect(Array.isArray(r.articles)).toBe(true);
  });

  it('refuses a URL that only the forgiving URL parser takes as absolute (found by the property below)', () => {
    const text = exportPack([a1], NOW).replace('"https://', '"https:&//');
    const r = importPack(text);
    expect(r.articles).toHaveLength(0);
    expect(r.skipped[0]?.reason).toMatch(/url/);
  });

  fcTest.prop([fc.nat(), fc.nat(), fc.string({ maxLength: 10 })], { numRuns: 200 })(
    'never throws on a damaged pack, and what it accepts is valid',
    (a, b, insert) => {
      const text = exportPack([a1, a2], NOW);
      const i = a % text.length;
      const r = importPack(text.slice(0, i) + insert + text.slice(Math.min(text.length, i + (b % 30))));
      for (const art of r.articles) {
        expect(art.source).toBe('pack');
        expect(art.url).toMatch(/^https?:\/\//);
        expect(art.fingerprint.version).toBe(FINGERPRINT_VERSION);
        expect(art.fingerprint.sentences).toHaveLength(art.sentences.length);
      }
    },
  );
});

describe('utf8Length', () => {
  fcTest.prop([fc.string({ unit: 'binary', maxLength: 200 })])('matches Buffer.byteLength', (s) => {
    expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });
});
