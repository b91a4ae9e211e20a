import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { buildQueries, namesIn, numbersIn, queryText, rankTerms, searchable, type LookupSubject, type SearchQuery } from '../../src/lookup/query.ts';
import { seedText } from '../helpers.ts';
import { cnbcArticle, rewriteArticle } from './seed-articles.ts';

const subject = (title: string, body: string): LookupSubject => ({ title, sentences: fingerprintText(body).sentences });

const cnbc = () => subject(cnbcArticle().title, cnbcArticle().body);
const rewrite = () => subject(rewriteArticle().title, rewriteArticle().body);

/** A hand-written wire story: titles, possessives, a sentence opener, numbers, a hyphenated word. */
const SWAP = subject(
  'Prisoner swap delayed as envoys head to Istanbul',
  [
    'Officials in Kyiv said on Thursday that the long-awaited prisoner exchange had been postponed.',
    "Prime Minister Keir Starmer told Parliament that Britain's envoy, Jonathan Powell, would travel to Istanbul.",
    "However, Turkish President Recep Tayyip Erdogan's office said the talks were delayed.",
    'Analysts said the delay could last weeks.',
    'The exchange would free 1,200 prisoners, up 0.1% from 2024 and 4.9 times the 250 freed in March.',
  ].join('\n'),
);

const termsOf = (q: SearchQuery) => q.terms.map((t) => t.text);
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('namesIn', () => {
  it('keeps the name after a title, never the title ("Vladimir Putin", not "Russian President Vladimir")', () => {
    const names = namesIn('Russian President Vladimir Putin met U.S. Secretary of State Marco Rubio in Paris, France on Monday.');
    expect(names).toContain('Vladimir Putin');
    expect(names).toContain('Marco Rubio');
    expect(names.some((n) => /president|secretary|russian president/i.test(n))).toBe(false);
    expect(names.join('|')).not.toContain('Monday');
  });

  it('strips multi-word titles: Foreign Minister, Prime Minister, CEO', () => {
    expect(namesIn('The call was with Russian Foreign Minister Sergey Lavrov in Moscow.')).toEqual(['Sergey Lavrov', 'Moscow']);
    expect(namesIn('A letter from Prime Minister Keir Starmer arrived.')).toEqual(['Keir Starmer']);
    expect(namesIn('Shares rose after CEO Kirill Dmitriev spoke.')).toEqual(['Kirill Dmitriev']);
  });

  it('does not take a capitalised sentence opener for a name, but keeps a name that opens a sentence', () => {
    expect(namesIn('Analysts said the deal would collapse within weeks.')).toEqual([]);
    expect(namesIn('Officials in Kyiv said the exchange was postponed.')).toEqual(['Kyiv']);
    expect(namesIn('However, Germany objected to the plan.')).toEqual(['Germany']);
    expect(namesIn('Meanwhile the Kremlin said nothing.')).toEqual(['Kremlin']);
    expect(namesIn('Vladimir Putin said on Wednesday that talks would go on.')).toEqual(['Vladimir Putin']);
  });

  it('splits runs at possessives (straight and curly) and at punctuation', () => {
    expect(namesIn("In the call, Russia's Vladimir Putin agreed.")).toEqual(['Russia', 'Vladimir Putin']);
    expect(namesIn('In the call, Russia’s Vladimir Putin agreed.')).toEqual(['Russia', 'Vladimir Putin']);
    expect(namesIn("The statement of Putin's press secretary Dmitry Peskov was brief.")).toEqual(['Putin', 'Dmitry Peskov']);
    expect(namesIn('They met in Paris, France and then in Budapest.')).toEqual(['Paris', 'France', 'Budapest']);
  });

  it('never names calendar words, wire credits or a lone pronoun', () => {
    expect(namesIn('It happened on Tuesday, October 21, and I saw it via Reuters.')).toEqual([]);
  });
});

describe('numbersIn', () => {
  it('keeps whole numbers of 3 characters or more, without thousands separators', () => {
    expect(numbersIn('The exchange would free 1,200 prisoners in 2025, against 250 last year and 10 in 1999.')).toEqual(['1200', '2025', '250', '1999']);
  });

  it('drops decimals and their parts, percentages under 3 digits, and abbreviations like U.S.', () => {
    const n = numbersIn('GDP grew 0.1% and prices 4.9% while 78% of U.S. firms and 12.345 others hired 1.5 million people.');
    expect(n).toEqual([]);
  });

  it('reads separated thousands as one number', () => {
    expect(numbersIn('Between 2,000 and 13,500,000 people')).toEqual(['2000', '13500000']);
  });
});

