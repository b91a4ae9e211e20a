import { STOP_WORDS } from '../core/stopwords.ts';

/** One term of a search: a word, or a phrase of words that must stand together. */
export interface QueryTerm {
  text: string;
  phrase: boolean;
}

/** A small search query: its terms are ANDed. */
export interface SearchQuery {
  terms: QueryTerm[];
}

/** What lookup knows of the page: only these leave the machine, reduced to a few search terms. */
export interface LookupSubject {
  title: string;
  sentences: readonly string[];
}

/** Words of the lede read for terms: a rewrite keeps the story's names in its first lines. */
const LEDE_WORDS = 120;
/** Search engines refuse very short keywords (GDELT: fewer than 3 characters). */
const MIN_TERM_CHARS = 3;

/** Capitalised words that are not names: calendar words, titles, sentence openers. */
const NOT_NAMES = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms dr st jr sr the a an in on at for but and or if when while after ' +
    'before as it its this that these those he she they we i his her their our my you your there here what who why how ' +
    'according meanwhile however also still today yesterday tomorrow last next new jan feb mar apr jun jul aug sep ' +
    "sept oct nov dec i'm i've i'd i'll photo images image getty afp reuters ap via file"
  ).split(' '),
);

/** Lower-case words inside a name. */
const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'la', 'del', 'der', 'van', 'von', 'da', 'di']);
/** Longest name kept, in words. */
const MAX_NAME_WORDS = 4;

/** Titles before a name ("President Vladimir Putin"): the name is what follows. */
const TITLES = new Set(
  (
    'president minister secretary state foreign prime chancellor governor senator sen rep representative mayor king ' +
    'queen prince princess pope ceo chief executive chairman chair director general officer judge justice coach ' +
    'spokesperson spokesman spokeswoman professor prof lord lady sir deputy vice attorney commissioner leader'
  ).split(' '),
);

/** Sentences that credit a photo or a wire rather than tell the story. */
const CREDIT_LINE = /getty images|\bafp\b|\bap photo\b|reuters\/|\bphoto:|\bimage:|\|\s*(?:getty|reuters|ap)\b/i;

interface Scored {
  term: QueryTerm;
  score: number;
  kind: 'name' | 'number' | 'word';
}

/**
 * Search queries for the original of a page, built from what survives a rewrite: the names the story
 * is about (people, places, organisations: the most mentioned, early ones first), then numbers and rare
 * words of the lede, never the common words a paraphrase swaps. Several small queries of two or three
 * terms rather than one long one: a term the page has of its own (a partial copy's added reporting,
 * a corrected misspelling) then loses one query, not the whole search.
 */
export function buildQueries(subject: LookupSubject, maxQueries = 3): SearchQuery[] {
  const ranked = rankTerms(subject);
  const names = ranked.filter((t) => t.kind === 'name');
  const others = ranked.filter((t) => t.kind !== 'name');
  // Too few names: the rarest other terms stand in for them.
  const main = [...names.slice(0, 3), ...others].slice(0, 3);
  const [a, b, c] = main;
  const rest = others.filter((t) => !main.includes(t));
  const queries: QueryTerm[][] = [];
  const add = (terms: (Scored | undefined)[], least = 2) => {
    const picked = [...new Map(terms.filter((t): t is Scored => !!t).map((t) => [t.term.text.toLowerCase(), t.term])).values()];
    if (picked.length < least) return;
    const key = picked
      .map((t) => t.text.toLowerCase())
      .sort()
      .join('|');
    if (
      !queries.some(
        (q) =>
          q
            .map((t) => t.text.toLowerCase())
            .sort()
            .join('|') === key,
      )
    )
      queries.push(picked);
  };
  // Pairs of the three main terms: any one of them may be the page's own and miss the original.
  add([a, b]);
  add([a, c]);
  add([b, c]);
  // The main name alone, when it is a full name (specific enough by itself): the other terms may all
  // be spelt differently in the original (a rewrite corrects "Baton Rogue").
  if (a?.kind === 'name' && a.term.phrase) add([a], 1);
  add([a, rest[0]]);
  add([b, rest[0]]);
  return queries.slice(0, maxQueries).map((terms) => ({ terms }));
}

