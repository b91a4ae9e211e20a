// Which reason each page gets, per kind: the verdict, or for a `none` verdict the reason's message key
// (reasonCloseRetelling: close to a retelling rule; reasonTooFewResembling; reasonTooLittleCopied…;
// reasonNoMatch). Each corpus page checked against the corpus library, as the eval does.
// Run: node --import tsx bench/reasons.ts [corpus]
import { join } from 'node:path';
import { corpusLibrary } from '../src/cli/corpus-library.ts';
import { readManifest } from '../src/cli/corpus.ts';
import { extractFile } from '../src/cli/load.ts';
import { checkPage } from '../src/library/match.ts';
import { toPageToCheck } from '../src/library/page.ts';

const dir = process.argv[2] ?? '../shared/corpus';
const docs = readManifest(dir);
const index = corpusLibrary(dir, docs);
const KINDS = ['retold', 'borderline', 'same-facts', 'same-event', 'shared-source', 'unrelated'];
const counts = new Map<string, Map<string, number>>();
for (const d of docs.filter((x) => x.role === 'page' && KINDS.includes(x.kind))) {
  const r = extractFile(join(dir, d.file), d.url);
  const key = !r.ok
    ? 'not extracted'
    : (() => {
        const { verdict } = checkPage(toPageToCheck(r.article, d.published ?? ''), index);
        return verdict.kind === 'none' ? `none: ${verdict.reasonMessage?.key ?? verdict.reason}` : verdict.kind;
      })();
  const byKey = counts.get(d.kind) ?? counts.set(d.kind, new Map()).get(d.kind)!;
  byKey.set(key, (byKey.get(key) ?? 0) + 1);
}
for (const kind of KINDS) {
  const byKey = counts.get(kind);
  if (!byKey) continue;
  const n = [...byKey.values()].reduce((a, b) => a + b, 0);
  console.log(`${kind} (${n})`);
  for (const [key, k] of [...byKey].sort((a, b) => b[1] - a[1])) console.log(`  ${String(k).padStart(4)}  ${key}`);
}
