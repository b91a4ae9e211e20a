import { defineConfig } from 'wxt';

/** Fixed Gecko id: Firefox needs it to install the add-on, and tests pin its moz-extension UUID with it. */
export const GECKO_ID = 'unspun@unspun.dev';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Unspun',
    description:
      'Warns you when a news article is an uncredited rewrite of another outlet\'s reporting, and shows you the original. Everything stays on your device.',
    // storage: settings and per-tab verdicts; unlimitedStorage: the article library in IndexedDB;
    // alarms: housekeeping (forgetting old reading history) without timers in the worker.
    permissions: ['storage', 'unlimitedStorage', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Hosts of the feeds the user enables (and of their articles), asked for at run time only.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    // Test builds only (UNSPUN_E2E_HOSTS): the fake hosts the E2E suites serve, granted up front.
    ...(process.env.UNSPUN_E2E_HOSTS ? { host_permissions: process.env.UNSPUN_E2E_HOSTS.split(',') } : {}),
    action: { default_title: 'Unspun' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['e2e/**', 'tests/**', 'test-results/**', 'bench/**'] },
});
