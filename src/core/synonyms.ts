import { SYNONYM_CLASSES } from './synonym-table.ts';

let table: Map<string, string> | null = null;

/**
 * Maps a stem to the representative of its synonym class, so that a rewrite's
 * "talks" meets the original's "negotiations". Classes come from a table generated
 * from WordNet (scripts/build-synonyms.mjs); a stem outside every class maps to itself.
 */
export function canonicalTerm(stem: string): string {
  table ??= buildTable();
  return table.get(stem) ?? stem;
}

function buildTable(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of SYNONYM_CLASSES) {
    const stems = line.split(' ');
    const head = stems[0]!;
    for (const s of stems) if (!map.has(s)) map.set(s, head);
  }
  return map;
}
