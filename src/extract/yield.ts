// Giving a page's main thread back between steps of work done in it (the content script's).

/**
 * Lets the page's own work run before the next step: `scheduler.yield()` where the browser has it,
 * else a message to itself (a timer would wait a second or more in a background tab).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
