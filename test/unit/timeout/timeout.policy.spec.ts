import { TestClock, systemClock, type Clock } from '../../../lib/core/clock/index.js';
import { PolicyTimeoutError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { compose, type ExecutionContext } from '../../../lib/core/policy/index.js';
import { createFallback } from '../../../lib/core/fallback/index.js';
import { createRateLimiter } from '../../../lib/core/rate-limit/index.js';
import { createBulkhead } from '../../../lib/core/bulkhead/index.js';
import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { createRetry } from '../../../lib/core/retry/index.js';
import { createTimeout, checkTimeoutOptions } from '../../../lib/core/timeout/index.js';
import { OptionChecker } from '../../../lib/core/validation/index.js';
import { countingSignal } from './listener-counting-signal.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Settles when its signal aborts (with the reason) or after `ms` on the clock. */
function work(clock: TestClock, ms: number, seen?: ExecutionContext[]) {
  return (context: ExecutionContext) =>
    new Promise<string>((resolve, reject) => {
      seen?.push(context);
      const timer = clock.setTimeout(() => resolve('done'), ms);
      context.signal.addEventListener('abort', () => {
        clock.clearTimeout(timer);
        reject(context.signal.reason);
      });
    });
}

describe('TimeoutPolicy', () => {
  it('resolves a call that settles in time and leaves no timer', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 1_000, clock });
    const result = outcome(timeout.execute(work(clock, 999)));
    await clock.advance(999);
    expect(await result).toEqual({ value: 'done' });
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects with PolicyTimeoutError after ms and aborts the function's signal with it", async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 1_000, clock });
    const fired: number[] = [];
    timeout.on('timeout', ({ ms }) => fired.push(ms));
    const seen: ExecutionContext[] = [];
    const result = outcome(timeout.execute(work(clock, 5_000, seen)));
    await clock.advance(999);
    expect(fired).toEqual([]);
    await clock.advance(1);
    const { error } = await result;
    expect(error).toBeInstanceOf(PolicyTimeoutError);
    expect((error as PolicyTimeoutError).timeoutMs).toBe(1_000);
    expect(seen[0].signal.aborted).toBe(true);
    expect(seen[0].signal.reason).toBe(error);
    expect(fired).toEqual([1_000]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('times out a function that ignores its signal', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 50, clock });
    const result = outcome(timeout.execute(() => new Promise(() => undefined)));
    await clock.advance(50);
    expect((await result).error).toBeInstanceOf(PolicyTimeoutError);
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects with the caller's reason, never PolicyTimeoutError, when the caller aborts", async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 1_000, clock });
    const caller = countingSignal();
    const seen: ExecutionContext[] = [];
    const result = outcome(timeout.execute(work(clock, 5_000, seen), { signal: caller.signal }));
    await clock.advance(10);
    const reason = new Error('client went away');
    caller.controller.abort(reason);
    expect(await result).toEqual({ error: reason });
    expect(seen[0].signal.reason).toBe(reason);
    await clock.advance(5_000);
    expect(clock.pendingTimers).toBe(0);
    expect(caller.active).toBe(0);
  });

  it('rejects at once, without calling the function, when the caller already aborted', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 1_000, clock });
    const controller = new AbortController();
    controller.abort('gone');
    let calls = 0;
    const fn = () => ++calls;
    expect(await outcome(timeout.execute(fn, { signal: controller.signal }))).toEqual({
      error: 'gone',
    });
    expect(calls).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it("passes the function's own error through and passes attempt and key inward", async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 1_000, clock });
    const failure = new Error('boom');
    const seen: ExecutionContext[] = [];
    const result = outcome(
      timeout.execute(
        (context) => {
          seen.push(context);
          throw failure;
        },
        { attempt: 3, key: 'k' },
      ),
    );
    expect(await result).toEqual({ error: failure });
    expect([seen[0].attempt, seen[0].key]).toEqual([3, 'k']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('removes its abort listener on every path (cockatiel #81)', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 100, clock });
    const caller = countingSignal();
    const paths = [
      outcome(timeout.execute(() => 'sync value', { signal: caller.signal })),
      outcome(timeout.execute(work(clock, 50), { signal: caller.signal })),
      outcome(timeout.execute(() => Promise.reject(new Error('x')), { signal: caller.signal })),
      outcome(timeout.execute(work(clock, 500), { signal: caller.signal })),
    ];
    await clock.advance(500);
    const results = await Promise.all(paths);
    expect(results.map((r) => r.value ?? (r.error as Error).name)).toEqual([
      'sync value',
      'done',
      'Error',
      'PolicyTimeoutError',
    ]);
    expect(caller.added).toBe(4);
    expect(caller.active).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('accepts a number and refuses ms <= 0, NaN, missing or too long for a timer', () => {
    expect(createTimeout(250).ms).toBe(250);
    for (const bad of [0, -5, Number.NaN, 2 ** 31, {}, { ms: '5' }]) {
      expect(() => createTimeout(bad as never)).toThrow(ResilienceConfigError);
    }
    const checker = new OptionChecker('policies.payments.timeout', 'resilience.config.json');
    checkTimeoutOptions({ ms: 0 }, checker);
    expect(checker.issues).toEqual([
      {
        path: 'policies.payments.timeout.ms',
        message: 'must be a number > 0, got 0',
        source: 'resilience.config.json',
      },
    ]);
  });
});

