import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * A fresh extension for the next test: WXT's fake browser reset (storage, listeners, permissions,
 * tabs) and an empty IndexedDB (fake-indexeddb), so no library, setting or verdict leaks from one
 * test into another. Use it as `beforeEach(freshExtension)`, or call it at the start of a test.
 */
export function freshExtension(): void {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
}
