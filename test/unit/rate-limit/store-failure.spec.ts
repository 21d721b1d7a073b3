import { jest } from '@jest/globals';
import { TestClock } from '../../../lib/core/clock/index.js';
import { RateLimitExceededError, StoreUnavailableError } from '../../../lib/core/errors/index.js';
import {
  createRateLimiter,
  MemoryRateLimitBackend,
  type RateLimitBackend,
  type RateLimitDecision,
  type RateLimitRule,
} from '../../../lib/core/rate-limit/index.js';
import type { StoreFailureMode } from '../../../lib/core/outage/index.js';

/** A shared store that can be switched off: asynchronous only, like a remote one. */
class SwitchableStore implements RateLimitBackend {
  down = false;
  throwsSynchronously = false;
  closed = false;
  calls = 0;
  readonly counters: MemoryRateLimitBackend;

  constructor(clock: TestClock) {
    this.counters = new MemoryRateLimitBackend({ clock });
  }

  consume(bucketKey: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision> {
    this.calls++;
    if (this.down && this.throwsSynchronously) throw new Error('socket closed');
    if (this.down) return Promise.reject(new Error('ECONNREFUSED'));
    return this.counters.consume(bucketKey, rule, cost);
  }
  reset(bucketKey: string): Promise<void> {
    return this.counters.reset(bucketKey);
  }
  resetAll(prefix: string): Promise<void> {
    return this.counters.resetAll(prefix);
  }
  close(): Promise<void> {
    this.closed = true;
    return this.counters.close();
  }
}

function setup(onStoreFailure?: StoreFailureMode) {
  const clock = new TestClock();
  const store = new SwitchableStore(clock);
  const limiter = createRateLimiter(
    { name: 'orders', limit: 2, windowMs: 1_000, clock, onStoreFailure },
    store,
  );
  return { clock, store, limiter };
}

describe('rate limiter when its store fails', () => {
  it('fail-open: allows every call while the store is down', async () => {
    const { store, limiter } = setup('fail-open');
    store.down = true;
    for (let i = 0; i < 5; i++) {
      expect(await limiter.consume('u')).toMatchObject({
        allowed: true,
        limit: 2,
        retryAfterMs: 0,
      });
    }
    await expect(limiter.execute(() => 'ran')).resolves.toBe('ran');
  });

  it('fail-closed: rejects with StoreUnavailableError and does not run the call', async () => {
    const { store, limiter } = setup('fail-closed');
    store.down = true;
    const error = await limiter.consume('u').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).retryAfterMs).toBeGreaterThan(0);
    expect((error as Error).cause).toEqual(new Error('ECONNREFUSED'));
    const fn = jest.fn();
    await expect(limiter.execute(fn)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(fn).not.toHaveBeenCalled();
  });

  it('local (the default): enforces the same rule from an in-process copy', async () => {
    const { store, limiter } = setup();
    store.down = true;
    await limiter.execute(() => 1, { key: 'u' });
    await limiter.execute(() => 2, { key: 'u' });
    await expect(limiter.execute(() => 3, { key: 'u' })).rejects.toBeInstanceOf(
      RateLimitExceededError,
    );
    expect((await limiter.consume('other')).allowed).toBe(true);
  });

  it('treats a store that throws synchronously like one that rejects', async () => {
    const { store, limiter } = setup('fail-open');
    store.down = true;
    store.throwsSynchronously = true;
    expect((await limiter.consume('u')).allowed).toBe(true);
  });

  it('never sends a refusal from the store to the fallback', async () => {
    for (const mode of ['fail-open', 'local'] as const) {
      const { store, limiter } = setup(mode);
      await limiter.consume('u');
      await limiter.consume('u');
      const refused = await limiter.consume('u');
      expect(refused).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
      expect(store.calls).toBe(3);
    }
  });

  it('reports an outage once, and its end once', async () => {
    const { store, limiter } = setup();
    const reports: string[] = [];
    limiter.on('storeFailure', ({ name, mode, error }) =>
      reports.push(`${name} ${mode} ${(error as Error).message}`),
    );
    limiter.on('storeRecovered', ({ name }) => reports.push(`${name} recovered`));
    store.down = true;
    for (let i = 0; i < 5; i++) await limiter.consume(`k${i}`);
    store.down = false;
    for (let i = 0; i < 3; i++) await limiter.consume(`k${i}`);
    store.down = true;
    await limiter.consume('k');
    expect(reports).toEqual([
      'orders local ECONNREFUSED',
      'orders recovered',
      'orders local ECONNREFUSED',
    ]);
  });

  it('uses the store again, with its own counters, as soon as it answers', async () => {
    const { store, limiter } = setup();
    await limiter.consume('u');
    store.down = true;
    await limiter.consume('u');
    await limiter.consume('u');
    expect((await limiter.consume('u')).allowed).toBe(false); // the local copy is spent
    store.down = false;
    expect(await limiter.consume('u')).toMatchObject({ allowed: true, remaining: 0 });
    expect(store.calls).toBe(5);
  });

  it('resets the store and the local copy, and leaves the store open on close', async () => {
    const { clock, store, limiter } = setup();
    store.down = true;
    await limiter.consume('u');
    await limiter.consume('u');
    store.down = false;
    await limiter.reset('u');
    store.down = true;
    expect((await limiter.consume('u')).allowed).toBe(true);
    await limiter.close();
    expect(store.closed).toBe(false);
    await store.close();
    expect(clock.pendingTimers).toBe(0);
  });

  it('uses an in-process store directly, and leaves it to its owner', async () => {
    const clock = new TestClock();
    const shared = new MemoryRateLimitBackend({ clock });
    const a = createRateLimiter({ name: 'a', limit: 1, clock }, shared);
    const b = createRateLimiter({ name: 'b', limit: 1, clock }, shared);
    await a.consume('u');
    expect((await b.consume('u')).allowed).toBe(true);
    expect(shared.size).toBe(2);
    await a.close();
    expect(shared.size).toBe(2);
    await shared.close();
  });
});
