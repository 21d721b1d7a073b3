import {
  createCircuitBreaker,
  type CircuitBreakerPolicy,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock, flushPromises } from '../../../lib/core/clock/index.js';
import { CircuitOpenError } from '../../../lib/core/errors/index.js';
import { HttpError, deferred, fail, failTimes, rejectionOf, succeed } from './breaker-test-kit.js';

const RECOVERY_MS = 1_000;

async function halfOpenBreaker(
  clock: TestClock,
  options: Parameters<typeof createCircuitBreaker>[0] = {},
): Promise<CircuitBreakerPolicy> {
  const breaker = createCircuitBreaker({
    failureThreshold: 1,
    recoveryTimeoutMs: RECOVERY_MS,
    clock,
    ...options,
  });
  await failTimes(breaker, 1);
  clock.set(clock.now() + RECOVERY_MS);
  expect(breaker.state).toBe('HALF_OPEN');
  return breaker;
}

describe('CircuitBreakerPolicy in HALF_OPEN', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it.each([1, 3])(
    'lets exactly halfOpenMaxCalls = %i of 1,000 concurrent calls reach the function',
    async (max) => {
      const breaker = await halfOpenBreaker(clock, { halfOpenMaxCalls: max });
      const probe = deferred();
      let reached = 0;
      const calls = Array.from({ length: 1_000 }, () =>
        breaker.execute(() => {
          reached++;
          return probe.promise;
        }),
      );
      expect(reached).toBe(max);
      probe.resolve('ok');
      const results = await Promise.allSettled(calls);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(max);
      expect(rejected).toHaveLength(1_000 - max);
      expect(
        rejected.every((r) => r.reason instanceof CircuitOpenError && r.reason.retryAfterMs === 0),
      ).toBe(true);
      expect(breaker.stats()).toMatchObject({
        state: 'CLOSED',
        rejected: 1_000 - max,
        successes: max,
      });
    },
  );

  it('lets the next probe in when one settles and more successes are needed', async () => {
    const breaker = await halfOpenBreaker(clock, { halfOpenMaxCalls: 1, successThreshold: 2 });
    const first = deferred();
    const running = breaker.execute(() => first.promise);
    expect(await rejectionOf(succeed(breaker))).toBeInstanceOf(CircuitOpenError);
    first.resolve('ok');
    await running;
    expect(breaker.state).toBe('HALF_OPEN');
    await succeed(breaker);
    expect(breaker.state).toBe('CLOSED');
  });

  it('frees the permit of a probe that failed with an ignored error, counting nothing', async () => {
    const breaker = await halfOpenBreaker(clock, { halfOpenMaxCalls: 1 });
    const before = breaker.stats();
    await fail(breaker, new HttpError(404));
    expect(breaker.stats()).toMatchObject({
      state: 'HALF_OPEN',
      failures: before.failures,
      successes: 0,
      ignored: 1,
    });
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(breaker.state).toBe('CLOSED');
  });

  it('does not let an ignored error count as a successful probe', async () => {
    const breaker = await halfOpenBreaker(clock, { successThreshold: 1 });
    for (let i = 0; i < 5; i++) await fail(breaker, new HttpError(400));
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('reopens when a hung probe gives no verdict within maxWaitInHalfOpenMs', async () => {
    const breaker = await halfOpenBreaker(clock, { maxWaitInHalfOpenMs: 500 });
    const hung = deferred();
    const probe = breaker.execute(() => hung.promise);
    clock.set(clock.now() + 499);
    expect(breaker.state).toBe('HALF_OPEN');
    clock.set(clock.now() + 1);
    expect(breaker.state).toBe('OPEN');
    expect(await rejectionOf(succeed(breaker))).toMatchObject({ retryAfterMs: RECOVERY_MS });

    hung.resolve('late');
    await expect(probe).resolves.toBe('late');
    expect(breaker.state).toBe('OPEN');
    clock.set(clock.now() + RECOVERY_MS);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('ignores the late verdict of a hung probe once a new HALF_OPEN period began', async () => {
    const breaker = await halfOpenBreaker(clock, { maxWaitInHalfOpenMs: 500 });
    const hung = deferred();
    const probe = breaker.execute(() => hung.promise);
    clock.set(clock.now() + 10_000);
    // Reopened at +500, probes allowed again from +1,500: the breaker is half-open anew.
    expect(breaker.state).toBe('HALF_OPEN');
    const fresh = deferred();
    const freshProbe = breaker.execute(() => fresh.promise);
    hung.reject(new Error('late failure'));
    await expect(probe).rejects.toThrow('late failure');
    expect(breaker.state).toBe('HALF_OPEN');
    fresh.resolve('ok');
    await freshProbe;
    expect(breaker.state).toBe('CLOSED');
  });

  it('treats a probe that settles after maxWaitInHalfOpenMs as stale, even if nobody looked meanwhile', async () => {
    const breaker = await halfOpenBreaker(clock, { maxWaitInHalfOpenMs: 500 });
    await succeed(breaker, clock, 600);
    expect(breaker.state).toBe('OPEN');
  });

  it('stays HALF_OPEN forever without maxWaitInHalfOpenMs (the probe decides)', async () => {
    const breaker = await halfOpenBreaker(clock);
    const hung = deferred();
    const probe = breaker.execute(() => hung.promise);
    clock.set(clock.now() + 3_600_000);
    expect(breaker.state).toBe('HALF_OPEN');
    hung.resolve('ok');
    await probe;
    expect(breaker.state).toBe('CLOSED');
  });
});

describe('a call admitted before a state change', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it('cannot close a breaker that opened while it ran', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, clock });
    const slow = deferred();
    const early = breaker.execute(() => slow.promise);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('OPEN');
    slow.resolve('ok');
    await expect(early).resolves.toBe('ok');
    expect(breaker.stats()).toMatchObject({ state: 'OPEN', successes: 1 });
  });

  it('cannot count against the fresh window after the breaker closed', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 0, clock });
    const slow = deferred();
    const early = breaker.execute(() => slow.promise);
    await failTimes(breaker, 2);
    await succeed(breaker);
    expect(breaker.state).toBe('CLOSED');
    slow.reject(new Error('late'));
    await expect(early).rejects.toThrow('late');
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0, failures: 3 });
    await fail(breaker);
    expect(breaker.state).toBe('CLOSED');
  });

  it('cannot reopen a breaker that other probes closed', async () => {
    const breaker = await halfOpenBreaker(clock, { halfOpenMaxCalls: 2 });
    const first = deferred();
    const second = deferred();
    const probes = [breaker.execute(() => first.promise), breaker.execute(() => second.promise)];
    first.resolve('ok');
    await flushPromises();
    expect(breaker.state).toBe('CLOSED');
    second.reject(new Error('late'));
    await Promise.allSettled(probes);
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
  });

  it('cannot free a probe permit of a later HALF_OPEN period', async () => {
    const breaker = await halfOpenBreaker(clock, { halfOpenMaxCalls: 1, maxWaitInHalfOpenMs: 100 });
    const hung = deferred();
    const stale = breaker.execute(() => hung.promise);
    clock.set(clock.now() + 100 + RECOVERY_MS);
    const fresh = deferred();
    const probe = breaker.execute(() => fresh.promise);
    hung.reject(new HttpError(404));
    await rejectionOf(stale);
    expect(await rejectionOf(succeed(breaker))).toBeInstanceOf(CircuitOpenError);
    fresh.resolve('ok');
    await probe;
    expect(breaker.state).toBe('CLOSED');
  });

  it('cannot undo a reset()', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, clock });
    const slow = deferred();
    const early = breaker.execute(() => slow.promise);
    breaker.reset();
    slow.reject(new Error('late'));
    await rejectionOf(early);
    expect(breaker.stats()).toMatchObject({
      state: 'CLOSED',
      consecutiveFailures: 0,
      failureRate: 0,
    });
  });
});
