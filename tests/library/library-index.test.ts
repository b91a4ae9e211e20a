import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { libraryArticle } from '../helpers.ts';

const story = (i: number) =>
  `Officials in Town${i} said the Bridge${i} project would cost ${1000 + i} million. The mayor of Town${i} defended the plan on Monday. Critics of Bridge${i} called it wasteful.`;

describe('LibraryIndex', () => {
  it('finds an article by its rare terms and forgets it once removed, through compactions', () => {
    const index = new LibraryIndex();
    for (let i = 0; i < 3000; i++) index.add(libraryArticle(`a${i}`, `https://site${i}.example/${i}`, story(i)));
    const query = libraryArticle('q', 'https://other.example/q', story(1234)).fingerprint;
    const none = () => false;
    expect(index.candidates(query, 3, none)[0]?.article.id).toBe('a1234');
    // Removing more than the library's size in total triggers a compaction of the postings.
    for (let i = 0; i < 3000; i++) if (i !== 7) index.remove(`a${i}`);
    for (let i = 0; i < 1500; i++) index.add(libraryArticle(`b${i}`, `https://site${i}.example/b${i}`, story(i + 5000)));
    expect(index.size).toBe(1501);
    expect(index.candidates(query, 3, none).map((c) => c.article.id)).not.toContain('a1234');
    expect(index.candidates(libraryArticle('q', 'https://o.example/', story(7)).fingerprint, 1, none)[0]?.article.id).toBe('a7');
    expect(index.candidates(libraryArticle('q', 'https://o.example/', story(5100)).fingerprint, 1, none)[0]?.article.id).toBe('b100');
  }, 30_000); // 3,000 articles: seconds on a loaded 2-core machine

  it('replaces an article added again under the same id', () => {
    const index = new LibraryIndex();
    index.add(libraryArticle('x', 'https://a.example/x', story(1)));
    index.add(libraryArticle('x', 'https://a.example/x', story(2)));
    expect(index.size).toBe(1);
    const found = index.candidates(libraryArticle('q', 'https://o.example/', story(1)).fingerprint, 5, () => false);
    expect(found).toHaveLength(1);
    expect(found[0]!.article.sentences[0]).toContain('Town2');
  });
});
