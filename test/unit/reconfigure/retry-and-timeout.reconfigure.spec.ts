import { TestClock } from '../../../lib/core/clock/index.js';
import {
  PolicyTimeoutError,
  ResilienceConfigError,
  RetryExhaustedError,
} from '../../../lib/core/errors/index.js';
import { createRetry, type RetryOptions } from '../../../lib/core/retry/index.js';
import { createTimeout, type TimeoutOptions } from '../../../lib/core/timeout/index.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Runs a call to its end, moving the clock through its backoff waits. */
async function settle<T>(clock: TestClock, promise: Promise<T>) {
  const result = outcome(promise);
  await clock.advance(1_000);
  return result;
}

/** A function that always fails, recording when each attempt started. */
function alwaysFailing(clock: TestClock) {
  const startedAt: number[] = [];
  const fn = () => {
    startedAt.push(clock.now());
    throw new Error('down');
  };
  return { fn, startedAt };
}

describe('RetryPolicy.reconfigure', () => {
  it('gives the next call the new attempts and backoff', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 2, backoff: 'fixed', baseDelayMs: 100 });
    const result = retry.reconfigure({ clock, maxAttempts: 4, backoff: 'fixed', baseDelayMs: 50 });
    expect(result).toEqual({
      restarted: false,
      previous: expect.objectContaining({ maxAttempts: 2, baseDelayMs: 100 }),
      current: expect.objectContaining({ maxAttempts: 4, baseDelayMs: 50 }),
    });
    const { fn, startedAt } = alwaysFailing(clock);
    const call = outcome(retry.execute(fn));
    await clock.advance(1_000);
    expect((await call).error).toBeInstanceOf(RetryExhaustedError);
    expect(startedAt).toEqual([0, 50, 100, 150]);
  });

  it('lets a call already waiting keep its schedule and its attempts', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 3, backoff: 'fixed', baseDelayMs: 100 });
    const { fn, startedAt } = alwaysFailing(clock);
    const call = outcome(retry.execute(fn));
    await clock.advance(10);
    retry.reconfigure({ maxAttempts: 5, backoff: 'fixed', baseDelayMs: 1_000 });
    await clock.advance(1_000);
    const { error } = await call;
    expect((error as RetryExhaustedError).errors).toHaveLength(3);
    expect(startedAt).toEqual([0, 100, 200]);
  });

  it('takes left-out options from the defaults and keeps its clock', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 5, baseDelayMs: 10 });
    const { current } = retry.reconfigure({ baseDelayMs: 10 });
    expect(current.maxAttempts).toBe(3);
    const { fn, startedAt } = alwaysFailing(clock);
    const call = outcome(retry.execute(fn));
    await clock.advance(1_000);
    await call;
    // Exponential from 10 ms on the test clock: 10, then 20.
    expect(startedAt).toEqual([0, 10, 30]);
  });

  it('keeps the budget’s counts over the same window, with the new ratio', async () => {
    const clock = new TestClock();
    const budget = { ratio: 0, minRetriesPerWindow: 1, windowMs: 10_000 };
    const retry = createRetry({ clock, maxAttempts: 2, baseDelayMs: 0, budget });
    await settle(clock, retry.execute(alwaysFailing(clock).fn));
    const result = retry.reconfigure({
      maxAttempts: 2,
      baseDelayMs: 0,
      budget: { ...budget, minRetriesPerWindow: 2 },
    });
    expect(result.restarted).toBe(false);
    const second = alwaysFailing(clock);
    await settle(clock, retry.execute(second.fn));
    expect(second.startedAt).toHaveLength(2);
    // Two retries in the window now: the budget is spent.
    const third = alwaysFailing(clock);
    await settle(clock, retry.execute(third.fn));
    expect(third.startedAt).toHaveLength(1);
  });

  it('starts the budget afresh over another window, and says so', async () => {
    const clock = new TestClock();
    const budget = { ratio: 0, minRetriesPerWindow: 1, windowMs: 10_000 };
    const retry = createRetry({ clock, maxAttempts: 2, baseDelayMs: 0, budget });
    await settle(clock, retry.execute(alwaysFailing(clock).fn));
    const result = retry.reconfigure({
      maxAttempts: 2,
      baseDelayMs: 0,
      budget: { ...budget, windowMs: 20_000 },
    });
    expect(result.restarted).toBe(true);
    expect(result.current.budget).toEqual({ ratio: 0, minRetriesPerWindow: 1, windowMs: 20_000 });
    const next = alwaysFailing(clock);
    await settle(clock, retry.execute(next.fn));
    expect(next.startedAt).toHaveLength(2);
  });

  it('rejects invalid options and changes nothing', async () => {
    const clock = new TestClock();
    const retry = createRetry({ clock, maxAttempts: 2, backoff: 'fixed', baseDelayMs: 10 });
    const invalid: unknown[] = [
      { maxAttempts: 0 },
      { backoff: 'random' },
      { baseDelayMs: 100, maxDelayMs: 50 },
      { budget: { windowMs: 10 } },
      { clock: new TestClock() },
    ];
    for (const options of invalid) {
      expect(() => retry.reconfigure(options as RetryOptions)).toThrow(ResilienceConfigError);
    }
    const { fn, startedAt } = alwaysFailing(clock);
    await settle(clock, retry.execute(fn));
    await clock.advance(100);
    expect(startedAt).toEqual([0, 10]);
  });

  it('emits reconfigured', () => {
    const retry = createRetry({ maxAttempts: 2 });
    const events: unknown[] = [];
    retry.on('reconfigured', (event) => events.push(event));
    const result = retry.reconfigure({ maxAttempts: 3, jitter: 'full' });
    expect(events).toEqual([result]);
    expect(result.current).toEqual({
      maxAttempts: 3,
      backoff: 'exponential',
      baseDelayMs: 1_000,
      maxDelayMs: 60_000,
      multiplier: 2,
      jitter: 'full',
    });
  });
});

