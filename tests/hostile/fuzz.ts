/**
 * Fuzzing of everything that reads page or feed text, with a per-case time limit. Not part of
 * `vitest run` (it takes minutes); run it with
 *
 *   npx tsx tests/hostile/fuzz.ts [--runs 300] [--seed 42] [--limit-ms 1000]
 *
 * Random HTML and XML structure and text (deep nesting, entities, CDATA, comments, unclosed and
 * stray tags, long runs of punctuation and symbols) go through `parseFeed`, `extractArticle`
 * (linkedom, forced and not) and `fingerprintText`, plus the text rules and `parseDate` on the
 * same text. A case fails when any of them throws or takes longer than the limit; the run ends with
 * the slowest case of each and, on a failure, fast-check's shrunk counterexample and seed.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHtmlDocument } from '../../src/cli/node-dom.ts';
import { parseDate } from '../../src/core/dates.ts';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { filterParagraphs } from '../../src/extract/text-rules.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { prose } from './inputs.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const RUNS = Number(args.get('runs') ?? 300);
const SEED = args.has('seed') ? Number(args.get('seed')) : Date.now() % 2 ** 31;
const LIMIT_MS = Number(args.get('limit-ms') ?? 1_000);

/** Characters and tokens that have made parsers and regexes backtrack, each repeated into a run. */
const RUN_UNITS = [
  '.',
  '!',
  '?',
  '…',
  '©',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '&',
  ';',
  '#',
  '"',
  "'",
  '\u201c',
  '-',
  '—',
  ':',
  '/',
  '|',
  ',',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  'x',
  'A',
  '1',
  '&amp;',
  '&#',
  '&#x',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '<!',
  '</',
  '<a',
  'x (',
  'a.',
  'A. ',
  '. ',
  '" ',
  'photo',
  'Photo: ',
  'getty images',
  'Source: ',
  '© 2024 ',
  'http://',
  '@',
  'by ',
  'Nov. 19, 2019 ',
  '10:00 ',
];
const run = fc.tuple(fc.constantFrom(...RUN_UNITS), fc.integer({ min: 1, max: 40_000 })).map(([u, n]) => u.repeat(Math.max(1, Math.floor(n / u.length))));
const word = fc.constantFrom(
  'The',
  'council',
  'said',
  'Mr.',
  'U.S.',
  'photo',
  'Getty',
  'Images',
  '©',
  'Source:',
  'by',
  'Reuters',
  'Nov.',
  '19,',
  '2019',
  '3.5',
  '"quoted"',
  'read',
  'more',
);
const words = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
const entity = fc.constantFrom(
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#65;',
  '&#x1F600;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '&copy;',
  '&bogus;',
  '&',
  '&#',
  '&#x;',
  '&lol9;',
);
const text = fc.oneof(
  { weight: 3, arbitrary: words },
  { weight: 2, arbitrary: run },
  { weight: 1, arbitrary: entity },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant(prose(10, 3)) },
);

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'li',
  'ul',
  'table',
  'td',
  'tr',
  'b',
  'i',
  'figure',
  'figcaption',
  'blockquote',
  'footer',
  'nav',
  'aside',
  'h1',
  'h2',
  'pre',
  'main',
  'noscript',
  'script',
  'style',
  'template',
  'svg',
  'font',
];
const attrs = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ' class="content"',
        ' class="share social"',
        ' class="related"',
        ' hidden',
        ' aria-hidden="true"',
        ' style="display:none"',
        ' href="/x"',
        ' href="https://other.example/a"',
        ' rel="bookmark"',
        ' id="main"',
        ' role="navigation"',
      ),
      run.map((r) => ` class="${r.slice(0, 2_000).replace(/"/g, '')}"`),
    ),
    { maxLength: 3 },
  )
  .map((a) => a.join(''));

