import { contentHandlers, type ContentDeps } from './handle-message.ts';
import { pageHandlers, type PageDeps } from './page-messages.ts';
import type { Handlers } from './protocol.ts';

export type BackgroundDeps = ContentDeps & PageDeps;

/** Every message the background answers, one handler per type of the protocol (the compiler checks none is missing). */
export function backgroundHandlers(deps: BackgroundDeps): Handlers<'background'> {
  return { ...contentHandlers(deps), ...pageHandlers(deps) };
}
