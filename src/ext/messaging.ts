import { browser } from 'wxt/browser';
import type { Self, Send } from './protocol.ts';

/** This extension, for the sender check. */
export function ownExtension(): Self {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}

/**
 * Sends a message of the protocol and resolves to its typed reply; rejects when nothing answered.
 * The one place a reply is typed: the receiver's handler is typed by the same map (`Handlers`),
 * and the browser carries the value between the two. (The receiving side is `listen`, in
 * listen.ts: pages that only send do not load the validators.)
 */
export const sendMessage: Send = async (msg) => {
  const reply = await browser.runtime.sendMessage(msg);
  // Nothing answered: the receiver refused the message, or is not running.
  if (reply === undefined) throw new Error(`Unspun's ${msg.type === 'unspun/offscreen-extract' ? 'offscreen document' : 'background'} did not answer`);
  return reply;
};