describe('TimeoutPolicy.reconfigure', () => {
  /** Settles after `ms` on the clock, or when its signal aborts. */
  function slow(clock: TestClock, ms: number) {
    return ({ signal }: { signal: AbortSignal }) =>
      new Promise<string>((resolve, reject) => {
        const timer = clock.setTimeout(() => resolve('done'), ms);
        signal.addEventListener('abort', () => {
          clock.clearTimeout(timer);
          reject(signal.reason);
        });
      });
  }

  it('times the next call out after the new ms; a running call keeps its timer', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 100, clock });
    const running = outcome(timeout.execute(slow(clock, 150)));
    const result = timeout.reconfigure(200);
    expect(result).toEqual({ restarted: false, previous: { ms: 100 }, current: { ms: 200 } });
    expect(timeout.ms).toBe(200);
    const next = outcome(timeout.execute(slow(clock, 150)));
    await clock.advance(300);
    const { error } = await running;
    expect(error).toBeInstanceOf(PolicyTimeoutError);
    expect((error as PolicyTimeoutError).message).toMatch(/100/);
    expect(await next).toEqual({ value: 'done' });
  });

  it('accepts { ms } and rejects invalid options without changing anything', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 100, clock });
    expect(timeout.reconfigure({ ms: 50 }).current).toEqual({ ms: 50 });
    const invalid: unknown[] = [
      0,
      -5,
      {},
      { ms: 'soon' },
      2 ** 31,
      { ms: 10, clock: new TestClock() },
    ];
    for (const options of invalid) {
      expect(() => timeout.reconfigure(options as TimeoutOptions)).toThrow(ResilienceConfigError);
    }
    expect(timeout.ms).toBe(50);
    const call = outcome(timeout.execute(slow(clock, 60)));
    await clock.advance(100);
    expect((await call).error).toBeInstanceOf(PolicyTimeoutError);
  });

  it('emits reconfigured', () => {
    const timeout = createTimeout(100);
    const events: unknown[] = [];
    timeout.on('reconfigured', (event) => events.push(event));
    timeout.reconfigure(250);
    expect(events).toEqual([{ restarted: false, previous: { ms: 100 }, current: { ms: 250 } }]);
  });
});
