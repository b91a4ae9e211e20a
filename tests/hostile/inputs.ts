/**
 * Generators for hostile inputs: each builds, in code, a page, feed or text that once made a
 * parser or a regular expression do quadratic work or overflow the stack. Nothing large is
 * committed; the sizes are those measured in the issue.
 */

/** An RSS feed with one `&amp;` and `<![CDATA[` repeated, never closed, up to `chars` long. */
export function unclosedCdataFeed(chars = 5 * 1024 * 1024 - 64): string {
  const head = '<?xml version="1.0"?><rss version="2.0"><channel><title>a &amp; b</title>';
  const unit = '<![CDATA[';
  return head + unit.repeat(Math.floor((chars - head.length) / unit.length));
}

/** A paragraph `x (` followed by `©` repeated `count` times (no closing parenthesis). */
export function copyrightRun(count = 200_000): string {
  return 'x (' + '©'.repeat(count);
}

/** A filler paragraph of ordinary prose, so a page reads as an article. */
export function prose(sentences = 12, seed = 1): string {
  const words = ['council', 'budget', 'river', 'bridge', 'mayor', 'school', 'report', 'plan', 'voters', 'harbour', 'station', 'season'];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const w = (k: number) => words[(seed * 7 + i * 5 + k * 3) % words.length]!;
    out.push(`The ${w(0)} said on Tuesday that the ${w(1)} would change the ${w(2)} before the ${w(3)} met again in the spring.`);
  }
  return out.join(' ');
}

/** An article page whose body holds `paragraphs` (raw HTML inside each `<p>`). */
export function articlePage(paragraphsHtml: readonly string[], title = 'Council approves the harbour plan'): string {
  const body = paragraphsHtml.map((p) => `<p>${p}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta property="og:title" content="${title}"></head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${title}</h1>${body}</article></main><footer>Footer</footer></body></html>`;
}

/** An article page with the `©` paragraph among ordinary ones. */
export function copyrightPage(count = 200_000): string {
  return articlePage([prose(12, 1), prose(12, 2), copyrightRun(count), prose(12, 3)]);
}

/**
 * An article whose middle paragraph sits inside `<div>` nested `depth` deep. As reported, the
 * `<div>`s are never closed (the parser closes them at the end: 2,000 levels are 11 KB of markup);
 * `closed` writes the closing tags too.
 */
export function deepNestingPage(depth: number, closed = false): string {
  const open = '<div>'.repeat(depth);
  const close = closed ? '</div>'.repeat(depth) : '';
  return articlePage([prose(12, 1), prose(12, 3), `${open}${prose(12, 2)}${close}`]);
}

/** Only the nesting markup itself, `depth` unclosed levels around a word. */
export function deepNestingMarkup(depth: number): string {
  return '<div>'.repeat(depth) + 'text';
}

/** `Word` followed by `count` full stops. */
export function dotRun(count = 100_000): string {
  return 'Word' + '.'.repeat(count);
}

/** A date with an impossible time-zone offset. */
export const IMPOSSIBLE_OFFSET = '2019-11-19T10:00:00+99:99';

/**
 * The time each hostile input must finish in. The inputs took from seconds to minutes (or
 * overflowed the stack) before their fixes; a second leaves room for a busy 2-core machine.
 */
export const BUDGET_MS = 1_000;

/** Runs `fn` once and returns its result with the milliseconds it took. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}
