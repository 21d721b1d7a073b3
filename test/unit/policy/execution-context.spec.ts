import { TestClock } from '../../../lib/core/clock/index.js';
import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import type { ExecutionContext } from '../../../lib/core/policy/index.js';
import { createRetry } from '../../../lib/core/retry/index.js';

describe('contexts through nested policies', () => {
  it("hands an inner policy's function the outer policy's context as it is, attempt by attempt", async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 2, backoff: 'fixed', baseDelayMs: 10 });
    const breaker = createCircuitBreaker({ failureThreshold: 5, clock });
    const outer: ExecutionContext[] = [];
    const inner: ExecutionContext[] = [];
    const controller = new AbortController();
    const call = retry.execute(
      (context) => {
        outer.push(context);
        return breaker.execute((seen) => {
          inner.push(seen);
          if (seen.attempt === 1) throw new Error('first attempt fails');
          return 'ok';
        }, context);
      },
      { key: 'tenant-1', args: ['a'], signal: controller.signal },
    );
    await clock.advance(10);

    await expect(call).resolves.toBe('ok');
    expect(inner).toHaveLength(2);
    expect(inner[0]).toBe(outer[0]);
    expect(inner[1]).toBe(outer[1]);
    expect(inner.map(({ attempt, key, args }) => ({ attempt, key, args }))).toEqual([
      { attempt: 1, key: 'tenant-1', args: ['a'] },
      { attempt: 2, key: 'tenant-1', args: ['a'] },
    ]);
    expect(inner[1].signal).toBe(controller.signal);
  });
});
