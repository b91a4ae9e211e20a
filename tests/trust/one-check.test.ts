import { describe, expect, it } from 'vitest';
import { checkFingerprint } from '../../src/core/fingerprint-check.ts';
import { fingerprintSentences, FINGERPRINT_VERSION } from '../../src/core/fingerprint.ts';
import { httpUrl, isHttpUrl, sameAddress } from '../../src/core/url.ts';
import { parseContentMessage } from '../../src/ext/protocol.ts';
import { resolveHttpUrl } from '../../src/feeds/urls.ts';
import { checkArticle } from '../../src/library/pack-validate.ts';

/** Issue 11: one check of each kind, asked by every caller, so a message, a pack and a feed agree. */

describe('one "is this an http(s) URL"', () => {
  it.each([
    ['https://www.cnbc.com/2025/10/22/story.html', true],
    ['http://localhost:8080/a', true],
    ['HTTPS://EXAMPLE.COM/', true],
    ['ftp://example.com/x', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https:&//example.com', false],
    [' https://example.com/', false],
    ['https://user:secret@example.com/', false],
    ['/relative/path', false],
    [`https://example.com/${'x'.repeat(2100)}`, false],
    [42, false],
  ])('%s → %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });

  it('is the rule of content messages, pack lines and feed links alike', () => {
    const sentences = ['Port officials closed the Harbor Street bridge on Tuesday.'];
    for (const url of ['https://user:secret@example.com/a', 'ftp://example.com/a', 'https://example.com/a']) {
      const ok = isHttpUrl(url);
      const message = { type: 'unspun/check-article', article: { url, title: 't', paragraphs: sentences, links: [], declaredSources: [] } };
      expect(parseContentMessage(message) !== null, `message ${url}`).toBe(ok);
      expect(checkArticle({ id: 'a', url, title: 't', firstSeen: '2025-01-01T00:00:00Z', sentences }).ok, `pack ${url}`).toBe(ok);
      expect(resolveHttpUrl(url) !== undefined, `feed ${url}`).toBe(ok);
    }
    expect(httpUrl('HTTPS://Example.com')).toBe('https://example.com/');
  });
});

describe('one "same address"', () => {
  it('ignores what does not change the page: fragment, tracking parameters, www, trailing slash, host case', () => {
    expect(sameAddress('https://www.cnbc.com/a/', 'https://cnbc.com/a#top')).toBe(true);
    expect(sameAddress('https://CNBC.com/a?utm_source=x', 'https://cnbc.com/a')).toBe(true);
    expect(sameAddress('https://cnbc.com/a?id=1', 'https://cnbc.com/a?id=2')).toBe(false);
    expect(sameAddress('https://cnbc.com/a', 'https://cnbc.com/b')).toBe(false);
    expect(sameAddress('https://cnbc.com/a', 'http://cnbc.com/a')).toBe(false);
  });
});

describe('one fingerprint check for packs; a message brings none', () => {
  const sentences = ['Port officials closed the Harbor Street bridge on Tuesday.', 'Inspectors found cracks in two of its steel girders.'];
  const fp = fingerprintSentences(sentences);
  const defects: [string, unknown][] = [
    ['not an object', 'x'],
    ['one entry short', { ...fp, sentences: fp.sentences.slice(1) }],
    ['unsorted terms', { ...fp, sentences: [{ ...fp.sentences[0]!, terms: [...fp.sentences[0]!.terms].reverse() }, fp.sentences[1]] }],
    ['terms not the union', { ...fp, terms: fp.terms.slice(1) }],
    ['a short MinHash', { ...fp, minhash: fp.minhash.slice(1) }],
    ["another text's fingerprint", fingerprintSentences(['Something else entirely happened in another city.', 'Nobody was there.'])],
  ];

  it.each(defects)('%s: a pack line is refused for the reason the check gives; a message has it dropped', (_name, fingerprint) => {
    const one = checkFingerprint(fingerprint, sentences, { otherVersion: 'refuse' });
    expect(one.ok).toBe(false);
    const line = checkArticle({ id: 'a', url: 'https://example.com/a', title: 't', firstSeen: '2025-01-01T00:00:00Z', sentences, fingerprint });
    expect(line).toEqual({ ok: false, reason: one.ok ? '' : one.reason });
    // A content script sends its article alone; the background fingerprints it (issue 12).
    const article = { url: 'https://example.com/a', title: 't', paragraphs: sentences, links: [], declaredSources: [] };
    expect(parseContentMessage({ type: 'unspun/check-article', article, sentences, fingerprint })).toEqual({ type: 'unspun/check-article', article });
  });

  it('a fingerprint of another version: a pack recomputes it; the check can refuse it instead', () => {
    const old = { ...fp, version: FINGERPRINT_VERSION - 1 };
    expect(checkFingerprint(old, sentences, { otherVersion: 'recompute' })).toEqual({ ok: true, value: fp });
    expect(checkFingerprint(old, sentences, { otherVersion: 'refuse' }).ok).toBe(false);
    expect(checkArticle({ id: 'a', url: 'https://example.com/a', title: 't', firstSeen: '2025-01-01T00:00:00Z', sentences, fingerprint: old })).toMatchObject({
      ok: true,
      value: { fingerprint: fp },
    });
  });
});
