// Reading command lines out of usage texts and the README, for the tests that keep them in step.

/** A command line's words: `<URL or page.html>` is one word; `[`, `]` and `...` are notation, not words. */
export function words(line: string): string[] {
  return (line.match(/<[^>]*>|[^\s[\]]+/g) ?? []).filter((w) => w !== '...' && w !== '…');
}

/** The `unspun …` lines of a usage text, as the words after `unspun`. */
export function synopses(usage: string): string[][] {
  return usage
    .split('\n')
    .filter((l) => l.startsWith('unspun '))
    .map((l) => words(l).slice(1));
}

/** Every `--option` a text names, without the dashes. */
export const optionsIn = (text: string): Set<string> => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));

/** A form's command as the README and the usage name it: `pack build`, `pack check`, else the command alone. */
export const formName = (form: readonly string[]): string => (form[0] === 'pack' ? `pack ${form[1]}` : form[0]!);
