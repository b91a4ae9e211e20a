// Lint and architecture boundaries (in the spirit of Dark Reader's zones). The layers:
//   core ← extract, feeds ← library ← lookup, net ← ext ← ui ← entrypoints;   cli beside ext (Node).
// Pure layers run in Node and in every browser context: no extension APIs, no UI, no entrypoints.
// Only src/ext (and entrypoints) talk to the browser; the UI reaches it through src/ext's requests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EXTENSION_APIS = [
  { name: 'wxt/browser', message: 'Only src/ext and entrypoints talk to the browser.' },
  { name: 'webextension-polyfill', message: 'Only src/ext and entrypoints talk to the browser.' },
  { name: '@wxt-dev/webextension-polyfill', message: 'Only src/ext and entrypoints talk to the browser.' },
];
const EXTENSION_GLOBALS = [
  { name: 'browser', message: 'Only src/ext and entrypoints talk to the browser.' },
  { name: 'chrome', message: 'Only src/ext and entrypoints talk to the browser.' },
];
const layer = (...forbidden) =>
  forbidden.map((dir) => ({ group: [`**/${dir}/*`, `**/${dir}`], message: `This layer may not import ${dir}/ (see eslint.config.js).` }));
const wxtAny = { group: ['wxt', 'wxt/*'], message: 'Only src/ext and entrypoints use wxt.' };
const ENTRYPOINTS = { group: ['**/entrypoints/**'], message: 'Nothing in src/ imports entrypoints/.' };

/** A zone: files that may not import these directories, packages, or use the extension globals. */
const zone = (files, dirs, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths: EXTENSION_APIS, patterns: [...layer(...dirs), wxtAny, ENTRYPOINTS, ...extra] }],
    'no-restricted-globals': ['error', ...EXTENSION_GLOBALS],
  },
});

export default tseslint.config(
  { ignores: ['.output/**', '.output-e2e/**', '.wxt/**', 'node_modules/**', 'bench/out/**', 'test-results/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // TypeScript checks these (and knows the DOM and Node globals each file may use).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Sanitisers strip control and invisible characters on purpose.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  // The pure layers.
  zone(['src/core/**/*.ts'], ['ext', 'ui', 'extract', 'feeds', 'library', 'lookup', 'net', 'cli']),
  zone(['src/extract/**/*.ts', 'src/feeds/**/*.ts'], ['ext', 'ui', 'library', 'lookup', 'net', 'cli']),
  zone(['src/library/**/*.ts'], ['ext', 'ui', 'lookup', 'net', 'cli']),
  zone(['src/lookup/**/*.ts', 'src/net/**/*.ts'], ['ext', 'ui', 'cli']),
  // The CLI is Node: the pure layers, never the extension.
  zone(['src/cli/**/*.ts'], ['ext', 'ui']),
  // The UI renders and asks src/ext; it never touches storage or the browser itself.
  zone(['src/ui/**/*.ts'], ['cli'], [{ group: ['idb'], message: 'The UI never opens IndexedDB: ask the background.' }]),
  // src/ext may use the browser, but not the UI or entrypoints.
  {
    files: ['src/ext/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...layer('ui', 'cli'), ENTRYPOINTS] }] },
  },
  // Tests and tools may reach into any layer, with looser typing of fixtures.
  {
    files: ['tests/**', 'e2e/**', 'bench/**', 'scripts/**', 'bin/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
