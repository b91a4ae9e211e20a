/**
 * One request at a time, at least `minIntervalMs` apart, with exponential backoff after failures
 * (and the engine's `Retry-After` when it gives one). Shared by every lookup of a worker or a CLI run.
 */
export class RateLimiter {
  private nextAt = 0;
  private failures = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    /** Longest backoff after repeated failures. */
    readonly maxBackoffMs = 10 * 60_000,
  ) {}

  /** Waits for this caller's turn; the request may be sent when it resolves. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      const wait = this.nextAt - this.now();
      if (wait > 0) await this.sleep(wait);
      this.nextAt = this.now() + this.minIntervalMs;
    });
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** Milliseconds until a request could be sent (0: now). */
  waitMs(): number {
    return Math.max(0, this.nextAt - this.now());
  }

  succeeded(): void {
    this.failures = 0;
  }

  /** After an error or a 429: the next request waits longer each time, at least `retryAfterMs`. */
  failed(retryAfterMs?: number): void {
    this.failures++;
    const backoff = Math.min(this.maxBackoffMs, Math.max(this.minIntervalMs, 1000) * 2 ** this.failures);
    this.nextAt = Math.max(this.nextAt, this.now() + Math.max(backoff, retryAfterMs ?? 0));
  }
}

/** Recent search answers by request URL, so a page checked again does not search again. */
export class SearchCache<T> {
  private entries = new Map<string, { at: number; value: T }>();

  constructor(
    readonly maxEntries = 200,
    readonly ttlMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used goes first: a read keeps an entry.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
