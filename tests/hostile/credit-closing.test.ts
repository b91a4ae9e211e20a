import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { extractArticle, TEXT_LIMITS } from '../../src/extract/extract-article.ts';
import { closingCredit, filterParagraphs, isMediaLine } from '../../src/extract/text-rules.ts';
import { BUDGET_MS, copyrightPage, copyrightRun, prose, timed } from './inputs.ts';

/** The regex `isMediaLine` used for closing credits: quadratic on `x (` and a run of `©` (the oracle of its results). */
const CREDIT_CLOSING_REGEX =
  /\((?:[^()]*\b(?:photo|foto|image|imagen|imagem|picture|pic|credit|crédit|crédito|bild)s?\b[^()]*[:/©][^()]*|[^()]*getty images[^()]*|[^()]*©[^()]*)\)\s*$/iu;

describe('defect 2: a paragraph of `x (` and 200,000 `©`', () => {
  it('isMediaLine decides it well under a second (it is no caption)', () => {
    const line = copyrightRun(200_000);
    const { ms, value } = timed(() => isMediaLine(line));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value).toBe(false);
  });

  it('filterParagraphs keeps it among prose, well under a second', () => {
    const paragraphs = [prose(12, 1), copyrightRun(200_000), prose(12, 2)];
    const { ms, value } = timed(() => filterParagraphs(paragraphs, { title: 'T', urls: [] }));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value).toHaveLength(3);
  });

  it('extraction (linkedom) gives the article with the paragraph capped, well under a second', () => {
    const doc = parseHtmlDocument(copyrightPage(200_000));
    const { ms, value } = timed(() => extractArticle(doc, 'https://news.example.com/2025/03/04/harbour'));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(value.ok).toBe(true);
    if (!value.ok) return;
    const capped = value.article.paragraphs.find((p) => p.startsWith('x ('));
    expect(capped).toHaveLength(TEXT_LIMITS.paragraphChars);
    expect(value.article.paragraphs.length).toBe(4);
  });

  it('still reads closing credits', () => {
    for (const line of [
      'A man walks by the river. (Image: GETTY)',
      'Fans at the game (AP Photo/Alan Diaz, File)',
      'The harbour at dawn (© Jane Doe)',
      'A view (Getty Images) ',
    ]) {
      expect(isMediaLine(line), line).toBe(true);
    }
    for (const line of ['The mayor (a former teacher) spoke.', 'The photo was taken (in 2019)', '(photo)', 'x (©']) expect(isMediaLine(line), line).toBe(false);
  });

  const piece = fc.constantFrom(
    '(',
    ')',
    '©',
    ':',
    '/',
    ' ',
    'photo',
    'Photos',
    'pic',
    'picture',
    'getty images',
    'Getty Images',
    'x',
    'credit',
    'crédito',
    '\n',
    '.',
  );
  fcTest.prop([fc.array(piece, { maxLength: 24 }).map((a) => a.join(''))], { numRuns: 1000 })(
    'reads closing credits as the regex did, on any mix of their parts',
    (text) => {
      expect(closingCredit(text)).toBe(CREDIT_CLOSING_REGEX.test(text));
    },
  );
});
