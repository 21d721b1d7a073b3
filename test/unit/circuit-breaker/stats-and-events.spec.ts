import { jest } from '@jest/globals';
import {
  createCircuitBreaker,
  healthScoreOf,
  type CircuitBreakerEvents,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError } from '../../../lib/core/errors/index.js';
import { TypedEventEmitter } from '../../../lib/core/events/index.js';
import { HttpError, fail, failTimes, rejectionOf, succeed } from './breaker-test-kit.js';

describe('health score', () => {
  it('follows the documented formula', () => {
    expect(healthScoreOf('CLOSED', 0, 0)).toBe(100);
    expect(healthScoreOf('CLOSED', 20, 0)).toBe(86);
    expect(healthScoreOf('CLOSED', 20, 50)).toBe(71);
    expect(healthScoreOf('CLOSED', 100, 100)).toBe(0);
    expect(healthScoreOf('HALF_OPEN', 0, 0)).toBe(50);
    expect(healthScoreOf('OPEN', 0, 0)).toBe(0);
  });

  it('is 100 when healthy, falls with failures and slow calls, 50 half-open, 0 open', async () => {
    const clock = new TestClock();
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 10 },
      minimumCalls: 10,
      slowCallDurationMs: 100,
      recoveryTimeoutMs: 1_000,
      clock,
    });
    expect(breaker.healthScore).toBe(100);
    for (let i = 0; i < 5; i++) await succeed(breaker);
    expect(breaker.healthScore).toBe(100);
    await failTimes(breaker, 2);
    await succeed(breaker, clock, 100);
    await succeed(breaker, clock, 100);
    await succeed(breaker);
    // failure rate 20 %, slow-call rate 20 %: 100 − 14 − 6
    expect(breaker.healthScore).toBe(80);
    breaker.open();
    expect(breaker.healthScore).toBe(0);
    clock.set(clock.now() + 1_000);
    expect(breaker.healthScore).toBe(50);
  });
});

describe('stats', () => {
  it('counts every outcome and reports the rates of the window', async () => {
    const clock = new TestClock(500);
    const breaker = createCircuitBreaker({
      name: 'search',
      slidingWindow: { type: 'count', size: 4 },
      minimumCalls: 4,
      failureRateThreshold: 75,
      slowCallDurationMs: 50,
      recoveryTimeoutMs: 1_000,
      clock,
    });
    await succeed(breaker, clock, 60);
    await fail(breaker, new HttpError(404));
    await fail(breaker);
    await succeed(breaker);
    expect(breaker.stats()).toEqual({
      name: 'search',
      state: 'CLOSED',
      isolated: false,
      totalCalls: 4,
      successes: 2,
      failures: 1,
      slowCalls: 1,
      rejected: 0,
      ignored: 1,
      failureRate: 100 / 3,
      slowCallRate: 100 / 3,
      consecutiveFailures: 0,
      effectiveThreshold: 75,
      healthScore: 67,
      lastStateChangeAt: 500,
    });
    await failTimes(breaker, 2);
    await rejectionOf(succeed(breaker));
    expect(breaker.stats()).toMatchObject({
      state: 'OPEN',
      totalCalls: 6,
      failures: 3,
      rejected: 1,
      failureRate: 75,
      consecutiveFailures: 2,
      healthScore: 0,
      lastStateChangeAt: 560,
      openedAt: 560,
    });
  });
});

describe('events', () => {
  it('reports every outcome and state change with the breaker name', async () => {
    const clock = new TestClock();
    const breaker = createCircuitBreaker({
      name: 'mail',
      failureThreshold: 1,
      recoveryTimeoutMs: 100,
      clock,
    });
    const seen: unknown[] = [];
    const events: (keyof CircuitBreakerEvents)[] = [
      'stateChange',
      'success',
      'failure',
      'rejected',
      'ignored',
    ];
    for (const event of events) breaker.on(event, (payload) => seen.push({ event, ...payload }));
    const clientError = new HttpError(400);
    const serverError = new HttpError(503);
    await succeed(breaker, clock, 7);
    await fail(breaker, clientError);
    await fail(breaker, serverError, clock, 3);
    await rejectionOf(succeed(breaker));
    clock.set(clock.now() + 100);
    await succeed(breaker);
    expect(seen).toEqual([
      { event: 'success', name: 'mail', durationMs: 7 },
      { event: 'ignored', name: 'mail', error: clientError },
      { event: 'failure', name: 'mail', error: serverError, durationMs: 3 },
      {
        event: 'stateChange',
        name: 'mail',
        from: 'CLOSED',
        to: 'OPEN',
        reason: 'consecutiveFailures',
      },
      { event: 'rejected', name: 'mail', state: 'OPEN' },
      {
        event: 'stateChange',
        name: 'mail',
        from: 'OPEN',
        to: 'HALF_OPEN',
        reason: 'recoveryTimeout',
      },
      { event: 'success', name: 'mail', durationMs: 0 },
      {
        event: 'stateChange',
        name: 'mail',
        from: 'HALF_OPEN',
        to: 'CLOSED',
        reason: 'probesSucceeded',
      },
    ]);
  });

  it('stops reporting after unsubscribing', async () => {
    const breaker = createCircuitBreaker({ clock: new TestClock() });
    let successes = 0;
    const unsubscribe = breaker.on('success', () => successes++);
    await succeed(breaker);
    unsubscribe();
    await succeed(breaker);
    expect(successes).toBe(1);
  });

  it('a throwing listener changes neither the state nor the caller’s result', async () => {
    const clock = new TestClock();
    const breaker = createCircuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 10, clock });
    const events: (keyof CircuitBreakerEvents)[] = [
      'stateChange',
      'success',
      'failure',
      'rejected',
      'ignored',
    ];
    for (const event of events) {
      breaker.on(event, () => {
        throw new Error(`listener of ${event} broke`);
      });
    }
    await expect(succeed(breaker)).resolves.toBe('ok');
    const error = new Error('real');
    expect(await fail(breaker, error)).toBe(error);
    expect(await fail(breaker, new HttpError(404))).toBeInstanceOf(HttpError);
    expect(await fail(breaker, error)).toBe(error);
    expect(breaker.state).toBe('OPEN');
    expect(await rejectionOf(succeed(breaker))).toBeInstanceOf(CircuitOpenError);
    clock.set(10);
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(breaker.stats()).toMatchObject({
      state: 'CLOSED',
      successes: 2,
      failures: 2,
      ignored: 1,
      rejected: 1,
    });
  });

  it('builds no event payload when nobody listens', async () => {
    const emit = jest.spyOn(TypedEventEmitter.prototype, 'emit');
    try {
      const clock = new TestClock();
      const breaker = createCircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 0, clock });
      await succeed(breaker);
      await fail(breaker, new HttpError(404));
      await fail(breaker);
      breaker.isolate();
      await rejectionOf(succeed(breaker));
      breaker.reset();
      expect(emit).not.toHaveBeenCalled();
      breaker.on('success', () => undefined);
      await succeed(breaker);
      expect(emit).toHaveBeenCalledTimes(1);
    } finally {
      emit.mockRestore();
    }
  });
});
