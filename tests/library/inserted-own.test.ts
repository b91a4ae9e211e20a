import { describe, expect, it } from 'vitest';
import { checkPage } from '../../src/library/match.ts';
import { corpusDoc, corpusLibraryOf, pageToCheck } from '../helpers.ts';

/** A light edit people make to what they paste: the third word dropped, the two before the last swapped. */
const edited = (sentence: string) => {
  const w = sentence.split(' ');
  if (w.length < 10) return sentence;
  const out = [...w.slice(0, 2), ...w.slice(3)];
  const k = out.length - 3;
  [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
  return out.join(' ');
};
const paragraphs = (id: string) =>
  corpusDoc(id)
    .body.split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
const sentences = (p: string) => p.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/);

describe("the original's paragraphs, edited, between paragraphs of the writer's own (a rewrite inside a longer article)", () => {
  // CNBC's article (the E2E story), its opening paragraphs after the summary, lightly edited, each
  // followed by three sentences of an unrelated news page: half the page is the writer's own.
  const story = 'cbda107776ab9d3db8c155adcdce446c';
  const copied = paragraphs(story)
    .slice(3, 10)
    .map((p) => sentences(p).map(edited).join(' '));
  const ownSentences = paragraphs('l3s-98182ad1').flatMap(sentences);
  const own = (k: number) => ownSentences.slice(3 * k, 3 * k + 3).join(' ');
  const library = () => corpusLibraryOf(story, 'cbda107776-independent-b');

  it('is caught, naming the original, with the reason that its sentences closely follow it among text of its own', () => {
    expect(ownSentences.length).toBeGreaterThanOrEqual(3 * copied.length);
    const body = copied.flatMap((p, k) => [p, own(k)]).join('\n\n');
    const { verdict, matched } = checkPage(pageToCheck('https://example.net/uk-economy', body), library());
    expect(verdict.kind).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(story);
    expect(verdict.reason).toMatch(
      /^\d+ of its \d+ sentences closely follow cnbc.com's in the same order(, \d+ of them word for word or nearly)?, among text of its own$/,
    );
  });

  it("is caught as copies when the same paragraphs stand in an order of the writer's own: two light edits a sentence still copy it", () => {
    const body = [...copied]
      .reverse()
      .flatMap((p, k) => [p, own(k)])
      .join('\n\n');
    const { verdict, matched } = checkPage(pageToCheck('https://example.net/uk-economy', body), library());
    expect(verdict.kind, verdict.reason).toBe('uncredited-rewrite');
    expect(matched?.id).toBe(story);
    expect(verdict.reason).toMatch(/^copies \d+ of cnbc.com's sentences word for word or nearly \(\d+ words\), among text of its own$/);
  });
});
