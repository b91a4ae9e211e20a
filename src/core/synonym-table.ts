export const SYNONYM_CLASSES: readonly string[] = [];
