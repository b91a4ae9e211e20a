// What the pure layers (src/core, src/feeds) may assume of their platform: the web-platform globals
// that Node and every browser context share, nothing of the DOM, Node or the extension APIs.
// Only tsconfig.pure.json includes this file (the main config has the full DOM and Node types).

interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
  delete(name: string): void;
  set(name: string, value: string): void;
  keys(): IterableIterator<string>;
  forEach(fn: (value: string, key: string) => void): void;
  toString(): string;
  sort(): void;
}

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}

// eslint-disable-next-line no-var -- a global declaration, as lib.dom declares it
declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
  canParse?(url: string | URL, base?: string | URL): boolean;
};

/** Vite's build-time environment (read to tree-shake per entrypoint). */
interface ImportMeta {
  readonly env?: Record<string, string | boolean | undefined>;
}

declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