/** Random markup: nested elements (sometimes unclosed or misnested), text, stray syntax. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: text },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...TAGS), attrs, tie('nodes'), fc.constantFrom('close', 'close', 'close', 'unclosed', 'misnested'))
        .map(([t, a, inner, how]) =>
          how === 'close' ? `<${t}${a}>${inner}</${t}>` : how === 'unclosed' ? `<${t}${a}>${inner}` : `<${t}${a}>${inner}</div></${t}>`,
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom('<br>', '<hr>', '<!-- c -->', '<![CDATA[ x ]]>', '<!--', '<', '</p>', '</div>', '<p', '<img src=x>', '<input>') },
    // Deep nesting (these tags nest), closed or left for the parser to close.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('div', 'span', 'b', 'section', 'blockquote', 'font', 'article'), fc.integer({ min: 1, max: 12_000 }), fc.boolean(), text)
        .map(([t, n, closed, inner]) => `<${t}>`.repeat(n) + inner + (closed ? `</${t}>`.repeat(n) : '')),
    },
    // Long runs of siblings (these tags close the one before); bounded, as page size is not what is tested.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('p', 'li', 'td', 'option', 'dd'), fc.integer({ min: 1, max: 3_000 }), text)
        .map(([t, n, inner]) => `<${t}>${inner.slice(0, 40)}`.repeat(n)),
    },
  ),
  nodes: fc.array(tie('node'), { maxLength: 8 }).map((n) => n.join('')),
})).nodes;

const page = fc
  .tuple(markup, fc.boolean())
  .map(
    ([body, withTitle]) =>
      `<!DOCTYPE html><html><head>${withTitle ? '<title>Council approves the harbour plan</title><meta property="og:title" content="Council">' : ''}</head><body><article><h1>Council approves</h1><p>${prose(12, 1)}</p>${body}<p>${prose(12, 2)}</p></article></body></html>`,
  );

/** Random XML feeds: RSS or Atom around random items, with CDATA, entities and stray syntax anywhere. */
const xmlText = fc.oneof(
  text,
  fc.constantFrom(
    '<![CDATA[',
    ']]>',
    '<![CDATA[ <b>bold</b> & ]]>',
    '<!-- -->',
    '<!DOCTYPE rss>',
    '<?pi x?>',
    '<',
    '&',
    '</title>',
    '<x:y xmlns:x="urn:x">',
    '<b>',
    '</b>',
  ),
);
const xmlChunks = fc.array(xmlText, { maxLength: 6 }).map((a) => a.join(''));
const item = fc
  .tuple(xmlChunks, xmlChunks, fc.boolean())
  .map(
    ([t, d, cdata]) =>
      `<item><title>${t}</title><link>https://n.example/${encodeURIComponent(t.slice(0, 20))}</link><description>${cdata ? `<![CDATA[${d}]]>` : d}</description><pubDate>${d.slice(0, 40)}</pubDate></item>`,
  );
const entry = fc
  .tuple(xmlChunks, xmlChunks)
  .map(
    ([t, c]) =>
      `<entry><title type="html">${t}</title><link href="https://n.example/a"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${c}</div></content><updated>${c.slice(0, 30)}</updated></entry>`,
  );
