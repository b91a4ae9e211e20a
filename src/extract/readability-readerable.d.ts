// Readability's "looks like an article" test on its own (its CommonJS module exports the function),
// so that the content script can run it without bundling Readability itself.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as Readerable } from '@mozilla/readability';
  const isProbablyReaderable: typeof Readerable;
  export default isProbablyReaderable;
}
