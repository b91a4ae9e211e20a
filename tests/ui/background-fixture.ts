import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers, type BackgroundDeps } from '../../src/ext/background-messages.ts';
import { LibraryService } from '../../src/ext/library-service.ts';
import { ownExtension } from '../../src/ext/messaging.ts';
import { dispatch, type Sender } from '../../src/ext/protocol.ts';

/** A message's sender as the browser gives it for the extension's library page. */
export const pageSender = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });

/**
 * The real background answering the fake browser's `runtime.sendMessage` (whose sender is empty) as
 * if from the extension's library page, with the real handlers, sender check and validators.
 * Every message sent is pushed to `sent`. Returns the library the background owns.
 */
export function serveBackground(deps: Partial<BackgroundDeps> = {}, sent: unknown[] = []): LibraryService {
  const library = deps.library ?? new LibraryService();
  const handlers = backgroundHandlers({ ...deps, library });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    sent.push(msg);
    return dispatch('background', msg, pageSender(), ownExtension(), handlers);
  });
  return library;
}
