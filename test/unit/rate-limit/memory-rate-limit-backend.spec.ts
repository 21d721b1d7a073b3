import { TestClock, type Clock } from '../../../lib/core/clock/index.js';
import {
  MemoryRateLimitBackend,
  resolveRateLimitRule,
} from '../../../lib/core/rate-limit/index.js';

const rule = resolveRateLimitRule({ algorithm: 'fixed-window', limit: 1, windowMs: 1_000 });

describe('MemoryRateLimitBackend', () => {
  it('keeps buckets apart by key', () => {
    const backend = new MemoryRateLimitBackend({ clock: new TestClock() });
    expect(backend.consumeNow('a', rule, 1).allowed).toBe(true);
    expect(backend.consumeNow('a', rule, 1).allowed).toBe(false);
    expect(backend.consumeNow('b', rule, 1).allowed).toBe(true);
  });

  it('returns to an empty map after a million distinct keys have expired', async () => {
    const clock = new TestClock();
    const backend = new MemoryRateLimitBackend({ clock, sweepIntervalMs: 5_000 });
    for (let i = 0; i < 1_000_000; i++) backend.consumeNow(`ip-${i}`, rule, 1);
    expect(backend.size).toBe(1_000_000);
    expect(clock.pendingTimers).toBe(1); // one sweep timer, not one per key
    await clock.advance(5_000);
    expect(backend.size).toBe(0);
    expect(clock.pendingTimers).toBe(0); // nothing left to sweep, so no timer either
  });

  it('drops expired buckets a few at a time as decisions are made, without the timer', () => {
    const clock = new TestClock();
    const backend = new MemoryRateLimitBackend({ clock });
    const longRule = { ...rule, windowMs: 1_000_000 };
    backend.consumeNow('hot', longRule, 1); // a live bucket ahead of the expired ones
    for (let i = 0; i < 10_000; i++) backend.consumeNow(`ip-${i}`, rule, 1);
    clock.set(1_000); // time passes, but the sweep timer does not fire
    for (let i = 0; i < 1_000; i++) backend.consumeNow('hot', longRule, 0);
    expect(backend.size).toBe(1);
  });

  it('comes back for buckets that were still live when it last looked', () => {
    const clock = new TestClock();
    const backend = new MemoryRateLimitBackend({ clock });
    const hot = { ...rule, windowMs: 1_000_000 };
    backend.consumeNow('hot', hot, 1);
    backend.consumeNow('short', rule, 1);
    backend.consumeNow('longer', { ...rule, windowMs: 2_000 }, 1);
    clock.set(1_000);
    backend.consumeNow('hot', hot, 1);
    expect(backend.size).toBe(2);
    clock.set(2_000);
    backend.consumeNow('hot', hot, 1);
    expect(backend.size).toBe(1);
  });

  it('holds about one window of keys under a endless stream of new keys', () => {
    const clock = new TestClock();
    const backend = new MemoryRateLimitBackend({ clock });
    let largest = 0;
    for (let t = 0; t < 50_000; t++) {
      clock.set(t); // one new key per millisecond, with timers never firing
      backend.consumeNow(`client-${t}`, rule, 1);
      largest = Math.max(largest, backend.size);
    }
    expect(largest).toBeLessThanOrEqual(2_100);
  });

  it('keeps buckets that have not expired when sweeping', async () => {
    const clock = new TestClock();
    const backend = new MemoryRateLimitBackend({ clock, sweepIntervalMs: 1_000 });
    backend.consumeNow('old', rule, 1);
    clock.set(900);
    backend.consumeNow('new', { ...rule, windowMs: 10_000 }, 1);
    await clock.advance(100);
    expect(backend.size).toBe(1);
    expect(backend.consumeNow('new', { ...rule, windowMs: 10_000 }, 1).allowed).toBe(false);
  });

  it('forgets the least recently used bucket beyond maxKeys', () => {
    const backend = new MemoryRateLimitBackend({ clock: new TestClock(), maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) backend.consumeNow(key, rule, 1);
    backend.consumeNow('a', rule, 0); // touching a makes b the least recently used
    backend.consumeNow('d', rule, 1);
    expect(backend.size).toBe(3);
    expect(backend.consumeNow('a', rule, 1).allowed).toBe(false);
    expect(backend.consumeNow('c', rule, 1).allowed).toBe(false);
    expect(backend.consumeNow('b', rule, 1).allowed).toBe(true); // forgotten, so fresh
  });

  it('resets one bucket or every bucket under a prefix', async () => {
    const backend = new MemoryRateLimitBackend({ clock: new TestClock() });
    for (const key of ['x:1', 'x:2', 'y:1']) backend.consumeNow(key, rule, 1);
    await backend.reset('x:1');
    expect(backend.consumeNow('x:1', rule, 1).allowed).toBe(true);
    await backend.resetAll('x:');
    expect(backend.size).toBe(1);
    expect(backend.consumeNow('y:1', rule, 1).allowed).toBe(false);
  });

  it('asks for an unref timer and clears it on close', async () => {
    const clock = new TestClock();
    const requested: unknown[] = [];
    const spy: Clock = {
      now: () => clock.now(),
      setTimeout: (callback, ms, options) => {
        requested.push(options);
        return clock.setTimeout(callback, ms);
      },
      clearTimeout: (handle) => clock.clearTimeout(handle),
    };
    const backend = new MemoryRateLimitBackend({ clock: spy });
    await backend.consume('a', rule, 1);
    await backend.consume('b', rule, 1);
    expect(requested).toEqual([{ unref: true }]);
    await backend.close();
    expect(clock.pendingTimers).toBe(0);
    expect(backend.size).toBe(0);
  });
});
