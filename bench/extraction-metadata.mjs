#!/usr/bin/env node
// Metadata accuracy of `extractArticle` (title, byline, published time, site name), non-article
// recognition, and published-time accuracy against the corpus manifests.
//
//   node bench/extraction-metadata.mjs [--readability ../shared/extraction/readability] [--corpus ../shared/corpus] [--json]
//
// Readability's test pages (pages/<name>/source.html.gz + expected-metadata.json): per field, the
// share of pages whose expected value is set that we match (whitespace-normalised, case-sensitive;
// published time as the same instant, to the second), and how often we give a value where none is expected.
// `readerable`: our unforced `extractArticle(doc, url)` returns ok for an article and
// {ok:false, reason:'not-article'|'too-short'} for a page the badge leaves alone.
// Corpus: `published` of every page/original with an .html file, against the manifest: exact day
// (UTC) and within 24 hours (the pages' markup is often hours off the manifest).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { extractArticle } = await import('../src/extract/extract-article.ts');
const { parseHtmlDocument, readHtmlFile } = await import('../src/cli/node-dom.ts');

const { values } = parseArgs({
  options: {
    readability: { type: 'string', default: '../shared/extraction/readability' },
    corpus: { type: 'string', default: '../shared/corpus' },
    json: { type: 'boolean', default: false },
  },
});

const norm = (s) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '');
const instant = (s) => (s ? Date.parse(s) : NaN);
const DAY = 86_400_000;

function readabilityMetadata(dir) {
  const kinds = new Map(
    readFileSync(join(dir, 'index.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .map(([name, kind]) => [name, kind]),
  );
  const fields = { title: 'title', byline: 'byline', siteName: 'siteName', publishedTime: 'published' };
  const tally = Object.fromEntries(Object.keys(fields).map((f) => [f, { expected: 0, right: 0, extra: 0, misses: [] }]));
  const readerable = { tp: 0, fn: 0, tn: 0, fp: 0, misses: [] };
  for (const name of readdirSync(join(dir, 'pages')).sort()) {
    const page = join(dir, 'pages', name);
    const want = JSON.parse(readFileSync(join(page, 'expected-metadata.json'), 'utf8'));
    const html = readHtmlFile(join(page, 'source.html.gz'));
    const url = 'http://fakehost/test/page.html';
    const forced = extractArticle(parseHtmlDocument(html), url, { force: true });
    const got = forced.ok ? forced.article : {};
    for (const [field, ours] of Object.entries(fields)) {
      const t = tally[field];
      const w = want[field];
      const g = got[ours];
      if (w === null || w === undefined || w === '') {
        if (g) t.extra++;
        continue;
      }
      t.expected++;
      const ok = field === 'publishedTime' ? Math.abs(instant(w) - instant(g)) < 1000 : norm(w) === norm(g);
      if (ok) t.right++;
      else t.misses.push(`${name}: want ${JSON.stringify(w)}, got ${JSON.stringify(g ?? null)}`);
    }
    const r = extractArticle(parseHtmlDocument(html), url);
    const isArticle = r.ok;
    if (want.readerable && isArticle) readerable.tp++;
    else if (want.readerable) {
      readerable.fn++;
      readerable.misses.push(`${name} (${kinds.get(name)}): article, we said ${r.reason}`);
    } else if (!isArticle) readerable.tn++;
    else {
      readerable.fp++;
      readerable.misses.push(`${name} (${kinds.get(name)}): not readerable, we extracted it`);
    }
  }
  return { tally, readerable };
}

function corpusDates(dir) {
  const docs = readFileSync(join(dir, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const out = { pages: 0, withDate: 0, sameDay: 0, within24h: 0, exact: 0, misses: [] };
  for (const d of docs) {
    if (!d.file.endsWith('.html') || !d.published || !existsSync(join(dir, d.file))) continue;
    out.pages++;
    const r = extractArticle(parseHtmlDocument(readHtmlFile(join(dir, d.file))), d.url, { force: true });
    const got = r.ok ? r.article.published : undefined;
    if (!got) {
      out.misses.push(`${d.id} (${d.kind}): no date, want ${d.published}`);
      continue;
    }
    out.withDate++;
    const diff = Math.abs(instant(got) - instant(d.published));
    if (diff === 0) out.exact++;
    if (got.slice(0, 10) === new Date(instant(d.published)).toISOString().slice(0, 10)) out.sameDay++;
    if (diff <= DAY) out.within24h++;
    else out.misses.push(`${d.id} (${d.kind}): got ${got}, want ${d.published}`);
  }
  return out;
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
const report = {};
if (existsSync(values.readability)) report.readability = readabilityMetadata(values.readability);
if (existsSync(values.corpus)) report.corpus = corpusDates(values.corpus);

if (values.json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  if (report.readability) {
    const { tally, readerable } = report.readability;
    console.log(`Readability test pages (${values.readability}): metadata, as Readability's expected-metadata.json gives it`);
    for (const [field, t] of Object.entries(tally)) {
      console.log(
        `  ${field.padEnd(14)} ${String(t.right).padStart(3)}/${String(t.expected).padEnd(3)} ${pct(t.right, t.expected).padStart(6)}   (a value where none is expected: ${t.extra})`,
      );
    }
    const { tp, fn, tn, fp } = readerable;
    console.log(
      `  readerable     articles recognised ${tp}/${tp + fn} (${pct(tp, tp + fn)}), non-articles left alone ${tn}/${tn + fp} (${pct(tn, tn + fp)}), accuracy ${pct(tp + tn, tp + fn + tn + fp)}`,
    );
    for (const m of readerable.misses.slice(0, 12)) console.log(`    ${m}`);
    for (const [field, t] of Object.entries(tally)) for (const m of t.misses.slice(0, 6)) console.log(`    ${field}: ${m.slice(0, 200)}`);
  }
  if (report.corpus) {
    const c = report.corpus;
    console.log(`Corpus pages and originals with HTML (${values.corpus}): published time against the manifest`);
    console.log(
      `  with a date ${c.withDate}/${c.pages} (${pct(c.withDate, c.pages)}); same instant ${c.exact} (${pct(c.exact, c.pages)}); same UTC day ${c.sameDay} (${pct(c.sameDay, c.pages)}); within 24 h ${c.within24h} (${pct(c.within24h, c.pages)})`,
    );
    for (const m of c.misses.slice(0, 10)) console.log(`    ${m}`);
  }
}
