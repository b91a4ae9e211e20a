#!/usr/bin/env node
// Scores `unspun extract --batch` output against the article-extraction benchmark's ground truth,
// as the benchmark defines it (../shared/extraction/README.md): word 4-gram shingle counts, per-page
// TP/FP/FN normalised by their sum, precision and recall averaged over pages, F1 from the means.
// Run: node bench/extraction-score.mjs <ground-truth.json> <extracted.json>
import { readFileSync } from 'node:fs';

const [truthFile, predFile] = process.argv.slice(2);
if (!truthFile || !predFile) {
  console.error('usage: node bench/extraction-score.mjs <ground-truth.json> <extracted.json>');
  process.exit(2);
}
const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
const pred = JSON.parse(readFileSync(predFile, 'utf8'));

function shingles(text) {
  const words = (text ?? '').match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map();
  for (let i = 0; i + 4 <= words.length; i++) {
    const k = words.slice(i, i + 4).join(' ');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

let pSum = 0;
let rSum = 0;
let pN = 0;
let rN = 0;
const worst = [];
for (const [id, { articleBody }] of Object.entries(truth)) {
  const t = shingles(articleBody);
  const p = shingles(pred[id]?.articleBody ?? '');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const all = tp + fp + fn;
  if (!all) continue;
  const [TP, FP, FN] = [tp / all, fp / all, fn / all];
  if (TP + FP > 0) {
    pSum += TP / (TP + FP);
    pN++;
  }
  if (TP + FN > 0) {
    rSum += TP / (TP + FN);
    rN++;
  }
  worst.push({ id, f: (2 * TP) / (2 * TP + FP + FN) });
}
const P = pSum / pN;
const R = rSum / rN;
const F1 = (2 * P * R) / (P + R);
worst.sort((a, b) => a.f - b.f);
console.log(JSON.stringify({ pages: worst.length, precision: +P.toFixed(4), recall: +R.toFixed(4), f1: +F1.toFixed(4) }));
console.log(
  'worst pages:',
  worst
    .slice(0, 10)
    .map((w) => `${w.id} ${w.f.toFixed(2)}`)
    .join(', '),
);
