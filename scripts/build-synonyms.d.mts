// Types of scripts/build-synonyms.mjs, for the test that it reproduces src/core/data/synonyms.json.
/** The synonym classes, one line of space-separated stems each, sorted; the first stem represents its class. */
export function buildSynonymClasses(): string[];
/** The exact text of src/core/data/synonyms.json for these classes. */
export function synonymsFileText(classes: readonly string[]): string;
