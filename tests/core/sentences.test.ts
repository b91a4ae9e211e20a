import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.ts';

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or decimals', () => {
    const text = 'U.S. Secretary of State Marco Rubio spoke on Monday. Data moved at 1.2 gigabits per second. Dr. J. Mitchell agreed!';
    expect(splitSentences(text)).toEqual([
      'U.S. Secretary of State Marco Rubio spoke on Monday.',
      'Data moved at 1.2 gigabits per second.',
      'Dr. J. Mitchell agreed!',
    ]);
  });
  it('always ends a sentence at a paragraph break', () => {
    expect(splitSentences('First paragraph without a stop\n\nSecond one.')).toEqual(['First paragraph without a stop', 'Second one.']);
  });
  it('keeps a closing quote with its sentence', () => {
    expect(splitSentences('"It takes time," Peskov said. "There is no news yet."')).toEqual(['"It takes time," Peskov said.', '"There is no news yet."']);
  });
  it('bounds the number of sentences', () => {
    expect(splitSentences('One. '.repeat(1000), 50)).toHaveLength(50);
  });
});
