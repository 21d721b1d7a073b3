import { jest } from '@jest/globals';
import { TestClock } from '../../../lib/core/clock/index.js';
import { RateLimitExceededError } from '../../../lib/core/errors/index.js';
import {
  createRateLimiter,
  type RateLimitAlgorithm,
  type RateLimitDecision,
} from '../../../lib/core/rate-limit/index.js';

const ALGORITHMS: RateLimitAlgorithm[] = [
  'sliding-window',
  'sliding-window-counter',
  'fixed-window',
  'token-bucket',
  'adaptive',
];

describe('RateLimiterPolicy', () => {
  describe.each(ALGORITHMS)('%s', (algorithm) => {
    it('limits each key on its own', async () => {
      const limiter = createRateLimiter({
        algorithm,
        limit: 2,
        windowMs: 1_000,
        clock: new TestClock(),
      });
      expect((await limiter.consume('alice')).allowed).toBe(true);
      expect((await limiter.consume('alice')).allowed).toBe(true);
      expect((await limiter.consume('alice')).allowed).toBe(false);
      expect(await limiter.consume('bob')).toMatchObject({ allowed: true, remaining: 1 });
    });

    it('allows again exactly retryAfterMs after a refusal', async () => {
      const clock = new TestClock(250);
      const limiter = createRateLimiter({ algorithm, limit: 2, windowMs: 1_000, clock });
      await limiter.consume();
      await clock.advance(100);
      await limiter.consume();
      const refused = await limiter.consume();
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      await clock.advance(refused.retryAfterMs - 1);
      expect((await limiter.consume('default', 0)).remaining).toBe(0);
      expect((await limiter.consume()).allowed).toBe(false);
      await clock.advance(1);
      expect((await limiter.consume()).allowed).toBe(true);
    });
  });

  it('runs the call with a permit and passes the key on', async () => {
    const limiter = createRateLimiter({ limit: 1, clock: new TestClock() });
    await expect(limiter.execute(({ key }) => `ran for ${key}`, { key: 'tenant-1' })).resolves.toBe(
      'ran for tenant-1',
    );
  });

  it('rejects without running the call when the key is out of permits', async () => {
    const clock = new TestClock();
    const limiter = createRateLimiter({ name: 'search', limit: 2, windowMs: 1_000, clock });
    await limiter.execute(() => 1, { key: 'k' });
    await clock.advance(300);
    await limiter.execute(() => 2, { key: 'k' });
    const fn = jest.fn();
    const error = await limiter.execute(fn, { key: 'k' }).catch((e: unknown) => e);
    expect(fn).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect(error).toMatchObject({
      limiterName: 'search',
      retryAfterMs: 700,
      limit: 2,
      remaining: 0,
      resetMs: 1_000,
      code: 'RATE_LIMITED',
    });
  });

  it('rejects with the reason of an aborted signal, without taking a permit', async () => {
    const limiter = createRateLimiter({ limit: 1, clock: new TestClock() });
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(limiter.execute(() => 1, { signal: controller.signal })).rejects.toThrow(
      'caller gave up',
    );
    expect((await limiter.consume()).allowed).toBe(true);
  });

  it('tells an observer each decision before the call runs, or is refused', async () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, clock: new TestClock() });
    const told: unknown[] = [];
    const observer = {
      onRateLimitDecision: (decision: RateLimitDecision) =>
        told.push([decision.allowed, decision.remaining]),
    };
    const fn = jest.fn(() => {
      told.push('ran');
      return Promise.resolve('done');
    });
    const allowed = limiter.executeReporting(fn, { key: 'alice' }, observer);
    // An in-process decision is told at once, before the promise settles.
    expect(told).toEqual([[true, 0], 'ran']);
    await expect(allowed).resolves.toBe('done');
    await expect(limiter.executeReporting(fn, { key: 'alice' }, observer)).rejects.toBeInstanceOf(
      RateLimitExceededError,
    );
    expect(told).toEqual([[true, 0], 'ran', [false, 0]]);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('emits allowed and limited, and counts them in stats', async () => {
    const limiter = createRateLimiter({ name: 'api', limit: 1, clock: new TestClock() });
    const seen: string[] = [];
    limiter.on('allowed', ({ name, key, decision }) =>
      seen.push(`${name}/${key}/${decision.allowed}`),
    );
    limiter.on('limited', ({ key, decision }) => seen.push(`${key} wait ${decision.retryAfterMs}`));
    await limiter.consume('u1');
    await limiter.consume('u1');
    expect(seen).toEqual(['api/u1/true', 'u1 wait 60000']);
    expect(limiter.stats()).toEqual({
      name: 'api',
      algorithm: 'sliding-window',
      allowed: 1,
      limited: 1,
      effectiveLimit: 1,
      successRate: null,
    });
  });

  it('uses the documented defaults', () => {
    const limiter = createRateLimiter();
    expect(limiter.rule).toMatchObject({
      limit: 100,
      windowMs: 60_000,
      algorithm: 'sliding-window',
    });
    expect(limiter.name).toBe('rate-limit');
  });

  it('refuses costs that are not whole numbers or exceed the capacity', async () => {
    const limiter = createRateLimiter({ limit: 3, clock: new TestClock() });
    await expect(limiter.consume('k', 1.5)).rejects.toBeInstanceOf(RangeError);
    await expect(limiter.consume('k', -1)).rejects.toBeInstanceOf(RangeError);
    await expect(limiter.consume('k', 4)).rejects.toThrow('from 0 to 3');
    expect(await limiter.consume('k', 3)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('reads without taking a permit when the cost is 0', async () => {
    const limiter = createRateLimiter({ limit: 2, clock: new TestClock() });
    await limiter.consume('k');
    expect(await limiter.consume('k', 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume('k', 0)).toMatchObject({ remaining: 1 });
    expect(limiter.stats().allowed).toBe(1);
  });

  it('resets one key, or every key', async () => {
    const limiter = createRateLimiter({ limit: 1, clock: new TestClock() });
    await limiter.consume('a');
    await limiter.consume('b');
    await limiter.reset('a');
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('b')).allowed).toBe(false);
    await limiter.reset();
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('b')).allowed).toBe(true);
  });

  it('leaves no timer behind after close', async () => {
    const clock = new TestClock();
    const limiter = createRateLimiter({ limit: 1, clock });
    await limiter.consume('a');
    expect(clock.pendingTimers).toBe(1);
    await limiter.close();
    expect(clock.pendingTimers).toBe(0);
  });

  describe('adaptive', () => {
    const options = {
      algorithm: 'adaptive' as const,
      limit: 10,
      windowMs: 1_000,
      minLimit: 2,
    };

    it('shrinks the limit after failing calls and grows it back while healthy', async () => {
      const clock = new TestClock();
      const limiter = createRateLimiter({ ...options, clock });
      const changes: string[] = [];
      limiter.on('limitChanged', ({ from, to }) => changes.push(`${from}->${to}`));
      const fail = () => Promise.reject(new Error('downstream 503'));
      for (let i = 0; i < 5; i++) await limiter.execute(fail, { key: `k${i}` }).catch(() => 0);
      await clock.advance(1_000);
      expect(limiter.stats().effectiveLimit).toBe(7);
      const decisions: RateLimitDecision[] = [];
      for (let i = 0; i < 8; i++) decisions.push(await limiter.consume('fresh'));
      expect(decisions[0]).toMatchObject({ allowed: true, limit: 7, remaining: 6 });
      expect(decisions.filter((d) => d.allowed)).toHaveLength(7);

      for (let w = 0; w < 5; w++) {
        for (let i = 0; i < 3; i++) limiter.recordOutcome(true);
        await clock.advance(1_000);
      }
      expect(limiter.stats().effectiveLimit).toBe(10);
      await clock.advance(10_000);
      expect(limiter.stats().effectiveLimit).toBe(10);
      expect(changes[0]).toBe('10->7');
      expect(changes.at(-1)).toMatch(/->10$/);
    });

    it('never goes below minLimit', async () => {
      const clock = new TestClock();
      const limiter = createRateLimiter({ ...options, clock });
      for (let w = 0; w < 10; w++) {
        limiter.recordOutcome(false);
        await clock.advance(1_000);
      }
      expect(limiter.stats().effectiveLimit).toBe(2);
    });

    it('does not count client errors as failures', async () => {
      const clock = new TestClock();
      const limiter = createRateLimiter({ ...options, clock });
      const badRequest = Object.assign(new Error('bad input'), { status: 400 });
      for (let i = 0; i < 5; i++) {
        await limiter.execute(() => Promise.reject(badRequest), { key: `k${i}` }).catch(() => 0);
      }
      await clock.advance(1_000);
      expect(limiter.stats().effectiveLimit).toBe(10);
    });

    it('reports the success rate of the current window', async () => {
      const clock = new TestClock();
      const limiter = createRateLimiter({ ...options, clock });
      expect(limiter.stats().successRate).toBeNull();
      for (const success of [true, true, true, false]) limiter.recordOutcome(success);
      expect(limiter.stats().successRate).toBe(0.75);
      await clock.advance(1_000);
      expect(limiter.stats().successRate).toBeNull();
    });

    it('starts again from the configured limit after reset()', async () => {
      const clock = new TestClock();
      const limiter = createRateLimiter({ ...options, clock });
      limiter.recordOutcome(false);
      await clock.advance(1_000);
      expect(limiter.stats().effectiveLimit).toBe(7);
      await limiter.reset();
      expect(limiter.stats().effectiveLimit).toBe(10);
    });
  });
});
