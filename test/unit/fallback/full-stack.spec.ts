import { createBulkhead } from '../../../lib/core/bulkhead/index.js';
import { chaos } from '../../../lib/core/chaos/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import {
  BulkheadRejectedError,
  PolicyTimeoutError,
  RetryExhaustedError,
} from '../../../lib/core/errors/index.js';
import { createFallback } from '../../../lib/core/fallback/index.js';
import { getEventListeners } from 'node:events';
import {
  compose,
  toExecutionContext,
  type ExecutionContext,
} from '../../../lib/core/policy/index.js';
import { createRetry } from '../../../lib/core/retry/index.js';
import { createTimeout } from '../../../lib/core/timeout/index.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Never answers, but stops when its signal aborts. */
const hang = ({ signal }: ExecutionContext) =>
  new Promise<string>((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

function stack(maxConcurrent = 1) {
  const clock = new TestClock();
  const fallback = createFallback<string>({ clock, defaultValue: 'cached answer' });
  const retry = createRetry({ clock, maxAttempts: 3, backoff: 'fixed', baseDelayMs: 100 });
  const timeout = createTimeout({ ms: 500, clock });
  const bulkhead = createBulkhead({ maxConcurrent, maxQueue: 0 });
  const fallbacks: unknown[] = [];
  fallback.on('fallback', ({ error }) => fallbacks.push(error));
  return { clock, bulkhead, fallbacks, policy: compose(fallback, retry, timeout, bulkhead) };
}

describe('compose(fallback, retry, timeout, bulkhead)', () => {
  it('times out each attempt, retries, then falls back, returning every slot', async () => {
    const { clock, bulkhead, fallbacks, policy } = stack();
    const result = outcome(policy.execute(hang));
    await clock.advance(1_699);
    expect(fallbacks).toEqual([]);
    await clock.advance(1);
    expect(await result).toEqual({ value: 'cached answer' });
    const [exhausted] = fallbacks as RetryExhaustedError[];
    expect(exhausted).toBeInstanceOf(RetryExhaustedError);
    expect(exhausted.errors).toHaveLength(3);
    expect(exhausted.errors.every((e) => e instanceof PolicyTimeoutError)).toBe(true);
    expect(bulkhead.stats()).toMatchObject({ running: 0, queued: 0 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('retries a call the full bulkhead rejected once a slot is free', async () => {
    const { clock, bulkhead, policy } = stack(1);
    let release!: (value: string) => void;
    const busy = outcome(
      policy.execute(() => new Promise<string>((resolve) => (release = resolve))),
    );
    const attempts: number[] = [];
    const second = outcome(
      policy.execute(({ attempt }) => {
        attempts.push(attempt);
        return 'second done';
      }),
    );
    await clock.advance(50);
    expect(bulkhead.stats().rejected).toBe(1);
    release('first done');
    await clock.advance(100);
    expect(await busy).toEqual({ value: 'first done' });
    expect(await second).toEqual({ value: 'second done' });
    expect(attempts).toEqual([2]);
    expect(bulkhead.stats()).toMatchObject({ running: 0, rejected: 1 });
  });

  it('stays up under injected chaos: faults are retried, then answered by the fallback', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 3, backoff: 'fixed', baseDelayMs: 10 });
    const retries: number[] = [];
    retry.on('retry', ({ attempt }) => retries.push(attempt));
    const policy = compose(
      createFallback({ clock, defaultValue: 'fallback' }),
      retry,
      createTimeout({ ms: 100, clock }),
      chaos({ fault: () => new BulkheadRejectedError(1, 0), rate: 0.5, seed: 7, clock }),
    );
    const results = Array.from({ length: 50 }, () => outcome(policy.execute(() => 'real')));
    await clock.advance(1_000);
    const values = (await Promise.all(results)).map((r) => r.value);
    expect(values.every((v) => v === 'real' || v === 'fallback')).toBe(true);
    expect(values.filter((v) => v === 'real').length).toBeGreaterThan(35);
    expect(retries.length).toBeGreaterThan(10);
    expect(clock.pendingTimers).toBe(0);
  });

  it('adds no listener to the shared signal of calls made without one', async () => {
    const { clock, policy } = stack(100);
    const shared = toExecutionContext().signal;
    const calls = Array.from({ length: 50 }, () => outcome(policy.execute(hang)));
    await clock.advance(250);
    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
    await clock.advance(2_000);
    expect((await Promise.all(calls)).every((r) => r.value === 'cached answer')).toBe(true);
  });
});
