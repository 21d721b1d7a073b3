import { TestClock } from '../../../lib/core/clock/index.js';
import {
  CircuitOpenError,
  RateLimitExceededError,
  ResilienceConfigError,
  RetryExhaustedError,
} from '../../../lib/core/errors/index.js';
import type { ExecutionContext } from '../../../lib/core/policy/index.js';
import { createRetry, type RetryOptions } from '../../../lib/core/retry/index.js';

/** Captures a promise's outcome at once, so advancing the clock never leaves it unhandled. */
function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function failing(times: number, make = (n: number) => new Error(`failure ${n}`)) {
  const contexts: ExecutionContext[] = [];
  const fn = (context: ExecutionContext) => {
    contexts.push(context);
    if (contexts.length <= times) throw make(contexts.length);
    return `ok after ${contexts.length}`;
  };
  return { fn, contexts };
}

function setup(options: RetryOptions = {}) {
  const clock = new TestClock();
  const retry = createRetry({ clock, baseDelayMs: 100, ...options });
  const delays: number[] = [];
  retry.on('retry', ({ delayMs }) => delays.push(delayMs));
  return { clock, retry, delays };
}

describe('RetryPolicy', () => {
  it('retries until success, passing attempt 1, 2, … and the key to the function', async () => {
    const { clock, retry } = setup();
    const { fn, contexts } = failing(2);
    const result = outcome(retry.execute(fn, { key: 'tenant-a' }));
    await clock.advance(10_000);
    expect(await result).toEqual({ value: 'ok after 3' });
    expect(contexts.map((c) => [c.attempt, c.key])).toEqual([
      [1, 'tenant-a'],
      [2, 'tenant-a'],
      [3, 'tenant-a'],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('waits the exponential backoff before each retry (defaults: 3 attempts, ×2)', async () => {
    const { clock, retry, delays } = setup({ maxAttempts: 5 });
    const startedAt: number[] = [];
    const result = outcome(
      retry.execute(() => {
        startedAt.push(clock.now());
        throw new Error('down');
      }),
    );
    await clock.advance(10_000);
    expect(startedAt).toEqual([0, 100, 300, 700, 1_500]);
    expect(delays).toEqual([100, 200, 400, 800]);
    expect((await result).error).toBeInstanceOf(RetryExhaustedError);
  });

  it.each([
    ['fixed', [100, 100, 100, 100]],
    ['linear', [100, 200, 300, 400]],
    ['exponential', [100, 200, 400, 500]],
    ['fibonacci', [100, 100, 200, 300]],
    ['decorrelated', [200, 350, 500, 500]],
  ] as const)('%s backoff waits %j', async (backoff, expected) => {
    const { clock, retry, delays } = setup({
      backoff,
      maxAttempts: 5,
      maxDelayMs: 500,
      random: () => 0.5,
    });
    const result = outcome(retry.execute(failing(10).fn));
    await clock.advance(10_000);
    await result;
    expect(delays).toEqual(expected);
  });

  it.each([
    ['full', [50, 100, 200]],
    ['equal', [75, 150, 300]],
  ] as const)('%s jitter with random 0.5 waits %j', async (jitter, expected) => {
    const { clock, retry, delays } = setup({ jitter, maxAttempts: 4, random: () => 0.5 });
    const result = outcome(retry.execute(failing(10).fn));
    await clock.advance(10_000);
    await result;
    expect(delays).toEqual(expected);
  });

  it('gives up with RetryExhaustedError holding every attempt error in order', async () => {
    const { clock, retry } = setup({ maxAttempts: 3 });
    const result = outcome(retry.execute(failing(10).fn));
    await clock.advance(10_000);
    const { error } = await result;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    const exhausted = error as RetryExhaustedError;
    expect(exhausted.errors.map((e) => (e as Error).message)).toEqual([
      'failure 1',
      'failure 2',
      'failure 3',
    ]);
    expect(exhausted.lastError).toBe(exhausted.errors[2]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('maxAttempts 1 calls once and never waits', async () => {
    const { clock, retry } = setup({ maxAttempts: 1 });
    const { fn, contexts } = failing(10);
    const { error } = await outcome(retry.execute(fn));
    expect(contexts).toHaveLength(1);
    expect((error as RetryExhaustedError).errors).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('baseDelayMs 0 is honoured, not replaced by the default', async () => {
    const { clock, retry, delays } = setup({ baseDelayMs: 0 });
    const result = outcome(retry.execute(failing(2).fn));
    await clock.advance(0);
    expect(await result).toEqual({ value: 'ok after 3' });
    expect(delays).toEqual([0, 0]);
  });

  it('rethrows an error retryIf rejects as it is, after one call', async () => {
    const seen: Array<[string, number]> = [];
    const { retry } = setup({
      retryIf: (error, attempt) => {
        seen.push([(error as Error).message, attempt]);
        return false;
      },
    });
    const original = new Error('fatal');
    const { fn, contexts } = failing(10, () => original);
    expect((await outcome(retry.execute(fn))).error).toBe(original);
    expect(contexts).toHaveLength(1);
    expect(seen).toEqual([['fatal', 1]]);
  });

  it('by default does not retry client errors but retries 5xx, 408 and 429', async () => {
    const { clock, retry } = setup();
    const badRequest = Object.assign(new Error('bad'), { status: 400 });
    const rejected = failing(10, () => badRequest);
    expect((await outcome(retry.execute(rejected.fn))).error).toBe(badRequest);
    expect(rejected.contexts).toHaveLength(1);

    for (const status of [503, 408, 429]) {
      const transient = failing(1, () => Object.assign(new Error('try again'), { status }));
      const result = outcome(retry.execute(transient.fn));
      await clock.advance(1_000);
      expect(await result).toEqual({ value: 'ok after 2' });
    }
  });

  it("waits at least an error's retryAfterMs", async () => {
    const { clock, retry, delays } = setup({ retryIf: () => true });
    const startedAt: number[] = [];
    const result = outcome(
      retry.execute(() => {
        startedAt.push(clock.now());
        if (startedAt.length === 1) throw new CircuitOpenError('payments', 5_000);
        return 'ok';
      }),
    );
    await clock.advance(4_999);
    expect(startedAt).toEqual([0]);
    await clock.advance(1);
    expect(await result).toEqual({ value: 'ok' });
    expect(startedAt).toEqual([0, 5_000]);
    expect(delays).toEqual([5_000]);
  });

  it('waits out a rate limit that says when a permit is free', async () => {
    const { clock, retry, delays } = setup();
    const limited = new RateLimitExceededError('api', 2_500, 10);
    const result = outcome(retry.execute(failing(1, () => limited).fn));
    await clock.advance(2_500);
    expect(await result).toEqual({ value: 'ok after 2' });
    expect(delays).toEqual([2_500]);
  });

  it('honours a Retry-After header of a 429', async () => {
    const { clock, retry, delays } = setup();
    const tooMany = { status: 429, response: { status: 429, headers: { 'retry-after': '3' } } };
    const result = outcome(retry.execute(failing(1, () => tooMany as unknown as Error).fn));
    await clock.advance(3_000);
    expect(await result).toEqual({ value: 'ok after 2' });
    expect(delays).toEqual([3_000]);
  });

  it('gives up at once when retryAfterMs exceeds maxDelayMs', async () => {
    const { clock, retry } = setup({ maxDelayMs: 1_000, retryIf: () => true });
    const reasons: string[] = [];
    retry.on('giveUp', ({ reason }) => reasons.push(reason));
    const open = new CircuitOpenError('payments', 30_000);
    const { fn, contexts } = failing(10, () => open);
    const { error } = await outcome(retry.execute(fn));
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as RetryExhaustedError).errors).toEqual([open]);
    expect(contexts).toHaveLength(1);
    expect(reasons).toEqual(['retryAfterTooLong']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops promptly when the caller aborts during a wait, clearing the timer', async () => {
    const { clock, retry } = setup({ baseDelayMs: 10_000 });
    const controller = new AbortController();
    const { fn, contexts } = failing(10);
    const result = outcome(retry.execute(fn, { signal: controller.signal }));
    await clock.advance(50);
    expect(clock.pendingTimers).toBe(1);
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(await result).toEqual({ error: reason });
    expect(clock.pendingTimers).toBe(0);
    expect(contexts).toHaveLength(1);
  });

  it("rejects with the caller's reason when aborted during an attempt, without retrying", async () => {
    const { retry } = setup();
    const controller = new AbortController();
    let calls = 0;
    const result = outcome(
      retry.execute(
        ({ signal }) =>
          new Promise((_resolve, reject) => {
            calls++;
            signal.addEventListener('abort', () => reject(new Error('aborted inside')));
          }),
        { signal: controller.signal },
      ),
    );
    controller.abort('stop');
    expect(await result).toEqual({ error: 'stop' });
    expect(calls).toBe(1);
  });

  it('does not call the function when the signal is already aborted', async () => {
    const { retry } = setup();
    const controller = new AbortController();
    controller.abort('too late');
    const { fn, contexts } = failing(0);
    expect(await outcome(retry.execute(fn, { signal: controller.signal }))).toEqual({
      error: 'too late',
    });
    expect(contexts).toHaveLength(0);
  });

  it('emits retry, giveUp and success, and a throwing listener changes nothing', async () => {
    const { clock, retry } = setup({ maxAttempts: 2 });
    const events: unknown[] = [];
    retry.on('retry', (e) =>
      events.push(['retry', e.attempt, e.delayMs, (e.error as Error).message]),
    );
    retry.on('giveUp', (e) =>
      events.push(['giveUp', e.attempts, (e.error as Error).message, e.reason]),
    );
    retry.on('success', (e) => events.push(['success', e.attempts]));
    retry.on('retry', () => {
      throw new Error('faulty observer');
    });

    const failed = outcome(retry.execute(failing(10).fn));
    await clock.advance(1_000);
    expect((await failed).error).toBeInstanceOf(RetryExhaustedError);
    const succeeded = outcome(retry.execute(failing(1).fn));
    await clock.advance(1_000);
    expect(await succeeded).toEqual({ value: 'ok after 2' });

    expect(events).toEqual([
      ['retry', 1, 100, 'failure 1'],
      ['giveUp', 2, 'failure 2', 'exhausted'],
      ['retry', 1, 100, 'failure 1'],
      ['success', 2],
    ]);
  });

  it('emits recovered, with the error recovered from, only for a success after retries', async () => {
    const { clock, retry } = setup({ maxAttempts: 4 });
    const recovered: unknown[] = [];
    retry.on('recovered', (e) => recovered.push([e.attempts, (e.error as Error).message]));
    expect(await retry.execute(failing(0).fn)).toBe('ok after 1');
    const afterTwo = outcome(retry.execute(failing(2).fn));
    await clock.advance(1_000);
    expect(await afterTwo).toEqual({ value: 'ok after 3' });
    const givenUp = outcome(retry.execute(failing(10).fn));
    await clock.advance(10_000);
    expect((await givenUp).error).toBeInstanceOf(RetryExhaustedError);
    expect(recovered).toEqual([[3, 'failure 2']]);
  });

  it('runs 10,000 attempts without a NaN, negative or overflowing delay', async () => {
    const { clock, retry, delays } = setup({
      maxAttempts: 10_000,
      baseDelayMs: 1,
      maxDelayMs: 1_000,
      multiplier: 10,
      jitter: 'equal',
    });
    const result = outcome(retry.execute(failing(20_000).fn));
    await clock.advance(1_000 * 10_000);
    const { error } = await result;
    expect((error as RetryExhaustedError).errors).toHaveLength(10_000);
    expect(delays).toHaveLength(9_999);
    expect(delays.every((d) => Number.isFinite(d) && d >= 0 && d <= 1_000)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects invalid options with ResilienceConfigError naming each one', () => {
    const attempt = () =>
      createRetry({
        maxAttempts: 0,
        backoff: 'quadratic' as never,
        jitter: 'some' as never,
        baseDelayMs: Number.NaN,
        maxDelayMs: -1,
        retryIf: 'yes' as never,
      });
    expect(attempt).toThrow(ResilienceConfigError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as ResilienceConfigError).issues.map((issue) => issue.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'retry.maxAttempts',
          'retry.backoff',
          'retry.jitter',
          'retry.baseDelayMs',
          'retry.maxDelayMs',
          'retry.retryIf',
        ]),
      );
      expect((error as Error).message).toContain(
        "'fixed', 'linear', 'exponential', 'fibonacci', 'decorrelated'",
      );
      expect((error as Error).message).toContain("'none', 'full', 'equal'");
    }
  });
});
