import synonyms from './data/synonyms.json' with { type: 'json' };

let table: Map<string, string> | null = null;

/**
 * The synonym classes: space-separated Porter stems, the first representing its class. Generated
 * from WordNet by scripts/build-synonyms.mjs into data/synonyms.json, whose digest is pinned as
 * `SYNONYMS_SHA256` next to `FINGERPRINT_VERSION`.
 */
export const SYNONYM_CLASSES: readonly string[] = synonyms.classes;

/**
 * Maps a stem to the representative of its synonym class, so that a rewrite's
 * "talks" meets the original's "negotiations"; a stem outside every class maps to itself.
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
