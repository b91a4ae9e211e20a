import { describe, expect, it } from 'vitest';
import { RateLimiter, SearchCache } from '../../src/lookup/rate-limit.ts';

/** A clock that only moves when the limiter sleeps (or the test says so). */
function fakeTime(start = 1_000_000) {
  const t = { now: start, slept: [] as number[] };
  return {
    t,
    now: () => t.now,
    sleep: async (ms: number) => {
      t.slept.push(ms);
      t.now += ms;
    },
  };
}

describe('RateLimiter', () => {
  it('lets the first request go at once and serialises concurrent ones minIntervalMs apart', async () => {
    const { t, now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep);
    const start = t.now;
    const order: [number, number][] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push([i, t.now - start]))));
    expect(order).toEqual([
      [0, 0],
      [1, 5000],
      [2, 10_000],
      [3, 15_000],
    ]);
    expect(limiter.waitMs()).toBe(5000);
  });

  it('does not wait once the interval has passed on its own', async () => {
    const { t, now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep);
    await limiter.acquire();
    t.now += 7000;
    expect(limiter.waitMs()).toBe(0);
    await limiter.acquire();
    expect(t.slept).toEqual([]);
    t.now += 2000;
    expect(limiter.waitMs()).toBe(3000);
    await limiter.acquire();
    expect(t.slept).toEqual([3000]);
  });

  it('backs off exponentially after failures, capped at maxBackoffMs', () => {
    const { now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep, 60_000);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      limiter.failed();
      waits.push(limiter.waitMs());
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('backs off from at least a second when the interval is 0', () => {
    const { now, sleep } = fakeTime();
    const limiter = new RateLimiter(0, now, sleep);
    limiter.failed();
    expect(limiter.waitMs()).toBe(2000);
    limiter.failed();
    expect(limiter.waitMs()).toBe(4000);
  });

  it('honours a Retry-After longer than the backoff, and keeps the backoff when it is shorter', () => {
    const { now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep, 60_000);
    limiter.failed(120_000);
    expect(limiter.waitMs()).toBe(120_000);
    const other = new RateLimiter(5000, now, sleep, 60_000);
    other.failed(1000);
    expect(other.waitMs()).toBe(10_000);
  });

  it('makes the next acquire wait out the backoff', async () => {
    const { t, now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep);
    await limiter.acquire();
    limiter.failed(30_000);
    const before = t.now;
    await limiter.acquire();
    expect(t.now - before).toBe(30_000);
  });

  it('starts the backoff over after a success', () => {
    const { t, now, sleep } = fakeTime();
    const limiter = new RateLimiter(5000, now, sleep, 600_000);
    limiter.failed();
    limiter.failed();
    limiter.failed();
    expect(limiter.waitMs()).toBe(40_000);
    t.now += 40_000;
    limiter.succeeded();
    limiter.failed();
    expect(limiter.waitMs()).toBe(10_000);
  });

  it('keeps serving the queue when a sleep fails', async () => {
    const t = { now: 0 };
    let fail = true;
    const limiter = new RateLimiter(
      5000,
      () => t.now,
      async (ms) => {
        if (fail) {
          fail = false;
          throw new Error('aborted');
        }
        t.now += ms;
      },
    );
    await limiter.acquire();
    await expect(limiter.acquire()).rejects.toThrow('aborted');
    await expect(limiter.acquire()).resolves.toBeUndefined();
  });
});

describe('SearchCache', () => {
  it('returns what was stored until the TTL passes, then forgets it', () => {
    const t = { now: 0 };
    const cache = new SearchCache<string[]>(10, 60_000, () => t.now);
    cache.set('q1', ['a']);
    expect(cache.get('q1')).toEqual(['a']);
    t.now = 60_000;
    expect(cache.get('q1')).toEqual(['a']);
    t.now = 60_001;
    expect(cache.get('q1')).toBeUndefined();
    // Forgotten, not only hidden: time going back does not bring it back.
    t.now = 0;
    expect(cache.get('q1')).toBeUndefined();
    expect(cache.get('never')).toBeUndefined();
  });

  it('keeps an empty answer (nothing found is an answer too)', () => {
    const cache = new SearchCache<string[]>(10, 60_000, () => 0);
    cache.set('q', []);
    expect(cache.get('q')).toEqual([]);
  });

  it('evicts the oldest entry beyond maxEntries; storing again renews an entry', () => {
    const t = { now: 0 };
    const cache = new SearchCache<number>(2, 60_000, () => t.now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(3);
    expect(cache.get('c')).toBe(4);
  });

  it('evicts the least recently used entry: a read keeps an entry', () => {
    const cache = new SearchCache<number>(2, 60_000, () => 0);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });
});