describe('TimeoutPolicy signal and timer economy', () => {
  it('builds no signal for a function that never reads it, and an aborted one if read late', async () => {
    const clock = new TestClock();
    const timeout = createTimeout({ ms: 100, clock });
    let context: ExecutionContext | undefined;
    const result = outcome(
      timeout.execute((given) => {
        context = given;
        return new Promise(() => undefined);
      }),
    );
    await clock.advance(100);
    const { error } = await result;
    expect(error).toBeInstanceOf(PolicyTimeoutError);
    expect(context?.signal.aborted).toBe(true);
    expect(context?.signal.reason).toBe(error);
  });

  it('leaves no timer keeping the process alive once calls settle (real clock)', async () => {
    const timers: NodeJS.Timeout[] = [];
    const clock: Clock = {
      ...systemClock,
      setTimeout: (callback, ms) => {
        const timer = systemClock.setTimeout(callback, ms) as NodeJS.Timeout;
        timers.push(timer);
        return timer;
      },
    };
    const timeout = createTimeout({ ms: 60_000, clock });
    const slow = () => new Promise<string>((resolve) => setImmediate(resolve, 'ok'));
    const running = timeout.execute(slow);
    expect(timers.map((timer) => timer.hasRef())).toEqual([true]);
    await expect(running).resolves.toBe('ok');
    expect(timers.map((timer) => timer.hasRef())).toEqual([false]);
    const again = timeout.execute(slow);
    expect(timers.map((timer) => timer.hasRef())).toEqual([true]);
    await expect(again).resolves.toBe('ok');
    expect(timers.map((timer) => timer.hasRef())).toEqual([false]);
    clearTimeout(timers[0]);
  });

  it('builds no signal through the policies inside it either, and hands them the same one', async () => {
    const clock = new TestClock();
    const built: AbortController[] = [];
    const Original = globalThis.AbortController;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        built.push(this);
      }
    };
    try {
      const pipeline = compose(
        createTimeout({ ms: 100, clock }),
        createFallback({ defaultValue: 'fallback' }),
        createRetry({ maxAttempts: 2, clock }),
        createCircuitBreaker({ clock }),
        createRateLimiter({ limit: 10, windowMs: 1_000, clock }),
        createBulkhead({ maxConcurrent: 2 }),
      );
      await expect(pipeline.execute(async () => 'ok')).resolves.toBe('ok');
      expect(built).toHaveLength(0);

      let seen: AbortSignal | undefined;
      const hung = pipeline.execute(({ signal }) => {
        seen = signal;
        return new Promise<string>(() => undefined);
      });
      await clock.advance(100);
      await expect(hung).rejects.toBeInstanceOf(PolicyTimeoutError);
      expect(built).toHaveLength(1);
      expect(seen).toBe(built[0].signal);
      expect(seen?.aborted).toBe(true);
    } finally {
      globalThis.AbortController = Original;
    }
  });
});
