// News-search stand-in for E2E tests and the CLI evaluation: one local HTTP server that really
// searches an index of every corpus document (originals, library articles and pages, copies
// included) instead of the internet. Nothing is canned per test case.
//
//   GET /api/v2/doc/doc?query=…&mode=artlist&format=json…   the GDELT DOC 2.0 API (artlist, JSON)
//   GET /rss/search?q=…&hl=en-US&gl=US&ceid=US:en            a Google-News-like RSS search
//   GET /fetch?url=<absolute URL>                            a gateway: answers as if that URL had been fetched
//   any other GET                                            the corpus page whose URL is Host + path (+ query)
//
// The search endpoints answer on any Host (so api.gdeltproject.org or news.google.com mapped to
// 127.0.0.1 works, as does 127.0.0.1:PORT). The corpus is read in place from ../shared/corpus
// (or $UNSPUN_SHARED/corpus), never copied.
//
// GDELT behaviour copied here (as reported by people who called the real API; not verified live
// from this machine, see the comments at GDELT_ERRORS):
//   - errors are HTTP 200 with a one-line plain-text body (never JSON), throttling is HTTP 429;
//   - no results is the body `{}`;
//   - maxrecords defaults to 75, at most 250; sort defaults to hybridrel;
//   - seendate is UTC `YYYYMMDDTHHMMSSZ` on GDELT's 15-minute crawl grid.
// Not like GDELT: the relevance order (hybridrel) is our own term-frequency score; there is no tone,
// theme, image or source-country data (tone filters and sourcecountry: match everything, theme: and
// image operators nothing); documents without a `published` time (the 2008 `unrelated` pages) have
// an empty seendate, sort last and drop out of any date-bounded search.
// Not like Google News: item links are the documents' URLs (urlFor), not news.google.com redirects.
// A few corpus documents share host + path (7 in the corpus of Dec 2026): the first in the
// manifest is the page served there; all of them are still found by the searches.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { CORPUS } from './server.mjs';

export const GDELT_PATH = '/api/v2/doc/doc';
export const RSS_PATH = '/rss/search';
export const FETCH_PATH = '/fetch';

/**
 * Plain-text error bodies. Sources: strings that programs and notes on GitHub quote verbatim from
 * live GDELT answers (searched with the stored code index); none could be checked against the
 * live API from here. Marked INVENTED where no real wording was found.
 */
export const GDELT_ERRORS = {
  // Real GDELT sends this for over-long queries and (reportedly) single-character ones; its
  // answer to an empty query is not documented anywhere we found, so this wording is a guess.
  EMPTY_QUERY: 'Your query was too short or too long.',
  // Real: an unquoted keyword under 3 characters ("AI", "US", "Xi").
  KEYWORD_TOO_SHORT: 'Your search contained a keyword that was too short.',
  // Real: a quoted phrase that is too short. Reports put the floor at about 5 characters
  // ("Iran", "OPEC", "AAON", "food" were refused; "ITCXYZ" accepted); we use 5.
  PHRASE_TOO_SHORT: 'The specified phrase is too short.',
  // Real: parentheses around something other than an OR list, e.g. `coffee (sourcelang:english)`.
  PARENS_WITHOUT_OR: "Parentheses may only be used around OR'd statements.",
  // Real: a top-level `a OR b`.
  OR_WITHOUT_PARENS: "Queries containing OR'd terms must be surrounded by ().",
  // Real: unbalanced or nested parentheses (nesting: our assumption).
  PAREN_ERROR: 'One or more of your parenthetical clauses had an error in it.',
  // INVENTED: no report of GDELT's answer to an unclosed quote was found.
  UNBALANCED_QUOTES: 'One or more of your phrases is missing its closing quotation mark.',
  // Real: an unquoted keyword with a dash or another special character.
  ILLEGAL_CHARACTER: 'One or more of your keywords contained an illegal character. To use a dash in a word, place it in quotes like "f-16".',
  // Real prefix; GDELT appends the offending token, e.g. `(sourcelocation:0)` for an unknown operator.
  TOO_COMMON: 'One or more of your keywords were too short, too long or too common',
  // Real: `domain:` / `domainis:` with an empty value.
  DOMAIN_TOO_SHORT: 'The specified domain is too short or too long.',
  // Real 429 body.
  RATE_LIMIT: 'Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com for larger queries.',
  // INVENTED (this stand-in only implements part of the API).
  UNSUPPORTED_MODE: 'This local GDELT stand-in only supports mode=artlist.',
  UNSUPPORTED_FORMAT: 'This local GDELT stand-in only supports format=json.',
  BAD_DATETIME: 'Invalid STARTDATETIME or ENDDATETIME: use YYYYMMDDHHMMSS.',
};

const MAX_RECORDS = 250;
const DEFAULT_RECORDS = 75;
const RSS_MAX_ITEMS = 100;
const PHRASE_MIN_CHARS = 5;
const KEYWORD_MIN_CHARS = 3;

// ---------------------------------------------------------------------------------------------
// Text

const NON_ASCII = /[^\x00-\x7f]/;
// Typographic punctuation common in news text; none of it is a letter or digit.
const TYPOGRAPHIC = /[\u00a0\u00a3\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]/g;

/** Lower-cased words (letters/digits, Unicode; accents folded; apostrophes and other punctuation split). */
export function tokenize(text) {
  let s = String(text ?? '').toLowerCase();
  if (NON_ASCII.test(s)) {
    s = s.replace(TYPOGRAPHIC, ' ');
    // Fast path above for plain ASCII; the same words as the general rule below.
    if (NON_ASCII.test(s))
      return (
        s
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .match(/[\p{L}\p{N}]+/gu) ?? []
      );
  }
  return s.match(/[a-z0-9]+/g) ?? [];
}

