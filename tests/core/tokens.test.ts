import { describe, expect, it } from 'vitest';
import { termOf, tokenize } from '../../src/core/tokens.ts';

describe('tokens', () => {
  it('stems content words, drops stop words, spells numbers one way', () => {
    expect(termOf('negotiations')).toBe('negoti');
    expect(termOf('the')).toBeNull();
    expect(termOf('1,200')).toBe('#1200');
    expect(termOf('1.50')).toBe('#1.5');
    expect(termOf('three')).toBe('#3');
    expect(termOf("putin's")).toBe(termOf('putin'));
  });
  it('marks quoted tokens and names', () => {
    const { tokens } = tokenize('Trump said "no deal" in Budapest');
    expect(tokens.map((t) => [t.term, t.quoted, t.name])).toEqual([
      ['trump', false, false],
      ['deal', true, false],
      ['budapest', false, true],
    ]);
  });
  it('carries an open quotation into the next sentence', () => {
    const first = tokenize('"He wants me to lead the line.');
    expect(first.quoteOpen).toBe(true);
    const second = tokenize('No coach told me that," Thomas said.', first.quoteOpen);
    expect(second.tokens.find((t) => t.term === 'coach')?.quoted).toBe(true);
    expect(second.tokens.find((t) => t.term === 'thoma')?.quoted).toBe(false);
    expect(second.quoteOpen).toBe(false);
  });
});
