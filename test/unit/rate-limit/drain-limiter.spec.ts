import { TestClock } from '../../../lib/core/clock/index.js';
import {
  createRateLimiter,
  type RateLimitAlgorithm,
  type RateLimitBackend,
} from '../../../lib/core/rate-limit/index.js';
import { drainLimiter } from '../../../lib/testing/drain-limiter.js';

describe('drainLimiter', () => {
  it.each<RateLimitAlgorithm>([
    'sliding-window',
    'sliding-window-counter',
    'fixed-window',
    'token-bucket',
    'adaptive',
  ])('takes every permit left so that the next call is limited (%s)', async (algorithm) => {
    const limiter = createRateLimiter({ algorithm, limit: 50, clock: new TestClock() });
    await limiter.consume('user', 8);
    expect(await drainLimiter(limiter, 'user')).toBe(42);
    expect((await limiter.consume('user')).allowed).toBe(false);
    expect((await limiter.consume()).allowed).toBe(true);
  });

  it('drains the default key when given none', async () => {
    const limiter = createRateLimiter({ limit: 3, clock: new TestClock() });
    expect(await drainLimiter(limiter)).toBe(3);
    expect((await limiter.consume()).allowed).toBe(false);
  });

  it('gives up on a limiter that never limits', async () => {
    const failing: RateLimitBackend = {
      consume: () => Promise.reject(new Error('down')),
      reset: () => Promise.resolve(),
      resetAll: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const limiter = createRateLimiter(
      { limit: 2, onStoreFailure: 'fail-open', clock: new TestClock() },
      failing,
    );
    await expect(drainLimiter(limiter)).rejects.toThrow(/still allowed key 'default'/);
  });
});