describe('searchable', () => {
  it('accepts words, names and hyphenated or apostrophised words, trimmed', () => {
    expect(searchable('Zelenskyy')).toBe('Zelenskyy');
    expect(searchable('  Vladimir   Putin ')).toBe('Vladimir Putin');
    expect(searchable('Trump-Putin')).toBe('Trump-Putin');
    expect(searchable("O'Neill")).toBe("O'Neill");
    expect(searchable('2025')).toBe('2025');
  });

  it('refuses what search engines refuse: dots, symbols, short keywords, short phrases', () => {
    for (const bad of ['U.S.', 'U.S', '4.9', 'C++', 'AT&T', '#news', 'AI', 'EU', '', '   ', 'a-b', 'X Y', "I'm"]) {
      expect(searchable(bad), bad).toBeNull();
    }
  });
});

describe('queryText', () => {
  it('quotes phrases, leaves words bare, and drops quotes inside terms', () => {
    const q: SearchQuery = {
      terms: [
        { text: 'Vladimir Putin', phrase: true },
        { text: 'Budapest', phrase: false },
        { text: 'long-range', phrase: true },
        { text: 'say "cheese"', phrase: true },
      ],
    };
    expect(queryText(q)).toBe('"Vladimir Putin" Budapest "long-range" "say cheese"');
  });
});

describe('rankTerms', () => {
  it("ranks the story's names first, with titles stripped and credit lines skipped", () => {
    const ranked = rankTerms(cnbc());
    const top = ranked.slice(0, 6).map((t) => t.term.text);
    expect(top).toContain('Vladimir Putin');
    expect(top).toContain('Donald Trump');
    expect(ranked.slice(0, 4).every((t) => t.kind === 'name')).toBe(true);
    const all = ranked.map((t) => t.term.text);
    expect(all.some((t) => /\b(president|secretary|minister)\b/i.test(t))).toBe(false);
    // "Alexander Zemlianichenko | Afp | Getty Images" is a photo credit, not the story.
    expect(all.some((t) => /zemlianichenko|getty|afp/i.test(t))).toBe(false);
    expect(all.some((t) => /^(wednesday|tuesday|monday|october)$/i.test(t))).toBe(false);
  });

  it('has no duplicate terms, and no lone name inside a longer one already listed', () => {
    const ranked = rankTerms(cnbc()).map((t) => t.term.text.toLowerCase());
    expect(new Set(ranked).size).toBe(ranked.length);
    // "Putin" and "Rubio" stand alone in the text too, but add nothing to "Vladimir Putin" and "Marco Rubio".
    expect(ranked).toContain('vladimir putin');
    expect(ranked).not.toContain('putin');
    expect(ranked).not.toContain('rubio');
  });

  it('marks hyphenated words and multi-word names as phrases, single words not', () => {
    const ranked = rankTerms(SWAP);
    const byText = new Map(ranked.map((t) => [t.term.text, t]));
    expect(byText.get('long-awaited')?.term.phrase).toBe(true);
    expect(byText.get('Keir Starmer')?.term.phrase).toBe(true);
    expect(byText.get('Recep Tayyip Erdogan')?.term.phrase).toBe(true);
    expect(byText.get('Istanbul')?.term.phrase).toBe(false);
    expect(byText.get('1200')?.kind).toBe('number');
    expect(byText.has('0.1')).toBe(false);
    expect(byText.has('Analysts')).toBe(false);
    expect(byText.has('Turkish President Recep')).toBe(false);
  });

  it('weighs the lede: a name of the first sentence outranks one of the fourth', () => {
    const s = subject(
      't',
      [
        'Officials in Kyiv said on Thursday that the exchange had been postponed again.',
        'The decision was taken late at night after long talks.',
        'Nobody could say for certain when it would take place.',
        'A spokesman in Warsaw declined to say more about the delay.',
      ].join('\n'),
    );
    const texts = rankTerms(s).map((t) => t.term.text);
    expect(texts.indexOf('Kyiv')).toBeLessThan(texts.indexOf('Warsaw'));
  });
});

