import {
  createCircuitBreaker,
  type StateChangeEvent,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError } from '../../../lib/core/errors/index.js';
import { forceBreakerState } from '../../../lib/testing/force-breaker-state.js';
import { deferred, fail, failTimes, rejectionOf, succeed } from './breaker-test-kit.js';

describe('manual control of a CircuitBreakerPolicy', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  function breakerWithEvents(options: Parameters<typeof createCircuitBreaker>[0] = {}) {
    const breaker = createCircuitBreaker({
      name: 'inventory',
      recoveryTimeoutMs: 1_000,
      clock,
      ...options,
    });
    const changes: Pick<StateChangeEvent, 'from' | 'to' | 'reason'>[] = [];
    breaker.on('stateChange', ({ from, to, reason }) => changes.push({ from, to, reason }));
    return { breaker, changes };
  }

  it('open() opens with a fresh recovery timeout, also when already open', async () => {
    const { breaker, changes } = breakerWithEvents();
    breaker.open();
    expect(breaker.state).toBe('OPEN');
    clock.set(600);
    expect(await rejectionOf(succeed(breaker))).toMatchObject({ retryAfterMs: 400 });
    breaker.open();
    expect(await rejectionOf(succeed(breaker))).toMatchObject({ retryAfterMs: 1_000 });
    expect(breaker.stats().openedAt).toBe(600);
    expect(changes).toEqual([{ from: 'CLOSED', to: 'OPEN', reason: 'manualOpen' }]);
  });

  it('close() closes with an empty window and keeps the counts', async () => {
    const { breaker, changes } = breakerWithEvents({
      slidingWindow: { type: 'count', size: 10 },
      minimumCalls: 4,
    });
    await failTimes(breaker, 3);
    breaker.open();
    breaker.close();
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', failureRate: 0, failures: 3 });
    await failTimes(breaker, 3);
    expect(breaker.state).toBe('CLOSED');
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
    expect(changes.map((c) => c.reason)).toEqual(['manualOpen', 'manualClose', 'failureRate']);
  });

  it('close() on a closed breaker changes nothing', async () => {
    const { breaker, changes } = breakerWithEvents({ failureThreshold: 2 });
    await fail(breaker);
    breaker.close();
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
    expect(changes).toEqual([{ from: 'CLOSED', to: 'OPEN', reason: 'consecutiveFailures' }]);
  });

  it('reset() closes and clears every count', async () => {
    const { breaker, changes } = breakerWithEvents({ failureThreshold: 2 });
    await succeed(breaker);
    await failTimes(breaker, 2);
    await rejectionOf(succeed(breaker));
    breaker.reset();
    expect(breaker.stats()).toEqual({
      name: 'inventory',
      state: 'CLOSED',
      isolated: false,
      totalCalls: 0,
      successes: 0,
      failures: 0,
      slowCalls: 0,
      rejected: 0,
      ignored: 0,
      failureRate: 0,
      slowCallRate: 0,
      consecutiveFailures: 0,
      effectiveThreshold: 2,
      healthScore: 100,
      lastStateChangeAt: 0,
    });
    expect(changes.map((c) => c.reason)).toEqual(['consecutiveFailures', 'reset']);
  });

  it('isolate() holds it OPEN, never half-open, rejecting with retryAfterMs 0', async () => {
    const { breaker, changes } = breakerWithEvents();
    breaker.isolate();
    expect(breaker.isIsolated).toBe(true);
    clock.set(1_000_000);
    expect(breaker.state).toBe('OPEN');
    const error = await rejectionOf(succeed(breaker));
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ retryAfterMs: 0, breakerName: 'inventory' });
    expect(breaker.stats()).toMatchObject({ isolated: true, healthScore: 0, rejected: 1 });
    breaker.close();
    expect(breaker.isIsolated).toBe(false);
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(changes.map((c) => c.reason)).toEqual(['isolated', 'manualClose']);
  });

  it('isolate() of an open breaker stops it from going half-open; reset() ends isolation', async () => {
    const { breaker } = breakerWithEvents({ failureThreshold: 1 });
    await fail(breaker);
    breaker.isolate();
    clock.set(5_000);
    expect(breaker.state).toBe('OPEN');
    breaker.open();
    clock.set(10_000);
    expect(breaker.isIsolated).toBe(true);
    expect(breaker.state).toBe('OPEN');
    breaker.reset();
    expect(breaker.isIsolated).toBe(false);
    expect(breaker.state).toBe('CLOSED');
  });

  it('enters CLOSED after successful probes with an empty window', async () => {
    const { breaker } = breakerWithEvents({
      slidingWindow: { type: 'count', size: 4 },
      minimumCalls: 2,
    });
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('OPEN');
    clock.set(1_000);
    await succeed(breaker);
    expect(breaker.stats()).toMatchObject({
      state: 'CLOSED',
      failureRate: 0,
      consecutiveFailures: 0,
    });
    await fail(breaker);
    expect(breaker.state).toBe('CLOSED');
  });
});

describe('forceBreakerState', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it('forces HALF_OPEN for real: the next calls are probes', async () => {
    const breaker = createCircuitBreaker({ halfOpenMaxCalls: 1, clock });
    const reasons: string[] = [];
    breaker.on('stateChange', ({ reason }) => reasons.push(reason));
    forceBreakerState(breaker, 'HALF_OPEN');
    expect(breaker.state).toBe('HALF_OPEN');
    const probe = deferred();
    const running = breaker.execute(() => probe.promise);
    expect(await rejectionOf(succeed(breaker))).toBeInstanceOf(CircuitOpenError);
    probe.resolve('ok');
    await running;
    expect(breaker.state).toBe('CLOSED');
    expect(reasons).toEqual(['forced', 'probesSucceeded']);
  });

  it('forces OPEN with a fresh recovery timeout', async () => {
    const breaker = createCircuitBreaker({ recoveryTimeoutMs: 2_000, clock });
    forceBreakerState(breaker, 'OPEN');
    expect(await rejectionOf(succeed(breaker))).toMatchObject({ retryAfterMs: 2_000 });
    clock.set(2_000);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('forces CLOSED, ending isolation', async () => {
    const breaker = createCircuitBreaker({ clock });
    breaker.isolate();
    forceBreakerState(breaker, 'CLOSED');
    expect(breaker.isIsolated).toBe(false);
    await expect(succeed(breaker)).resolves.toBe('ok');
  });

  it('resets the probes of a breaker already HALF_OPEN', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 0, clock });
    await fail(breaker);
    const hung = deferred();
    void breaker.execute(() => hung.promise);
    expect(await rejectionOf(succeed(breaker))).toBeInstanceOf(CircuitOpenError);
    forceBreakerState(breaker, 'HALF_OPEN');
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(breaker.state).toBe('CLOSED');
  });
});
