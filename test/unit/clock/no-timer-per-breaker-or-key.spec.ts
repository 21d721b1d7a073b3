import { createHook } from 'node:async_hooks';
import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { createRateLimiter } from '../../../lib/core/rate-limit/index.js';

/** How many Node timers `work` creates (ref'd or not), counted by async hooks. */
async function timersCreatedBy(work: () => Promise<void>): Promise<number> {
  let timers = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'Timeout') timers++;
    },
  });
  hook.enable();
  try {
    await work();
  } finally {
    hook.disable();
  }
  return timers;
}

describe('timers on the real clock', () => {
  it('creates none per breaker, called or idle', async () => {
    const timers = await timersCreatedBy(async () => {
      const breakers = Array.from({ length: 1_000 }, (_, i) =>
        createCircuitBreaker({ name: `tenant-${i}`, failureThreshold: 1 }),
      );
      for (const breaker of breakers.slice(0, 500)) await breaker.execute(async () => 'ok');
      for (const breaker of breakers.slice(500, 600)) {
        await breaker.execute(() => Promise.reject(new Error('down'))).catch(() => undefined);
      }
      expect(breakers[550].state).toBe('OPEN');
    });
    expect(timers).toBe(0);
  });

  it('creates one housekeeping timer for a memory limiter, not one per key', async () => {
    const timers = await timersCreatedBy(async () => {
      const limiter = createRateLimiter({ algorithm: 'fixed-window', limit: 5, windowMs: 60_000 });
      for (let user = 0; user < 10_000; user++) await limiter.consume(`user-${user}`);
      expect((await limiter.consume('user-1')).remaining).toBe(3);
      await limiter.close();
    });
    expect(timers).toBeLessThanOrEqual(1);
  });
});
