import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError } from '../../../lib/core/errors/index.js';
import { HttpError, fail, failTimes, rejectionOf, succeed } from './breaker-test-kit.js';

describe('CircuitBreakerPolicy in consecutive mode', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock(1_000);
  });

  it('opens after failureThreshold failures in a row, not one before', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3, clock });
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats().consecutiveFailures).toBe(2);
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('OPEN');
  });

  it('starts counting again after a success', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3, clock });
    await failTimes(breaker, 2);
    await succeed(breaker);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats().consecutiveFailures).toBe(2);
  });

  it('passes results and errors through unchanged', async () => {
    const breaker = createCircuitBreaker({ clock });
    const error = new Error('db down');
    await expect(breaker.execute(async () => 42)).resolves.toBe(42);
    expect(await fail(breaker, error)).toBe(error);
  });

  it('hands the caller’s signal, key and attempt to the function', async () => {
    const breaker = createCircuitBreaker({ clock });
    const signal = new AbortController().signal;
    const seen = await breaker.execute((context) => context, {
      signal,
      key: 'tenant-1',
      attempt: 3,
    });
    expect(seen.signal).toBe(signal);
    expect(seen.key).toBe('tenant-1');
    expect(seen.attempt).toBe(3);
    const defaults = await breaker.execute((context) => context);
    expect(defaults.signal.aborted).toBe(false);
    expect(defaults.attempt).toBe(1);
    expect(defaults.key).toBeUndefined();
  });

  it('turns a synchronous throw into a rejection and counts it', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock });
    const error = new Error('sync');
    const result = breaker.execute(() => {
      throw error;
    });
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toBe(error);
    expect(breaker.state).toBe('OPEN');
  });

  it('rejects at once while OPEN, without calling the function, with the time left', async () => {
    const breaker = createCircuitBreaker({
      name: 'payments',
      failureThreshold: 1,
      recoveryTimeoutMs: 30_000,
      clock,
    });
    await failTimes(breaker, 1);
    let calls = 0;
    const fn = (): string => {
      calls++;
      return 'ok';
    };
    clock.set(clock.now() + 10_000);
    const error = await rejectionOf(breaker.execute(fn));
    expect(calls).toBe(0);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({
      breakerName: 'payments',
      retryAfterMs: 20_000,
      code: 'CIRCUIT_OPEN',
    });
    expect(breaker.stats().rejected).toBe(1);
  });

  it('turns HALF_OPEN lazily, with no timer, once the recovery timeout has passed', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 5_000, clock });
    await failTimes(breaker, 1);
    expect(clock.pendingTimers).toBe(0);
    clock.set(clock.now() + 4_999);
    expect(breaker.state).toBe('OPEN');
    clock.set(clock.now() + 1);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('lets the first call after the recovery timeout through as a probe that closes it', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 5_000, clock });
    await failTimes(breaker, 1);
    clock.set(clock.now() + 5_000);
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(breaker.state).toBe('CLOSED');
  });

  it('reopens on one failed probe, with a fresh recovery timeout', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 1,
      recoveryTimeoutMs: 5_000,
      successThreshold: 3,
      clock,
    });
    await failTimes(breaker, 1);
    clock.set(clock.now() + 5_000);
    await succeed(breaker);
    await succeed(breaker);
    expect(breaker.state).toBe('HALF_OPEN');
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
    expect(await rejectionOf(succeed(breaker))).toMatchObject({ retryAfterMs: 5_000 });
  });

  it('needs successThreshold successful probes to close', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 1,
      recoveryTimeoutMs: 0,
      successThreshold: 3,
      clock,
    });
    await failTimes(breaker, 1);
    await succeed(breaker);
    await succeed(breaker);
    expect(breaker.state).toBe('HALF_OPEN');
    await succeed(breaker);
    expect(breaker.state).toBe('CLOSED');
  });

  it('does not count client errors by default, but counts 408, 429 and 5xx', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, clock });
    await fail(breaker, new HttpError(404));
    await fail(breaker, new HttpError(400));
    await fail(breaker, new HttpError(422));
    expect(breaker.stats()).toMatchObject({
      state: 'CLOSED',
      failures: 0,
      ignored: 3,
      consecutiveFailures: 0,
    });
    await fail(breaker, new HttpError(429));
    await fail(breaker, new HttpError(408));
    expect(breaker.state).toBe('OPEN');
    breaker.reset();
    await fail(breaker, new HttpError(503));
    await fail(breaker, new HttpError(500));
    expect(breaker.state).toBe('OPEN');
  });

  it('neither breaks nor resets the failure streak with an ignored error', async () => {
    const ignored = new Error('ignored');
    const breaker = createCircuitBreaker({
      failureThreshold: 2,
      isFailure: (e) => e !== ignored,
      clock,
    });
    await fail(breaker);
    await fail(breaker, ignored);
    expect(breaker.stats()).toMatchObject({
      consecutiveFailures: 1,
      failures: 1,
      ignored: 1,
      totalCalls: 2,
    });
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('counts an error as a failure when isFailure itself throws', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 1,
      isFailure: () => {
        throw new Error('bad predicate');
      },
      clock,
    });
    const error = new Error('boom');
    expect(await fail(breaker, error)).toBe(error);
    expect(breaker.state).toBe('OPEN');
  });

  it('keeps the last 100 calls for the rates of its stats', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1_000, clock });
    await failTimes(breaker, 25);
    for (let i = 0; i < 75; i++) await succeed(breaker);
    expect(breaker.stats().failureRate).toBe(25);
    for (let i = 0; i < 25; i++) await succeed(breaker);
    expect(breaker.stats().failureRate).toBe(0);
    expect(breaker.stats().totalCalls).toBe(125);
  });
});
