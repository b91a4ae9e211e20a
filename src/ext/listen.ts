import { browser } from 'wxt/browser';
import { ownExtension } from './messaging.ts';
import { dispatch, type Handlers, type Receiver } from './protocol.ts';

/**
 * Answers the messages of `receiver` in this context with `handlers`, through the one sender check
 * and validator (`acceptMessage`); everything else is left unanswered for another context. Call it
 * synchronously at startup, so a restarted MV3 worker receives the message that woke it.
 */
export function listen<R extends Receiver>(receiver: R, handlers: Partial<Handlers<R>>): void {
  const self = ownExtension();
  browser.runtime.onMessage.addListener((msg, sender) => dispatch(receiver, msg, sender, self, handlers));
}