// Word -> id table for the index build that hashes the words in place (FNV-1a over char codes)
// instead of allocating a string per token: the build's main cost. Same words as tokenize().
const ALNUM = new Uint8Array(128);
for (let c = 48; c < 58; c++) ALNUM[c] = 1;
for (let c = 97; c < 123; c++) ALNUM[c] = 1;
class Interner {
  constructor() {
    this.words = [];
    this.hashes = new Int32Array(1 << 15); // by id
    this.mask = (1 << 16) - 1;
    this.table = new Int32Array(this.mask + 1).fill(-1); // slot -> id
  }
  /** Id of s.slice(start, end) with FNV-1a hash h (int32; added if new). */
  id(s, start, end, h) {
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.hashes[id] === h) {
        const w = this.words[id];
        if (w.length === len && s.startsWith(w, start)) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.words.length;
    this.words.push(s.slice(start, end));
    if (id === this.hashes.length) {
      const b = new Int32Array(id * 2);
      b.set(this.hashes);
      this.hashes = b;
    }
    this.hashes[id] = h;
    this.table[slot] = id;
    if (this.words.length * 2 > this.mask) this.rehash();
    return id;
  }
  rehash() {
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(this.mask + 1).fill(-1);
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
  }
  static hash(s, start, end) {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h | 0;
  }
  /** Appends the word ids of text to out (a growable { buf, n }). */
  add(text, out) {
    let s = String(text ?? '').toLowerCase();
    if (NON_ASCII.test(s)) s = s.replace(TYPOGRAPHIC, ' ');
    if (NON_ASCII.test(s)) {
      for (const w of tokenize(s)) push(out, this.id(w, 0, w.length, Interner.hash(w, 0, w.length)));
      return;
    }
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (!ALNUM[s.charCodeAt(i)]) {
        i++;
        continue;
      }
      const start = i;
      let h = 0x811c9dc5;
      let c;
      while (i < n && ALNUM[(c = s.charCodeAt(i))]) {
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
      push(out, this.id(s, start, i, h | 0));
    }
  }
}
function push(out, v) {
  if (out.n === out.buf.length) {
    const b = new Int32Array(out.buf.length * 2);
    b.set(out.buf);
    out.buf = b;
  }
  out.buf[out.n++] = v;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * GDELT's seendate for an ISO time: UTC `YYYYMMDDTHHMMSSZ`, floored to GDELT's 15-minute crawl
 * batches (2025-10-22T06:47:32Z → 20251022T064500Z). '' for a missing or invalid time.
 */
export function gdeltDate(iso) {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return '';
  const d = new Date(Math.floor(t / 900_000) * 900_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** `YYYYMMDDHHMMSS` of a time in ms (UTC). */
const compactDate = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};

const escapeXml = (s) =>
  String(s ?? '')
    // Characters XML 1.0 forbids (control characters other than tab, LF, CR).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const escapeHtml = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

// ---------------------------------------------------------------------------------------------
// Query language

const isWs = (c) => /\s/.test(c);
// Operators GDELT has but this index cannot evaluate (no GKG themes, no images, no tone):
// theme/image operators match nothing, tone filters match everything.
const NO_MATCH_OPS = new Set(['theme', 'imagetag', 'imagewebtag', 'imageocrmeta', 'imagewebcount', 'imagenumfaces', 'imagefacetone']);
const TONE_RE = /^(tone|toneabs|imagefacetone|imagenumfaces|imagewebcount)[<>=]/i;

function lex(q, lenient) {
  const out = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    let c = q[i];
    if (isWs(c)) {
      i++;
      continue;
    }
    let neg = false;
    if (c === '-' && i + 1 < n && !isWs(q[i + 1])) {
      neg = true;
      c = q[++i];
    }
    if (c === '(' || c === ')') {
      out.push({ t: c, neg });
      i++;
      continue;
    }
    if (c === '"') {
      let j = q.indexOf('"', i + 1);
      if (j < 0) {
        if (!lenient) return { error: GDELT_ERRORS.UNBALANCED_QUOTES };
        j = n;
      }
      out.push({ t: 'item', neg, kind: 'phrase', text: q.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < n && !isWs(q[j]) && q[j] !== '(' && q[j] !== ')' && q[j] !== '"') j++;
    const word = q.slice(i, j);
    const colon = word.indexOf(':');
    const opName = colon > 0 && /^[a-z0-9]+$/i.test(word.slice(0, colon)) ? word.slice(0, colon).toLowerCase() : null;
    if (opName && colon === word.length - 1 && q[j] === '"') {
      // name:"quoted value"
      let k = q.indexOf('"', j + 1);
      if (k < 0) {
        if (!lenient) return { error: GDELT_ERRORS.UNBALANCED_QUOTES };
        k = n;
      }
      out.push({ t: 'item', neg, kind: 'op', name: opName, value: q.slice(j + 1, k), quoted: true });
      i = k + 1;
      continue;
    }
    i = j;
    if (!word) continue;
    if (word === 'OR' && !neg) out.push({ t: 'OR' });
    else if (word === 'AND' && !neg) continue;
    else if (opName) out.push({ t: 'item', neg, kind: 'op', name: opName, value: word.slice(colon + 1), quoted: false });
    else if (TONE_RE.test(word)) out.push({ t: 'item', neg, kind: 'op', name: 'tone', value: word, quoted: false });
    else out.push({ t: 'item', neg, kind: 'word', text: word });
  }
  return { tokens: out };
}

class QueryError extends Error {}
const fail = (msg) => {
  throw new QueryError(msg);
};

/** Builds the raw tree: { type: 'seq'|'group'|'or', items, neg } and lexer items as leaves. */
function buildTree(tokens, lenient) {
  let pos = 0;
  function parseList(depth) {
    const nodes = [];
    let pendingOr = false;
    while (pos < tokens.length) {
      const tok = tokens[pos];
      if (tok.t === ')') {
        if (depth > 0) break;
        if (!lenient) fail(GDELT_ERRORS.PAREN_ERROR);
        pos++;
        continue;
      }
      if (tok.t === 'OR') {
        pos++;
        if (!nodes.length || pendingOr) {
          if (!lenient) fail(depth ? GDELT_ERRORS.PAREN_ERROR : GDELT_ERRORS.OR_WITHOUT_PARENS);
          continue;
        }
        pendingOr = true;
        continue;
      }
      const node = parsePrimary(depth);
      if (pendingOr) {
        const last = nodes[nodes.length - 1];
        if (last.type === 'or' && last.chain) last.items.push(node);
        else nodes[nodes.length - 1] = { type: 'or', chain: true, items: [last, node], neg: false };
        pendingOr = false;
      } else nodes.push(node);
    }
    if (pendingOr && !lenient) fail(depth ? GDELT_ERRORS.PAREN_ERROR : GDELT_ERRORS.OR_WITHOUT_PARENS);
    return nodes;
  }
  function parsePrimary(depth) {
    const tok = tokens[pos++];
    if (tok.t !== '(') return tok;
    if (depth > 0 && !lenient) fail(GDELT_ERRORS.PAREN_ERROR); // GDELT has no nested clauses
    const items = parseList(depth + 1);
    if (tokens[pos]?.t === ')') pos++;
    else if (!lenient) fail(GDELT_ERRORS.PAREN_ERROR);
    return { type: 'group', items, neg: tok.neg };
  }
  return parseList(0);
}

/** Leaf of the AST from a lexer item (throws QueryError). */
function toLeaf(item, lenient) {
  const neg = !!item.neg;
  if (item.kind === 'word') {
    if (!lenient && /[^\p{L}\p{N}\p{M}'’.]/u.test(item.text)) fail(GDELT_ERRORS.ILLEGAL_CHARACTER);
    const words = tokenize(item.text);
    if (!words.length) {
      if (lenient) return null;
      fail(GDELT_ERRORS.KEYWORD_TOO_SHORT);
    }
    if (!lenient && words.join('').length < KEYWORD_MIN_CHARS) fail(GDELT_ERRORS.KEYWORD_TOO_SHORT);
    return words.length === 1 ? { type: 'term', word: words[0], neg } : { type: 'phrase', words, neg };
  }
  if (item.kind === 'phrase') {
    const words = tokenize(item.text);
    if (!words.length || (!lenient && item.text.trim().length < PHRASE_MIN_CHARS)) {
      if (lenient) return null;
      fail(GDELT_ERRORS.PHRASE_TOO_SHORT);
    }
    return words.length === 1 ? { type: 'term', word: words[0], neg } : { type: 'phrase', words, neg };
  }
  // operator
  const { name, value } = item;
  const v = value.trim().toLowerCase();
  if (name === 'domain' || name === 'domainis') {
    if (!v) fail(GDELT_ERRORS.DOMAIN_TOO_SHORT);
    return { type: 'domain', value: v, exact: name === 'domainis', neg };
  }
  if (name === 'sourcelang') return { type: 'sourcelang', value: v, neg };
  // Corpus documents carry no source country; the operator is accepted and matches everything.
  if (name === 'sourcecountry') return { type: 'all', op: 'sourcecountry', value: v, neg };
  if (name === 'tone') return { type: 'all', op: 'tone', value: v, neg };
  if (NO_MATCH_OPS.has(name)) return { type: 'none', op: name, value: v, neg };
  const near = /^near(\d+)$/.exec(name);
  if (near) {
    const words = tokenize(value);
    if (words.length < 2 && !lenient) fail(GDELT_ERRORS.PHRASE_TOO_SHORT);
    return { type: 'near', distance: Number(near[1]), words, neg };
  }
  const repeat = /^repeat(\d+)$/.exec(name);
  if (repeat) {
    const words = tokenize(value);
    if (!words.length && !lenient) fail(GDELT_ERRORS.PHRASE_TOO_SHORT);
    return { type: 'repeat', count: Number(repeat[1]), words, neg };
  }
  if (lenient) {
    // Google News operators.
    if (name === 'site' || name === 'source') return { type: 'site', value: v.replace(/^www\./, ''), neg };
    if (name === 'after' || name === 'before') {
      const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
      if (Number.isFinite(t)) return { type: 'date', op: name, ms: t, neg };
    }
    if (name === 'when') {
      const m = /^(\d+)([hdwmy])$/.exec(v);
      const unit = { h: 3600e3, d: 86400e3, w: 7 * 86400e3, m: 30 * 86400e3, y: 365 * 86400e3 };
      if (m) return { type: 'when', ms: Number(m[1]) * unit[m[2]], neg };
    }
    const words = tokenize(`${name} ${value}`);
    return words.length ? { type: 'phrase', words, neg } : null;
  }
  fail(`${GDELT_ERRORS.TOO_COMMON}: (${name}:${item.quoted ? 0 : v})`);
}

function toAst(nodes, lenient, depth) {
  const items = [];
  for (const node of nodes) {
    if (node.t === 'item') {
      const leaf = toLeaf(node, lenient);
      if (leaf) items.push(leaf);
    } else if (node.type === 'or') {
      if (!lenient && depth === 0) fail(GDELT_ERRORS.OR_WITHOUT_PARENS);
      const sub = toAst(node.items, lenient, depth).items;
      if (sub.length) items.push({ type: 'or', items: sub, neg: false });
    } else if (node.type === 'group') {
      if (!lenient) {
        if (!node.items.length) fail(GDELT_ERRORS.PAREN_ERROR);
        if (node.items.length !== 1 || node.items[0].type !== 'or') fail(GDELT_ERRORS.PARENS_WITHOUT_OR);
        const sub = toAst(node.items[0].items, lenient, depth + 1).items;
        items.push({ type: 'or', items: sub, neg: node.neg });
      } else {
        const sub = toAst(node.items, lenient, depth + 1).items;
        if (sub.length === 1) items.push({ ...sub[0], neg: sub[0].neg !== node.neg });
        else if (sub.length) items.push({ type: 'and', items: sub, neg: node.neg });
      }
    }
  }
  return { type: 'and', items, neg: false };
}

/**
 * Parses a GDELT DOC 2.0 query. Returns the AST, `{ type: 'and', items: [...] }` whose leaves are
 * `{ type: 'term', word }`, `{ type: 'phrase', words }`, `{ type: 'or', items }`,
 * `{ type: 'domain', value, exact }`, `{ type: 'sourcelang', value }`, `{ type: 'near', distance, words }`,
 * `{ type: 'repeat', count, words }`, `{ type: 'all' | 'none', op }`, each with `neg`;
 * or `{ error }` with GDELT's plain-text message.
 * With `{ lenient: true }` (the RSS endpoint, like Google News) nothing is refused: short words,
 * top-level OR and plain parentheses are accepted, and `site:`, `after:`, `before:`, `when:` work.
 */
export function parseGdeltQuery(q, { lenient = false } = {}) {
  const query = String(q ?? '').trim();
  if (!query) return lenient ? { type: 'and', items: [], neg: false } : { error: GDELT_ERRORS.EMPTY_QUERY };
  if (!lenient && (query.match(/"/g)?.length ?? 0) % 2) return { error: GDELT_ERRORS.UNBALANCED_QUOTES };
  const lexed = lex(query, lenient);
  if (lexed.error) return { error: lexed.error };
  try {
    const ast = toAst(buildTree(lexed.tokens, lenient), lenient, 0);
    if (!lenient && !ast.items.length) return { error: GDELT_ERRORS.EMPTY_QUERY };
    return ast;
  } catch (e) {
    if (e instanceof QueryError) return { error: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Index

function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Title and body of an .html page without texts.jsonl (fallback only): <title> and <p> text. */
function textOfHtml(html) {
  let title = '';
  const paras = [];
  let inTitle = false;
  let inP = 0;
  let skip = 0;
  let cur = '';
  const p = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        else if (name === 'script' || name === 'style') skip++;
        else if (name === 'p') inP++;
      },
      ontext(t) {
        if (skip) return;
        if (inTitle) title += t;
        else if (inP) cur += t;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        else if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
        else if (name === 'p' && inP) {
          inP--;
          if (cur.trim()) paras.push(cur.trim());
          cur = '';
        }
      },
    },
    { decodeEntities: true },
  );
  p.end(html);
  return { title: title.trim(), body: paras.join('\n\n') };
}

/** Headline and paragraphs of a corpus .txt (first line the headline, then a blank line, then the body). */
function readTxt(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const nl = text.indexOf('\n');
  const title = (nl < 0 ? text : text.slice(0, nl)).trim();
  const body = nl < 0 ? '' : text.slice(nl + 1).trim();
  return { title, body };
}

const hostOf = (u) => u.hostname.toLowerCase();
const stripWww = (h) => h.replace(/^www\./, '');
// Gateway key: host without www., path without trailing slash, query kept (scheme and port ignored).
const looseKey = (u) => `${stripWww(hostOf(u))}${u.pathname.replace(/\/+$/, '') || '/'}${u.search}`;
const looseKeyNoQuery = (u) => `${stripWww(hostOf(u))}${u.pathname.replace(/\/+$/, '') || '/'}`;
const routeKey = (u) => `${hostOf(u)}${u.pathname}${u.search}`;

/**
 * Builds the searchable index of every manifest row. Exported for tests; the server calls it.
 * Returns { docs, vocab, postings, stats }.
 */
export function buildIndex(corpusDir = CORPUS) {
  const t0 = performance.now();
  const manifestFile = path.join(corpusDir, 'manifest.jsonl');
  if (!fs.existsSync(manifestFile)) throw new Error(`corpus not found: ${manifestFile} (set UNSPUN_SHARED)`);
  const rows = readJsonl(manifestFile);
  const textsFile = path.join(corpusDir, 'texts.jsonl');
  const texts = new Map(fs.existsSync(textsFile) ? readJsonl(textsFile).map((t) => [t.id, t]) : []);
  const interner = new Interner();
  const scratch = { buf: new Int32Array(1 << 16), n: 0 };
  const docs = [];
  let fallbacks = 0;
  // Per-word scratch counters for the doc being indexed (seenIn: 1 + index of the last doc seen).
  const grow = (a, n) => {
    const b = new Int32Array(n);
    b.set(a);
    return b;
  };
  let seenIn = new Int32Array(1 << 16);
  let titleCount = new Int32Array(1 << 16);
  let bodyCount = new Int32Array(1 << 16);
  // (word, doc, title count, body count) entries, grouped by word into postings at the end.
  let entWord = new Int32Array(1 << 20);
  let entDoc = new Int32Array(1 << 20);
  let entTitle = new Int32Array(1 << 20);
  let entBody = new Int32Array(1 << 20);
  let nEntries = 0;
  for (const row of rows) {
    let text = texts.get(row.id);
    if (!text) {
      fallbacks++;
      const file = path.join(corpusDir, row.file);
      text = row.file.endsWith('.txt') ? readTxt(file) : textOfHtml(fs.readFileSync(file, 'utf8'));
    }
    const u = new URL(row.url);
    const title = String(text.title ?? '').trim();
    const body = String(text.body ?? '');
    const idx = docs.length;
    // Title words, a -1 gap (phrases never span title and body), body words.
    scratch.n = 0;
    interner.add(title, scratch);
    const titleLen = scratch.n;
    push(scratch, -1);
    interner.add(body, scratch);
    const toks = scratch.buf.slice(0, scratch.n);
    if (interner.words.length > seenIn.length)
      [seenIn, titleCount, bodyCount] = [seenIn, titleCount, bodyCount].map((a) => grow(a, Math.max(a.length * 2, interner.words.length)));
    const touched = [];
    for (let k = 0; k < toks.length; k++) {
      const id = toks[k];
      if (id < 0) continue;
      if (seenIn[id] !== idx + 1) {
        seenIn[id] = idx + 1;
        titleCount[id] = 0;
        bodyCount[id] = 0;
        touched.push(id);
      }
      if (k < titleLen) titleCount[id]++;
      else bodyCount[id]++;
    }
    if (nEntries + touched.length > entWord.length)
      [entWord, entDoc, entTitle, entBody] = [entWord, entDoc, entTitle, entBody].map((a) => grow(a, Math.max(a.length * 2, nEntries + touched.length)));
    for (const id of touched) {
      entWord[nEntries] = id;
      entDoc[nEntries] = idx;
      entTitle[nEntries] = titleCount[id];
      entBody[nEntries++] = bodyCount[id];
    }
    const publishedMs = row.published ? Date.parse(row.published) : NaN;
    const seendate = gdeltDate(row.published);
    docs.push({
      idx,
      id: row.id,
      row,
      url: row.url,
      host: hostOf(u),
      domain: stripWww(hostOf(u)),
      title,
      toks,
      titleLen,
      published: Number.isFinite(publishedMs) ? publishedMs : null,
      seendate,
      // YYYYMMDDHHMMSS of seendate, for startdatetime/enddatetime comparisons.
      seenKey: seendate ? seendate.replace(/[TZ]/g, '') : '',
    });
  }
  // Postings: word id -> { docs, title, body }: doc indices (ascending) and counts in title and
  // body (typed arrays).
  const vocab = new Map(interner.words.map((w, id) => [w, id]));
  const postings = new Array(interner.words.length);
  const df = new Int32Array(postings.length);
  for (let i = 0; i < nEntries; i++) df[entWord[i]]++;
  const allDocs = new Int32Array(nEntries);
  const allTitle = new Int32Array(nEntries);
  const allBody = new Int32Array(nEntries);
  const fill = new Int32Array(postings.length);
  let offset = 0;
  for (let id = 0; id < postings.length; id++) {
    fill[id] = offset;
    postings[id] = {
      docs: allDocs.subarray(offset, offset + df[id]),
      title: allTitle.subarray(offset, offset + df[id]),
      body: allBody.subarray(offset, offset + df[id]),
    };
    offset += df[id];
  }
  for (let i = 0; i < nEntries; i++) {
    const at = fill[entWord[i]]++;
    allDocs[at] = entDoc[i];
    allTitle[at] = entTitle[i];
    allBody[at] = entBody[i];
  }
  return { docs, vocab, postings, stats: { docs: docs.length, words: vocab.size, textFallbacks: fallbacks, buildMs: performance.now() - t0 } };
}

// ---------------------------------------------------------------------------------------------
// Search

/** Occurrences of a word sequence in a doc: { title, body }. */
function countSeq(doc, ids) {
  const { toks, titleLen } = doc;
  let title = 0;
  let body = 0;
  const last = toks.length - ids.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < ids.length; j++) if (toks[i + j] !== ids[j]) continue outer;
    if (i < titleLen) title++;
    else body++;
  }
  return { title, body };
}

function nearMatch(doc, ids, distance) {
  const positions = ids.map(() => []);
  doc.toks.forEach((t, i) => {
    ids.forEach((id, j) => {
      if (t === id) positions[j].push(i);
    });
  });
  if (positions.some((p) => !p.length)) return false;
  return positions[0].some((p0) => positions.slice(1).every((ps) => ps.some((p) => Math.abs(p - p0) <= distance)));
}

function makeSearcher(index, now) {
  const { docs, vocab, postings } = index;
  const N = docs.length;
  const idsOf = (words) => words.map((w) => vocab.get(w) ?? -2);
  const idf = (df) => Math.log(1 + N / Math.max(1, df));

  // Bitmap (Uint8Array of N) of the docs matching a node, ignoring its own `neg`.
  function evalNode(node) {
    const out = new Uint8Array(N);
    switch (node.type) {
      case 'and': {
        out.fill(1);
        for (const child of node.items) {
          const m = evalNode(child);
          for (let i = 0; i < N; i++) if (out[i] && m[i] === (child.neg ? 1 : 0)) out[i] = 0;
        }
        return out;
      }
      case 'or': {
        for (const child of node.items) {
          const m = evalNode(child);
          for (let i = 0; i < N; i++) if (m[i] !== (child.neg ? 1 : 0)) out[i] = 1;
        }
        return out;
      }
      case 'term': {
        const p = postings[vocab.get(node.word)];
        if (p) for (const d of p.docs) out[d] = 1;
        return out;
      }
      case 'phrase':
      case 'near':
      case 'repeat': {
        const ids = idsOf(node.words);
        if (!ids.length || ids.some((id) => id < 0)) return out;
        // Candidates: the docs of the rarest word.
        const rarest = ids.reduce((a, b) => (postings[a].docs.length <= postings[b].docs.length ? a : b));
        for (const d of postings[rarest].docs) {
          const doc = docs[d];
          if (node.type === 'near') {
            if (nearMatch(doc, ids, node.distance)) out[d] = 1;
          } else {
            const c = countSeq(doc, ids);
            const n = c.title + c.body;
            if (node.type === 'phrase' ? n > 0 : n >= node.count) out[d] = 1;
          }
        }
        return out;
      }
      case 'domain':
        for (const doc of docs) if (node.exact ? doc.domain === node.value : doc.domain.includes(node.value)) out[doc.idx] = 1;
        return out;
      case 'site':
        for (const doc of docs) if (doc.domain === node.value || doc.domain.endsWith(`.${node.value}`)) out[doc.idx] = 1;
        return out;
      case 'sourcelang':
        // Every corpus document is English.
        if (['english', 'eng', 'en'].includes(node.value)) out.fill(1);
        return out;
      case 'date':
        for (const doc of docs) {
          if (doc.published === null) continue;
          if (node.op === 'after' ? doc.published >= node.ms : doc.published < node.ms) out[doc.idx] = 1;
        }
        return out;
      case 'when': {
        const from = now() - node.ms;
        for (const doc of docs) if (doc.published !== null && doc.published >= from) out[doc.idx] = 1;
        return out;
      }
      case 'all':
        out.fill(1);
        return out;
      case 'none':
      default:
        return out;
    }
  }

  // Positive text leaves (not under a negation), for relevance.
  function textLeaves(node, neg = false, acc = []) {
    const n = neg !== !!node.neg;
    if (node.type === 'and' || node.type === 'or') for (const c of node.items) textLeaves(c, n, acc);
    else if (!n && ['term', 'phrase', 'near', 'repeat'].includes(node.type)) acc.push(node);
    return acc;
  }

  // Term-frequency relevance: title hits count 3x body hits, saturating, weighted by rarity.
  // Returns doc idx -> score for the given hits.
  function relevance(hits, leaves) {
    const score = new Float64Array(N);
    const sat = (tf) => (tf * 2.2) / (tf + 1.2);
    for (const leaf of leaves) {
      const ids = idsOf(leaf.type === 'term' ? [leaf.word] : leaf.words);
      if (!ids.length || ids.some((id) => id < 0)) continue;
      const weight = idf(Math.min(...ids.map((id) => postings[id].docs.length)));
      if (leaf.type === 'phrase') {
        for (const doc of hits) {
          const c = countSeq(doc, ids);
          score[doc.idx] += weight * (3 * sat(c.title) + sat(c.body));
        }
        continue;
      }
      // A term, or the words of near/repeat: counts straight from the postings.
      for (const id of ids) {
        const p = postings[id];
        for (let i = 0; i < p.docs.length; i++) score[p.docs[i]] += weight * (3 * sat(p.title[i]) + sat(p.body[i]));
      }
    }
    return score;
  }

  const byDateDesc = (a, b) => (b.published ?? -Infinity) - (a.published ?? -Infinity) || a.idx - b.idx;
  const byDateAsc = (a, b) => (a.published ?? Infinity) - (b.published ?? Infinity) || a.idx - b.idx;

  /** Docs matching a parsed query, filtered by seen-key range / publication range, sorted. */
  function run(ast, { sort = 'hybridrel', startKey, endKey, fromMs, toMs } = {}) {
    const match = evalNode(ast);
    let hits = [];
    for (let i = 0; i < N; i++) {
      if (!match[i]) continue;
      const doc = docs[i];
      if ((startKey || endKey) && !doc.seenKey) continue;
      if (startKey && doc.seenKey < startKey) continue;
      if (endKey && doc.seenKey > endKey) continue;
      if ((fromMs !== undefined || toMs !== undefined) && doc.published === null) continue;
      if (fromMs !== undefined && doc.published < fromMs) continue;
      if (toMs !== undefined && doc.published > toMs) continue;
      hits.push(doc);
    }
    if (sort === 'datedesc') hits.sort(byDateDesc);
    else if (sort === 'dateasc') hits.sort(byDateAsc);
    else {
      const score = relevance(hits, textLeaves(ast));
      hits.sort((a, b) => score[b.idx] - score[a.idx] || byDateDesc(a, b));
    }
    return hits;
  }
  return { run };
}

// ---------------------------------------------------------------------------------------------
// Endpoints (pure: params in, { status, type, body } out)

const TEXT = 'text/html; charset=utf-8'; // GDELT labels its plain-text errors text/html
const lowerParams = (searchParams) => {
  const m = new Map();
  for (const [k, v] of searchParams) if (!m.has(k.toLowerCase())) m.set(k.toLowerCase(), v);
  return m;
};

const TIMESPAN_UNITS = {
  min: 60e3,
  mins: 60e3,
  minute: 60e3,
  minutes: 60e3,
  h: 3600e3,
  hour: 3600e3,
  hours: 3600e3,
  d: 86400e3,
  day: 86400e3,
  days: 86400e3,
  w: 7 * 86400e3,
  week: 7 * 86400e3,
  weeks: 7 * 86400e3,
  m: 30 * 86400e3,
  month: 30 * 86400e3,
  months: 30 * 86400e3,
};

function createEngine({ index, urlFor, now }) {
  const searcher = makeSearcher(index, now);

  /**
   * The pure GDELT search: `search(query, { maxrecords, startdatetime, enddatetime, timespan, sort })`
   * → `{ error }` or `{ articles, ids, total }` (articles as GDELT's JSON has them).
   */
  function search(query, params = {}) {
    const ast = parseGdeltQuery(query);
    if (ast.error) return { error: ast.error };
    const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v == null ? undefined : String(v)]));
    let startKey = p.startdatetime?.trim() || undefined;
    let endKey = p.enddatetime?.trim() || undefined;
    if ((startKey && !/^\d{14}$/.test(startKey)) || (endKey && !/^\d{14}$/.test(endKey))) return { error: GDELT_ERRORS.BAD_DATETIME };
    // Real GDELT searches the last 3 months when no range is given (timespan defaults to 3
    // months). The corpus spans 2004-2025, so no range means no bound here. An explicit
    // timespan is honoured relative to the clock, as GDELT does, unless start/end are given.
    if (!startKey && !endKey && p.timespan) {
      const m = /^(\d+)\s*([a-z]+)$/i.exec(p.timespan.trim());
      const unit = m && TIMESPAN_UNITS[m[2].toLowerCase()];
      if (unit) startKey = compactDate(now() - Number(m[1]) * unit);
    }
    let max = Number.parseInt(p.maxrecords ?? '', 10);
    if (!Number.isFinite(max) || max < 1) max = DEFAULT_RECORDS;
    max = Math.min(max, MAX_RECORDS);
    const sortParam = (p.sort ?? 'hybridrel').toLowerCase();
    const sort = sortParam === 'datedesc' || sortParam === 'dateasc' ? sortParam : 'hybridrel'; // toneasc/tonedesc: no tone data
    const hits = searcher.run(ast, { sort, startKey, endKey });
    const top = hits.slice(0, max);
    return {
      total: hits.length,
      ids: top.map((d) => d.id),
      articles: top.map((d) => ({
        url: urlFor(d.row),
        url_mobile: '',
        title: d.title,
        seendate: d.seendate,
        socialimage: '',
        domain: d.domain,
        language: 'English',
        sourcecountry: '',
      })),
    };
  }

  function gdeltAnswer(searchParams) {
    const p = lowerParams(searchParams);
    const mode = (p.get('mode') ?? 'artlist').toLowerCase();
    if (mode !== 'artlist') return { status: 200, type: TEXT, body: GDELT_ERRORS.UNSUPPORTED_MODE };
    const format = (p.get('format') ?? 'html').toLowerCase();
    const result = search(p.get('query') ?? '', Object.fromEntries(p));
    if (result.error) return { status: 200, type: TEXT, body: result.error };
    if (format !== 'json') return { status: 200, type: TEXT, body: GDELT_ERRORS.UNSUPPORTED_FORMAT };
    // No results: GDELT answers `{}`, not `{"articles":[]}`.
    const body = result.articles.length ? JSON.stringify({ articles: result.articles }) : '{}';
    return { status: 200, type: 'application/json; charset=utf-8', body };
  }

  /** The pure RSS search: `{ error }` or `{ items: [{ doc, url }], ids }`, newest first, at most 100. */
  function rssSearch(q) {
    const ast = parseGdeltQuery(q, { lenient: true });
    if (ast.error) return { error: ast.error };
    const hits = ast.items.length ? searcher.run(ast, { sort: 'datedesc' }).slice(0, RSS_MAX_ITEMS) : [];
    return { ids: hits.map((d) => d.id), items: hits.map((doc) => ({ doc, url: urlFor(doc.row) })) };
  }

  function rssAnswer(searchParams) {
    const q = searchParams.get('q') ?? '';
    const hl = searchParams.get('hl') ?? 'en-US';
    const result = rssSearch(q);
    const items = result.items ?? []; // Google News never refuses a query: an empty feed
    const link = `https://news.google.com/search?${new URLSearchParams({ q, hl, gl: searchParams.get('gl') ?? 'US', ceid: searchParams.get('ceid') ?? 'US:en' })}`;
    const parts = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>',
      '<generator>unspun-news-search</generator>',
      `<title>${escapeXml(`"${q}" - Google News`)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<language>${escapeXml(hl)}</language>`,
      `<lastBuildDate>${new Date(now()).toUTCString()}</lastBuildDate>`,
      '<description>Google News</description>',
    ];
    for (const { doc, url } of items) {
      // Like Google News: the headline ends in " - <source>".
      parts.push(
        '<item>',
        `<title>${escapeXml(`${doc.title} - ${doc.domain}`)}</title>`,
        `<link>${escapeXml(url)}</link>`,
        `<guid isPermaLink="false">${createHash('sha1').update(doc.url).digest('hex')}</guid>`,
        doc.published !== null ? `<pubDate>${new Date(doc.published).toUTCString()}</pubDate>` : '',
        `<description>${escapeXml(`<a href="${escapeHtml(url)}" target="_blank">${escapeHtml(doc.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${escapeHtml(doc.domain)}</font>`)}</description>`,
        `<source url="${escapeXml(`https://${doc.domain}`)}">${escapeXml(doc.domain)}</source>`,
        '</item>',
      );
    }
    parts.push('</channel></rss>');
    return { status: 200, type: 'application/rss+xml; charset=utf-8', body: parts.join('') };
  }

  return { search, gdeltAnswer, rssSearch, rssAnswer };
}

// Indexes built in this process, by corpus dir and the size and time of its two index files:
// a second server (another test, another option) starts at once.
const indexCache = new Map();
function cachedIndex(corpusDir) {
  const stamp = ['manifest.jsonl', 'texts.jsonl']
    .map((f) => {
      try {
        const st = fs.statSync(path.join(corpusDir, f));
        return `${st.size}:${st.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join('|');
  const key = `${path.resolve(corpusDir)}|${stamp}`;
  let index = indexCache.get(key);
  if (!index) {
    index = buildIndex(corpusDir);
    indexCache.set(key, index);
  }
  return index;
}

/** Minimal article page for a .txt library article. */
function renderTxtPage(corpusDir, row) {
  const { title, body } = readTxt(path.join(corpusDir, row.file));
  const paras = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`);
  const t = escapeHtml(title);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${t}</title><meta property="og:title" content="${t}"></head><body><article><h1>${t}</h1>${paras.join('\n')}</article></body></html>\n`;
}

/** urlFor for E2E: the doc's own host and path, on this server's port (`http://<real host>:<port><path>`). */
export const localUrlFor = (row, { port }) => {
  const u = new URL(row.url);
  return `http://${u.hostname}:${port}${u.pathname}${u.search}`;
};

// ---------------------------------------------------------------------------------------------
// Server

/**
 * Starts the server. `urlFor(row, { port, origin })` maps a manifest row to the URL search results
 * report (default: the manifest URL itself, the CLI gateway case; `localUrlFor` for E2E).
 * `minIntervalMs`: a GDELT request sooner than that after the previous one gets HTTP 429.
 * `now`: the clock for `timespan=` and `when:` (default Date.now).
 */
export async function startNewsSearchServer({ corpusDir = CORPUS, port = 0, host = '127.0.0.1', urlFor, minIntervalMs = 0, now = Date.now } = {}) {
  const index = cachedIndex(corpusDir);
  const ctx = { port: 0, origin: '' };
  const mapUrl = urlFor ? (row) => urlFor(row, ctx) : (row) => row.url;
  const engine = createEngine({ index, urlFor: mapUrl, now });

  // Page routes. Several corpus docs share host + path: the first in the manifest is served.
  const routes = new Map();
  const loose = new Map();
  const shadowed = [];
  for (const doc of index.docs) {
    const u = new URL(doc.url);
    const key = routeKey(u);
    if (routes.has(key)) {
      shadowed.push({ id: doc.id, url: doc.url, served: routes.get(key).id });
      continue;
    }
    routes.set(key, doc);
    if (!loose.has(looseKey(u))) loose.set(looseKey(u), doc);
    if (!loose.has(looseKeyNoQuery(u))) loose.set(looseKeyNoQuery(u), doc);
  }
  const hosts = [...new Set(index.docs.map((d) => d.host))];

  function pageAnswer(doc) {
    if (doc.row.file.endsWith('.html')) {
      // Corpus pages are ASCII or UTF-8.
      return { status: 200, type: 'text/html; charset=utf-8', body: fs.readFileSync(path.join(corpusDir, doc.row.file)), kind: 'page' };
    }
    return { status: 200, type: 'text/html; charset=utf-8', body: renderTxtPage(corpusDir, doc.row), kind: 'page' };
  }
  const missing = (what) => ({ status: 404, type: 'text/plain; charset=utf-8', body: `not found: ${what}`, kind: 'missing' });

  let lastGdeltAt = -Infinity;
  function gdelt(searchParams) {
    const t = Date.now();
    const tooSoon = t - lastGdeltAt < minIntervalMs;
    lastGdeltAt = t;
    if (tooSoon) return { status: 429, type: TEXT, body: GDELT_ERRORS.RATE_LIMIT, kind: 'gdelt' };
    return { ...engine.gdeltAnswer(searchParams), kind: 'gdelt' };
  }

  // Answer for a URL as if fetched from the internet (the gateway).
  function answerForUrl(raw) {
    let u;
    try {
      u = new URL(raw);
    } catch {
      return { status: 400, type: 'text/plain; charset=utf-8', body: `bad url: ${raw}`, kind: 'missing' };
    }
    if (u.pathname === GDELT_PATH) return gdelt(u.searchParams);
    if (u.pathname === RSS_PATH) return { ...engine.rssAnswer(u.searchParams), kind: 'rss' };
    const doc = loose.get(looseKey(u)) ?? (u.search ? loose.get(looseKeyNoQuery(u)) : undefined);
    return doc ? pageAnswer(doc) : missing(raw);
  }

  const requests = [];
  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    const hostname = hostHeader.replace(/:\d+$/, '').toLowerCase();
    let u;
    try {
      u = new URL(req.url ?? '/', `http://${hostname || 'localhost'}`);
    } catch {
      u = new URL('http://localhost/');
    }
    const entry = {
      at: new Date().toISOString(),
      method: req.method,
      host: hostname,
      path: u.pathname + u.search,
      via: null,
      kind: 'missing',
      headers: req.headers,
    };
    requests.push(entry);
    let answer;
    if (req.method !== 'GET') answer = { status: 405, type: 'text/plain; charset=utf-8', body: 'method not allowed', kind: 'missing' };
    else if (u.pathname === GDELT_PATH) answer = gdelt(u.searchParams);
    else if (u.pathname === RSS_PATH) answer = { ...engine.rssAnswer(u.searchParams), kind: 'rss' };
    else if (u.pathname === FETCH_PATH && u.searchParams.has('url')) {
      entry.via = u.searchParams.get('url');
      answer = answerForUrl(entry.via);
    } else {
      const doc = routes.get(routeKey(u)) ?? (u.search ? routes.get(`${hostOf(u)}${u.pathname}`) : undefined);
      answer = doc ? pageAnswer(doc) : missing(`${hostname}${u.pathname}`);
    }
    entry.kind = answer.kind;
    res.writeHead(answer.status, { 'content-type': answer.type, 'cache-control': 'no-store' }).end(answer.body);
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // Browsers may use this server as a proxy: refuse https tunnels, like e2e/server.mjs.
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  ctx.port = server.address().port;
  ctx.origin = `http://127.0.0.1:${ctx.port}`;
  return {
    server,
    port: ctx.port,
    origin: ctx.origin,
    gdeltEndpoint: ctx.origin + GDELT_PATH,
    rssEndpoint: ctx.origin + RSS_PATH,
    /** Every corpus hostname (as in the manifest URLs, lower case). */
    hosts,
    /** [{ at, method, host, path, via, kind, headers }] of every request, oldest first. */
    requests,
    /** Docs not served because an earlier manifest row has the same host + path: [{ id, url, served }]. */
    shadowed,
    /** Index size and build time. */
    stats: index.stats,
    /** The pure GDELT search: (query, { maxrecords, startdatetime, enddatetime, timespan, sort }) → { error } | { articles, ids, total }. */
    search: engine.search,
    /** The pure RSS search: (q) → { items: [{ doc, url }], ids }. */
    rssSearch: engine.rssSearch,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// CLI: `node e2e/news-search-server.mjs [--port N] [--min-interval SECONDS]` serves until killed.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const portArg = Number(opt('--port') ?? 0);
  const interval = Number(opt('--min-interval') ?? 0);
  if (!Number.isInteger(portArg) || portArg < 0 || !Number.isFinite(interval) || interval < 0) {
    console.error('usage: node e2e/news-search-server.mjs [--port N] [--min-interval SECONDS]');
    process.exit(2);
  }
  const srv = await startNewsSearchServer({ port: portArg, minIntervalMs: interval * 1000 });
  console.log(`indexed ${srv.stats.docs} documents (${srv.stats.words} words) in ${Math.round(srv.stats.buildMs)} ms`);
  console.log(`GDELT DOC 2.0: ${srv.gdeltEndpoint}`);
  console.log(`RSS search:    ${srv.rssEndpoint}`);
  console.log(`--via ${srv.origin}`);
}
