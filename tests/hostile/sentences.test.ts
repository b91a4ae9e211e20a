import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { normalizeText } from '../../src/core/normalize.ts';
import { MAX_TEXT_CHARS, SENTENCE_BOUNDARY, splitSentences } from '../../src/core/sentences.ts';
import { BUDGET_MS, dotRun, timed } from './inputs.ts';

/** The boundary regex the splitter used: quadratic on a run of marks that ends no sentence (the oracle of its matches). */
const OLD_BOUNDARY = /([.!?]+)(["')\]]*)\s+(?=["'([]?[\p{Lu}\p{N}])/gu;

function boundaries(re: RegExp, text: string): [number, string, string][] {
  const out: [number, string, string][] = [];
  const r = new RegExp(re);
  for (let m = r.exec(text); m; m = r.exec(text)) out.push([m.index, m[1]!, m[2]!]);
  return out;
}

describe('defect 4: `Word` and 100,000 full stops', () => {
  it('splitSentences reads it well under a second', () => {
    const text = dotRun(100_000);
    const { ms, value } = timed(() => splitSentences(text));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value).toEqual([text]);
  });

  it('fingerprintText reads it well under a second', () => {
    const { ms, value } = timed(() => fingerprintText(dotRun(100_000)));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.sentences).toHaveLength(1);
    expect(value.fingerprint.sentences[0]!.terms).toHaveLength(1); // "word"
  });

  it('a 4 MB original of runs of marks, quotes, spaces and tiny words is fingerprinted well under a second', () => {
    const text = ('Word' + '.'.repeat(5_000) + '"'.repeat(5_000) + ' '.repeat(5_000) + 'x!?'.repeat(5_000) + '\n').repeat(200);
    expect(text.length).toBeGreaterThan(4_000_000);
    const { ms, value } = timed(() => fingerprintText(text));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.sentences.join('').length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('still splits prose as before', () => {
    expect(splitSentences('Mr. Smith went to Washington. He said "It works." Then 3 people left!')).toEqual([
      'Mr. Smith went to Washington.',
      'He said "It works."',
      'Then 3 people left!',
    ]);
  });

  const piece = fc.constantFrom('.', '.', '!', '?', '"', "'", ')', ']', '(', ' ', ' ', 'A', 'a', '1', 'Mr', 'J', 'etc', '\u201d', '\n');
  fcTest.prop([fc.array(piece, { maxLength: 40 }).map((a) => normalizeText(a.join('')))], { numRuns: 2000 })(
    'finds the same boundaries as the old regex, on any mix of marks, quotes, spaces and words',
    (text) => {
      expect(boundaries(SENTENCE_BOUNDARY, text)).toEqual(boundaries(OLD_BOUNDARY, text));
    },
  );
});