/** Candidate terms of the page, most telling first. */
export function rankTerms(subject: LookupSubject): Scored[] {
  const lede = ledeOf(subject.sentences);
  const scores = new Map<string, Scored>();
  const bump = (raw: string, kind: Scored['kind'], score: number) => {
    const text = searchable(raw);
    if (!text) return;
    const key = text.toLowerCase();
    const had = scores.get(key);
    if (had)
      had.score += score * 0.5; // repeated: central to the story
    else scores.set(key, { term: { text, phrase: /[\s'’-]/u.test(text) }, score, kind });
  };
  // Names over the whole article, early mentions weighing more: the story is about the most mentioned.
  const story = subject.sentences.filter((s) => !CREDIT_LINE.test(s)).slice(0, MAX_SENTENCES);
  const mentions = story.map((s) => namesIn(s));
  const full = new Set(mentions.flat().filter((n) => n.includes(' ')));
  // "Thomas" after "Solomon Thomas" is a mention of him.
  const surname = new Map([...full].map((n) => [n.split(' ').pop()!.toLowerCase(), n]));
  for (const [i, names] of mentions.entries()) {
    const early = 1 + 1 / (1 + i / 3);
    for (const name of names) {
      const whole = !name.includes(' ') ? surname.get(name.toLowerCase()) : undefined;
      bump(whole ?? name, 'name', 3 * early * (name.includes(' ') ? 1.3 : 1));
    }
  }
  for (const [i, sentence] of lede.entries()) {
    const early = 1 + 1 / (1 + i); // the first sentences weigh more
    for (const n of numbersIn(sentence)) bump(n, 'number', 1.5 * early);
    for (const w of rareWordsIn(sentence)) bump(w, 'word', (w.length / 8) * early);
  }
  // Headline words count when the body uses them too (headlines are in title case, and rewritten).
  const bodyLower = ` ${subject.sentences.join(' ').toLowerCase()} `;
  for (const w of rareWordsIn(subject.title.toLowerCase())) if (bodyLower.includes(` ${w} `)) bump(w, 'word', 1);
  // A name that is part of a longer name already listed adds nothing ("Denicola" in "Kim Denicola").
  const all = [...scores.values()];
  const multi = all.filter((s) => s.term.phrase).map((s) => ` ${s.term.text.toLowerCase()} `);
  return all
    .filter((s) => s.term.phrase || !multi.some((m) => m.includes(` ${s.term.text.toLowerCase()} `)))
    .sort((a, b) => b.score - a.score || a.term.text.localeCompare(b.term.text));
}

/** Sentences read for names: a bound on the work for a huge page. */
const MAX_SENTENCES = 200;

function ledeOf(sentences: readonly string[]): string[] {
  const out: string[] = [];
  let words = 0;
  for (const s of sentences) {
    const n = s.split(/\s+/).length;
    if (n < 6 || CREDIT_LINE.test(s)) continue; // captions, credits, datelines, bylines
    out.push(s);
    words += n;
    if (words >= LEDE_WORDS) break;
  }
  return out;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

/** Runs of capitalised words inside a sentence (not its first word alone): names of people, places, bodies. */
export function namesIn(sentence: string): string[] {
  const words = [...sentence.matchAll(WORD)].map((m) => ({ raw: m[0], at: m.index, end: m.index + m[0].length }));
  const names: string[] = [];
  let run: string[] = [];
  let runStart = -1;
  const flush = () => {
    const name = nameOf(run, runStart === 0);
    if (name) names.push(name);
    run = [];
  };
  words.forEach(({ raw, at }, i) => {
    const prev = words[i - 1];
    // A run breaks at punctuation between words ("Paris, France" are two names) and after a possessive.
    const joined = prev ? /^\s+$/.test(sentence.slice(prev.end, at)) && !/['’]s$/u.test(prev.raw) : false;
    const w = cleanWord(raw).replace(/['’]s$/u, '');
    const lower = w.toLowerCase();
    const capital = /^\p{Lu}/u.test(w) && w.length >= 2 && !NOT_NAMES.has(raw.toLowerCase()) && !NOT_NAMES.has(lower) && !STOP_WORDS.has(lower);
    // "Bank of England", "Office for National Statistics": a connector joins two capitalised words.
    const next = words[i + 1];
    const connects =
      CONNECTORS.has(raw) && run.length > 0 && joined && !!next && /^\s+$/.test(sentence.slice(words[i]!.end, next.at)) && /^\p{Lu}/u.test(next.raw);
    if ((capital || connects) && run.length && joined) run.push(w);
    else {
      flush();
      if (capital) {
        run = [w];
        runStart = i;
      }
    }
  });
  flush();
  return names;
}

/** The name in a run of capitalised words: after any title ("Foreign Minister"), at most 4 words. */
function nameOf(run: string[], atSentenceStart: boolean): string | undefined {
  let words = run;
  const lastTitle = words.reduce((at, w, i) => (TITLES.has(w.toLowerCase()) ? i : at), -1);
  if (lastTitle >= 0) words = words.slice(lastTitle + 1);
  else if (atSentenceStart) {
    // A sentence's first word is capitalised anyway: keep it only as part of a longer name.
    if (words.length < 2 || STOP_WORDS.has(words[0]!.toLowerCase())) words = words.slice(1);
    if (words.length < 1 || (words.length === 1 && atSentenceStart && run.length === 1)) return undefined;
  }
  words = words.slice(-MAX_NAME_WORDS);
  while (words.length && CONNECTORS.has(words[0]!)) words = words.slice(1);
  const name = words.join(' ');
  return name.length >= MIN_TERM_CHARS ? name : undefined;
}

const cleanWord = (w: string) => w.replace(/[.'’-]+$/u, '');

/**
 * A term as search engines take it, or null: letters, digits, spaces, hyphens and apostrophes only
 * (GDELT refuses other characters outside quotes); no abbreviations with dots ("U.S."), no words
 * shorter than 3 characters, no phrase shorter than 5 (GDELT refuses both).
 */
export function searchable(text: string): string | null {
  if (/[^\p{L}\p{M}\p{N}\s'’-]/u.test(text)) return null;
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length < MIN_TERM_CHARS) return null;
  if (/[\s'’-]/u.test(t) && t.length < 5) return null;
  return t;
}

/** Numbers that identify the story (at least 3 characters: "2023", "4.9", "1,200"), not "1" or "10". */
export function numbersIn(sentence: string): string[] {
  // Whole numbers only: search engines split "4.9" at its dot into words too short to search.
  return [...sentence.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\d.,])\d+(?![\d.,]?\d)/g)]
    .map((m) => m[0].replace(/,/g, ''))
    .filter((n) => n.length >= MIN_TERM_CHARS);
}

/** Longer content words, lower-cased: the rarer vocabulary of the story. */
function rareWordsIn(sentence: string): string[] {
  return [...sentence.matchAll(WORD)].map((m) => cleanWord(m[0])).filter((w) => /^\p{Ll}[\p{Ll}-]+$/u.test(w) && w.length >= 7 && !STOP_WORDS.has(w));
}

/** A query in the engines' common syntax: terms separated by spaces, phrases in double quotes. */
export function queryText(q: SearchQuery): string {
  return q.terms.map((t) => (t.phrase ? `"${t.text.replace(/"/g, '')}"` : t.text.replace(/"/g, ''))).join(' ');
}
