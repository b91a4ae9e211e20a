import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

/** Fixed Gecko id: Firefox needs it to install the add-on, and tests pin its moz-extension UUID with it. */
export const GECKO_ID = 'unspun@unspun.dev';

// https://wxt.dev/api/config.html
/** Test builds (E2E; scripts/build-e2e.sh) grant the fake hosts up front and go to their own folder, never shipped. */
const E2E_HOSTS = process.env.UNSPUN_E2E_HOSTS;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: E2E_HOSTS ? '.output-e2e' : '.output',
  imports: false,
  // tldts builds its public-suffix tables on load: keep it out of bundles that never call it (the
  // content script, whose site.ts only trims the page's own menus).
  vite: () => ({
    build: { rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]tldts(-core)?[\\/]/.test(id) } } },
  }),
  hooks: {
    // The article content script runs on every page: it gets the browser's own extension API (WXT's
    // `wxt/browser`, `browser` in Firefox, `chrome` in Chrome, both promise-based for the calls it
    // makes) instead of webextension-polyfill (≈10 KB), which the module above puts behind
    // `wxt/browser` everywhere else. The background still needs the polyfill: its message listeners
    // answer by returning a promise, which Chrome's own API does not take.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.name === 'article')) return;
      const alias = config.resolve?.alias;
      if (!alias || Array.isArray(alias) || typeof (alias as Record<string, string>)['wxt/browser'] !== 'string') {
        throw new Error('wxt.config.ts: expected the webextension-polyfill module to alias wxt/browser');
      }
      (alias as Record<string, string>)['wxt/browser'] = createRequire(import.meta.url).resolve('wxt/browser');
    },
  },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language (public/_locales; English by default).
    name: '__MSG_extName__',
    default_locale: 'en',
    // Chrome's store and manifest allow at most 132 characters (scripts/check-store.mjs checks the builds).
    description: '__MSG_extDescription__',
    // storage: settings and per-tab verdicts; unlimitedStorage: the article library in IndexedDB;
    // alarms: housekeeping (forgetting old reading history) without timers in the worker.
    // Chrome only: offscreen (parsing a fetched article; its worker has no DOM) and scripting (the
    // content script run in tabs already open at install or update, where a granted host permission
    // allows it: src/ext/open-tabs.ts; Firefox runs it there itself). Neither shows a warning.
    permissions: ['storage', 'unlimitedStorage', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen', 'scripting'])],
    // Hosts of the feeds the user enables (and of their articles), asked for at run time only.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    // Test builds only: a permission prompt cannot be answered headless, so the hosts the E2E
    // suites fetch from are granted at install (the options page's request then resolves at once).
    ...(E2E_HOSTS ? { host_permissions: E2E_HOSTS.split(',') } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          // data_collection_permissions is Firefox's built-in data consent (addons.mozilla.org requires it
          // of new add-ons): what the add-on transmits is shown at install. Firefox reads it from 140
          // on desktop and from 142 on Android (older versions ignore it, and 127 and older refuse
          // the manifest), so those are the minimum versions: below them the declaration would not
          // be shown (web-ext lint: KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION). 140 is an ESR.
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['e2e/**', 'tests/**', 'test-results/**', 'bench/**'] },
});