const deepXml = fc.integer({ min: 1, max: 20_000 }).map((n) => '<x>'.repeat(n) + '&amp;' + '</x>'.repeat(n));
const feed = fc.oneof(
  fc
    .tuple(fc.array(item, { maxLength: 6 }), xmlChunks)
    .map(([items, extra]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; ${extra}</title>${items.join('')}</channel></rss>`),
  fc
    .tuple(fc.array(entry, { maxLength: 6 }), xmlChunks)
    .map(([entries, extra]) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>${extra}</title>${entries.join('')}</feed>`),
  fc.tuple(deepXml, run).map(([d, r]) => `<rss><channel>${d}${r}</channel></rss>`),
  fc.tuple(run, run).map(([a, b]) => `<rss><channel><title>&amp;</title>${a}${b}`),
);

const slowest = new Map<string, { ms: number; size: number; input: unknown }>();
let currentInput: unknown;
function timedStep<T>(name: string, size: number, fn: () => T, budgeted = true): T {
  const t = performance.now();
  const value = fn();
  const ms = performance.now() - t;
  if (ms > (slowest.get(name)?.ms ?? -1)) slowest.set(name, { ms, size, input: currentInput });
  if (budgeted && ms > LIMIT_MS) throw new Error(`${name} took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms) on ${size.toLocaleString('en')} characters`);
  return value;
}

const URL = 'https://news.example.com/2025/03/04/harbour';
let cases = 0;
let chars = 0;
const started = performance.now();
const properties: fc.IProperty<[unknown]>[] = [
  fc.property(page as fc.Arbitrary<unknown>, (value) => {
    const html = value as string;
    currentInput = value;
    cases++;
    chars += html.length;
    // The DOM is the browser's (or the CLI's linkedom); its parse is timed but not held to the limit.
    const doc = timedStep('linkedom parse (not held to the limit)', html.length, () => parseHtmlDocument(html), false);
    for (const force of [false, true]) {
      const r = timedStep(`extractArticle${force ? ' (forced)' : ''}`, html.length, () => extractArticle(doc, URL, { force, useLayout: false }));
      if (!r.ok && r.reason === 'error') throw new Error(`extractArticle failed: ${r.detail}`);
      if (r.ok) timedStep('fingerprintText (article)', html.length, () => fingerprintText(r.article.paragraphs.join('\n')));
    }
  }),
  fc.property(feed as fc.Arbitrary<unknown>, (value) => {
    const xml = value as string;
    currentInput = value;
    cases++;
    chars += xml.length;
    const r = timedStep('parseFeed', xml.length, () => parseFeed(xml, 'https://feeds.example.com/rss'));
    if (r.ok) for (const it of r.feed.items) timedStep('fingerprintText (feed item)', xml.length, () => fingerprintText(`${it.title}\n${it.summary ?? ''}`));
  }),
  fc.property(fc.array(fc.oneof(text, run), { minLength: 1, maxLength: 6 }) as fc.Arbitrary<unknown>, (value) => {
    const parts = value as string[];
    currentInput = value;
    cases++;
    const body = parts.join('\n');
    chars += body.length;
    timedStep('fingerprintText (raw text)', body.length, () => fingerprintText(body));
    timedStep('filterParagraphs', body.length, () => filterParagraphs(parts, { title: parts[0]!.slice(0, 200), urls: [URL] }));
    timedStep('parseDate', body.length, () => parts.map((p) => parseDate(p)));
  }),
];

let failed = false;
for (const [i, property] of properties.entries()) {
  const result = fc.check(property, { numRuns: RUNS, seed: SEED + i, endOnFailure: true });
  if (result.failed) {
    failed = true;
    const file = join(tmpdir(), `unspun-fuzz-${SEED + i}.json`);
    writeFileSync(file, JSON.stringify(result.counterexample));
    console.error(
      `property ${i + 1} failed (seed ${SEED + i}, path ${result.counterexamplePath}): ${String(result.errorInstance ?? '').slice(0, 400)}\n  counterexample in ${file}`,
    );
  }
}
console.log(
  `fuzz: ${cases} cases (${(chars / 1e6).toFixed(1)} M characters) in ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${SEED}, limit ${LIMIT_MS} ms per step`,
);
const slowestFile = join(tmpdir(), `unspun-fuzz-slowest-${SEED}.json`);
writeFileSync(slowestFile, JSON.stringify(Object.fromEntries([...slowest].map(([name, s]) => [name, s.input]))));
for (const [name, s] of [...slowest].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`  slowest ${name}: ${s.ms.toFixed(0)} ms (${s.size.toLocaleString('en')} characters)`);
console.log(`  (the slowest input of each step is in ${slowestFile})`);
console.log(failed ? 'fuzz: FAILED' : 'fuzz: all cases within the limit');
process.exitCode = failed ? 1 : 0;