describe('buildQueries', () => {
  const all = () => [cnbc(), rewrite(), SWAP, subject('raw', seedText('original-cnbc')), subject('raw', seedText('rewrite-content-farm'))];

  it('builds 2–3 distinct terms per query (or a full name alone) and at most maxQueries queries', () => {
    for (const s of all()) {
      for (const max of [1, 2, 3, 5]) {
        const queries = buildQueries(s, max);
        expect(queries.length).toBeGreaterThan(0);
        expect(queries.length).toBeLessThanOrEqual(max);
        for (const q of queries) {
          if (q.terms.length === 1) expect(q.terms[0]!.phrase && /^\p{Lu}\S* \p{Lu}/u.test(q.terms[0]!.text)).toBe(true);
          else expect(q.terms.length).toBeGreaterThanOrEqual(2);
          expect(q.terms.length).toBeLessThanOrEqual(3);
          const lower = q.terms.map((t) => t.text.toLowerCase());
          expect(new Set(lower).size).toBe(lower.length);
        }
        const keys = queries.map((q) =>
          termsOf(q)
            .map((t) => t.toLowerCase())
            .sort()
            .join('|'),
        );
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });

  it("defaults to 3 queries, and leads with the story's main names", () => {
    const queries = buildQueries(cnbc());
    expect(queries).toHaveLength(3);
    // The lookup asks for a fourth: the main full name alone, which survives a rewrite's respelling of the rest.
    const alone = buildQueries(cnbc(), 4)[3]!.terms;
    expect(alone).toHaveLength(1);
    expect(termsOf(queries[0]!)).toContain(alone[0]!.text);
    expect(termsOf(queries[0]!)).toContain('Vladimir Putin');
    expect(queries[0]!.terms.every((t) => /^\p{Lu}/u.test(t.text))).toBe(true);
  });

  it("sends only short search terms: no URL, no long run of the page's text, every term searchable", () => {
    for (const s of all()) {
      const text = words(s.sentences.join(' '));
      const runs = new Set<string>();
      for (let i = 0; i + 6 <= text.length; i++) runs.add(text.slice(i, i + 6).join(' '));
      for (const q of buildQueries(s, 5)) {
        const qt = queryText(q);
        expect(qt).not.toMatch(/https?:|www\.|\.com\b/i);
        expect(qt.length).toBeLessThan(80);
        for (const t of q.terms) {
          expect(searchable(t.text)).toBe(t.text);
          expect(t.text.split(' ').length).toBeLessThanOrEqual(3);
        }
        // Six consecutive words of the page never appear in a query.
        const qw = words(qt);
        for (let i = 0; i + 6 <= qw.length; i++) expect(runs.has(qw.slice(i, i + 6).join(' ')), qt).toBe(false);
      }
    }
  });

  it('quotes hyphenated words in the query text', () => {
    const texts = buildQueries(SWAP, 5).map(queryText);
    expect(texts.some((t) => t.includes('"long-awaited"'))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/(^|\s)long-awaited/);
  });

  it('finds the same names in the rewrite as in the original: what survives a rewrite', () => {
    const names = (s: LookupSubject) =>
      rankTerms(s)
        .filter((t) => t.kind === 'name')
        .slice(0, 6)
        .map((t) => t.term.text);
    const original = names(cnbc());
    const copy = names(rewrite());
    expect(copy.filter((n) => original.includes(n)).length).toBeGreaterThanOrEqual(5);
    // Each of the rewrite's queries would also match the original: most of its terms are among the original's.
    const originalTerms = new Set(
      rankTerms(cnbc())
        .slice(0, 12)
        .map((t) => t.term.text.toLowerCase()),
    );
    for (const q of buildQueries(rewrite())) {
      expect(q.terms.filter((t) => originalTerms.has(t.text.toLowerCase())).length, queryText(q)).toBeGreaterThanOrEqual(2);
    }
  });

  it('builds no query from text without names, numbers or rare words', () => {
    expect(buildQueries(subject('A day', 'It was a good day for all of us here.\nWe went home and had a nice time.'))).toEqual([]);
  });
});
