import { TestClock } from '../../../lib/core/clock/index.js';
import { PolicyTimeoutError, RetryExhaustedError } from '../../../lib/core/errors/index.js';
import { compose, type ExecutionContext } from '../../../lib/core/policy/index.js';
import { createRetry } from '../../../lib/core/retry/index.js';
import { createTimeout } from '../../../lib/core/timeout/index.js';
import { countingSignal } from './listener-counting-signal.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Hangs (until its signal aborts) on the first `hangs` attempts, then answers at once. */
function hangingThenOk(hangs: number, seen: ExecutionContext[] = []) {
  return (context: ExecutionContext) => {
    seen.push(context);
    if (context.attempt > hangs) return Promise.resolve(`ok on attempt ${context.attempt}`);
    return new Promise<string>((_resolve, reject) => {
      context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
    });
  };
}

describe('compose(retry, timeout)', () => {
  function setup(maxAttempts = 3) {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts, backoff: 'fixed', baseDelayMs: 100 });
    const timeout = createTimeout({ ms: 1_000, clock });
    return { clock, retry, timeout, policy: compose(retry, timeout) };
  }

  it('bounds each attempt by the timeout and retries the timed-out ones', async () => {
    const { clock, policy } = setup();
    const seen: ExecutionContext[] = [];
    const result = outcome(policy.execute(hangingThenOk(2, seen)));
    await clock.advance(2_199);
    expect(seen).toHaveLength(2);
    await clock.advance(1);
    expect(await result).toEqual({ value: 'ok on attempt 3' });
    expect(seen.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(seen[0].signal.reason).toBeInstanceOf(PolicyTimeoutError);
    expect(seen[2].signal).not.toBe(seen[1].signal);
    expect(clock.pendingTimers).toBe(0);
  });

  it('gives up with every timeout in RetryExhaustedError', async () => {
    const { clock, policy } = setup();
    const result = outcome(policy.execute(hangingThenOk(99)));
    await clock.advance(10_000);
    const { error } = await result;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    const errors = (error as RetryExhaustedError).errors;
    expect(errors).toHaveLength(3);
    expect(errors.every((e) => e instanceof PolicyTimeoutError)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects with the caller's reason, not a timeout or exhaustion, when the caller aborts", async () => {
    const { clock, policy } = setup(10);
    const caller = countingSignal();
    const result = outcome(policy.execute(hangingThenOk(99), { signal: caller.signal }));
    await clock.advance(1_500);
    caller.controller.abort('request closed');
    expect(await result).toEqual({ error: 'request closed' });
    expect(clock.pendingTimers).toBe(0);
    expect(caller.active).toBe(0);
  });

  it('does not leak abort listeners over 15 retries (cockatiel #81)', async () => {
    const { clock, policy } = setup(16);
    const caller = countingSignal();
    const result = outcome(policy.execute(hangingThenOk(15), { signal: caller.signal }));
    await clock.advance(16 * 1_100);
    expect(await result).toEqual({ value: 'ok on attempt 16' });
    expect(caller.added).toBeGreaterThanOrEqual(30);
    expect(caller.active).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});
