import {
  createCircuitBreaker,
  type CircuitBreakerOptions,
  type StateChangeEvent,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import {
  deferred,
  fail,
  failTimes,
  rejectionOf,
  succeed,
} from '../circuit-breaker/breaker-test-kit.js';

describe('CircuitBreakerPolicy.reconfigure', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock(10_000);
  });

  function breakerWith(options: CircuitBreakerOptions) {
    const breaker = createCircuitBreaker({ name: 'payments', clock, ...options });
    const changes: StateChangeEvent[] = [];
    breaker.on('stateChange', (event) => changes.push(event));
    return { breaker, changes };
  }

  it('opens at the new failureThreshold on the next failure, keeping the count so far', async () => {
    const { breaker } = breakerWith({ failureThreshold: 5 });
    await failTimes(breaker, 2);
    const result = breaker.reconfigure({ failureThreshold: 3 });
    expect(result.restarted).toBe(false);
    expect(result.previous.failureThreshold).toBe(5);
    expect(result.current.failureThreshold).toBe(3);
    expect(breaker.stats().consecutiveFailures).toBe(2);
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('does not open by the change alone when the count already passes the new threshold', async () => {
    const { breaker, changes } = breakerWith({ failureThreshold: 5 });
    await failTimes(breaker, 4);
    breaker.reconfigure({ failureThreshold: 2 });
    expect(breaker.state).toBe('CLOSED');
    expect(changes).toEqual([]);
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('a higher threshold keeps a breaker closed that would have opened', async () => {
    const { breaker } = breakerWith({ failureThreshold: 3 });
    await failTimes(breaker, 2);
    breaker.reconfigure({ failureThreshold: 4 });
    await fail(breaker);
    expect(breaker.state).toBe('CLOSED');
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('keeps the count window, its calls and the counters when only thresholds change', async () => {
    const window = { type: 'count', size: 10 } as const;
    const { breaker } = breakerWith({
      slidingWindow: window,
      failureRateThreshold: 80,
      minimumCalls: 4,
    });
    await succeed(breaker);
    await failTimes(breaker, 2);
    const before = breaker.stats();
    const result = breaker.reconfigure({
      slidingWindow: window,
      failureRateThreshold: 50,
      minimumCalls: 4,
    });
    expect(result.restarted).toBe(false);
    const after = breaker.stats();
    expect(after.failureRate).toBe(before.failureRate);
    expect([after.successes, after.failures, after.totalCalls]).toEqual([1, 2, 3]);
    expect(after.effectiveThreshold).toBe(50);
    // 3 failures in 4 calls = 75 %: opens under the new 50 %, would not under the old 80 %.
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('keeps a time window across a change of thresholds', async () => {
    const window = { type: 'time', size: 10 } as const;
    const { breaker } = breakerWith({
      slidingWindow: window,
      failureRateThreshold: 100,
      minimumCalls: 3,
    });
    await failTimes(breaker, 2);
    breaker.reconfigure({ slidingWindow: window, failureRateThreshold: 60, minimumCalls: 3 });
    await succeed(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('restarts CLOSED with an empty window when the window type changes, and says so', async () => {
    const { breaker, changes } = breakerWith({ failureThreshold: 2 });
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('OPEN');
    const result = breaker.reconfigure({
      slidingWindow: { type: 'count', size: 4 },
      failureRateThreshold: 50,
      minimumCalls: 4,
    });
    expect(result.restarted).toBe(true);
    expect(result.previous).toMatchObject({ failureThreshold: 2 });
    expect(result.current).toMatchObject({
      slidingWindow: { type: 'count', size: 4 },
      failureRateThreshold: 50,
    });
    expect(breaker.state).toBe('CLOSED');
    expect(changes.at(-1)).toEqual({
      name: 'payments',
      from: 'OPEN',
      to: 'CLOSED',
      reason: 'reconfigured',
    });
    const stats = breaker.stats();
    expect([stats.failureRate, stats.consecutiveFailures]).toEqual([0, 0]);
    // Lifetime counts stay.
    expect(stats.failures).toBe(2);
    // The new rule applies: 2 of 4 calls failed = 50 % opens it, the first 3 calls do not.
    await fail(breaker);
    await fail(breaker);
    await succeed(breaker);
    expect(breaker.state).toBe('CLOSED');
    await succeed(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('restarts when the window size changes, with no stateChange if it was CLOSED', async () => {
    const { breaker, changes } = breakerWith({
      slidingWindow: { type: 'count', size: 10 },
      minimumCalls: 2,
    });
    await succeed(breaker);
    await succeed(breaker);
    const result = breaker.reconfigure({
      slidingWindow: { type: 'count', size: 20 },
      minimumCalls: 2,
    });
    expect(result.restarted).toBe(true);
    expect(changes).toEqual([]);
    expect(breaker.stats().successes).toBe(2);
    // The old successes are gone from the window: one failure in two calls is 50 % (it
    // would be 25 % with them).
    await fail(breaker);
    await succeed(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('judges with a window of the new kind after a restart', async () => {
    const { breaker } = breakerWith({
      slidingWindow: { type: 'count', size: 10 },
      minimumCalls: 10,
    });
    breaker.reconfigure({ slidingWindow: { type: 'time', size: 2 }, minimumCalls: 10 });
    await fail(breaker);
    expect(breaker.stats().failureRate).toBe(100);
    // A time window forgets the failure after its 2 seconds; a count window would not.
    await clock.advance(3_000);
    expect(breaker.stats().failureRate).toBe(0);
  });

  it('keeps OPEN and its recovery time; a shorter recovery timeout applies at once', async () => {
    const { breaker } = breakerWith({ failureThreshold: 1, recoveryTimeoutMs: 60_000 });
    await fail(breaker);
    await clock.advance(10_000);
    breaker.reconfigure({ failureThreshold: 1, recoveryTimeoutMs: 30_000 });
    expect(breaker.state).toBe('OPEN');
    const error = await rejectionOf(breaker.execute(() => 'never'));
    expect((error as CircuitOpenError).retryAfterMs).toBe(20_000);
    await clock.advance(20_000);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('keeps HALF_OPEN and its probes; the new successThreshold decides the next verdict', async () => {
    const { breaker } = breakerWith({
      failureThreshold: 1,
      recoveryTimeoutMs: 1_000,
      successThreshold: 3,
    });
    await fail(breaker);
    await clock.advance(1_000);
    await succeed(breaker);
    expect(breaker.state).toBe('HALF_OPEN');
    breaker.reconfigure({ failureThreshold: 1, recoveryTimeoutMs: 1_000, successThreshold: 2 });
    expect(breaker.state).toBe('HALF_OPEN');
    await succeed(breaker);
    expect(breaker.state).toBe('CLOSED');
  });

  it('lets calls in flight settle normally when the settings stay compatible', async () => {
    const { breaker } = breakerWith({ failureThreshold: 3 });
    const gate = deferred<string>();
    const inFlight = breaker.execute(() => gate.promise);
    breaker.reconfigure({ failureThreshold: 1 });
    gate.reject(new Error('late'));
    await rejectionOf(inFlight);
    // Same generation: the failure counts under the new threshold.
    expect(breaker.state).toBe('OPEN');
  });

  it('counts a call in flight across a restart, but it cannot change the new state', async () => {
    const { breaker } = breakerWith({ failureThreshold: 1 });
    const gate = deferred<string>();
    const inFlight = breaker.execute(() => gate.promise);
    breaker.reconfigure({ slidingWindow: { type: 'count', size: 10 }, minimumCalls: 1 });
    gate.reject(new Error('late'));
    await rejectionOf(inFlight);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats()).toMatchObject({ failures: 1, failureRate: 0 });
  });

  it('releases a HALF_OPEN probe permit to a restart: the new generation starts CLOSED', async () => {
    const { breaker, changes } = breakerWith({ failureThreshold: 1, recoveryTimeoutMs: 1_000 });
    await fail(breaker);
    await clock.advance(1_000);
    const probe = deferred<string>();
    const probing = breaker.execute(() => probe.promise);
    breaker.reconfigure({ slidingWindow: { type: 'time', size: 5 } });
    expect(changes.at(-1)).toMatchObject({
      from: 'HALF_OPEN',
      to: 'CLOSED',
      reason: 'reconfigured',
    });
    probe.reject(new Error('probe failed late'));
    await rejectionOf(probing);
    expect(breaker.state).toBe('CLOSED');
  });

  it('keeps an isolated breaker isolated across a restart', async () => {
    const { breaker } = breakerWith({ failureThreshold: 1 });
    breaker.isolate();
    const result = breaker.reconfigure({ slidingWindow: { type: 'count', size: 5 } });
    expect(result.restarted).toBe(true);
    expect(breaker.state).toBe('OPEN');
    expect(breaker.isIsolated).toBe(true);
  });

  it('takes left-out options from the defaults, as the constructor does', async () => {
    const { breaker } = breakerWith({ failureThreshold: 2, recoveryTimeoutMs: 5_000 });
    const { current } = breaker.reconfigure({ recoveryTimeoutMs: 1_000 });
    expect(current.failureThreshold).toBe(5);
    await failTimes(breaker, 4);
    expect(breaker.state).toBe('CLOSED');
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('applies a new isFailure to the next outcome', async () => {
    const { breaker } = breakerWith({ failureThreshold: 1 });
    breaker.reconfigure({ failureThreshold: 1, isFailure: () => false });
    await fail(breaker);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats().ignored).toBe(1);
  });

  it('resets a tightened adaptive threshold to a new configured threshold', async () => {
    const adaptive = { tripWindowMs: 60_000, stablePeriodMs: 600_000 };
    const { breaker } = breakerWith({ failureThreshold: 4, recoveryTimeoutMs: 0, adaptive });
    for (let trip = 0; trip < 2; trip++) {
      await failTimes(breaker, breaker.stats().effectiveThreshold);
      breaker.close();
    }
    expect(breaker.stats().effectiveThreshold).toBeLessThan(4);
    breaker.reconfigure({ failureThreshold: 6, recoveryTimeoutMs: 0, adaptive });
    expect(breaker.stats().effectiveThreshold).toBe(6);
  });

  it('rejects invalid options with ResilienceConfigError and changes nothing', async () => {
    const { breaker } = breakerWith({ failureThreshold: 3 });
    await failTimes(breaker, 2);
    const invalid: unknown[] = [
      { failureThreshold: 0 },
      { slidingWindow: { type: 'sliding', size: 10 } },
      { recoveryTimeoutMs: -1 },
      { failureRateThreshold: 150, slidingWindow: { type: 'count', size: 10 } },
      { adaptive: { floor: 9 }, failureThreshold: 3 },
      null,
    ];
    for (const options of invalid) {
      expect(() => breaker.reconfigure(options as CircuitBreakerOptions)).toThrow(
        ResilienceConfigError,
      );
    }
    expect(breaker.effectiveOptions()).toMatchObject({ failureThreshold: 3 });
    expect(breaker.stats().consecutiveFailures).toBe(2);
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('keeps its name and clock: a different one is refused, a left-out one stays', async () => {
    const { breaker } = breakerWith({ failureThreshold: 3 });
    const renamed = (() => {
      try {
        breaker.reconfigure({ name: 'other', failureThreshold: 1 });
      } catch (error) {
        return error as ResilienceConfigError;
      }
    })();
    expect(renamed).toBeInstanceOf(ResilienceConfigError);
    expect(renamed?.issues.map((issue) => issue.path)).toEqual(['name']);
    expect(() => breaker.reconfigure({ clock: new TestClock(), failureThreshold: 1 })).toThrow(
      /clock/,
    );
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('CLOSED');
    const { current } = breaker.reconfigure({ failureThreshold: 1, recoveryTimeoutMs: 1_000 });
    expect(current.name).toBe('payments');
    await fail(breaker);
    // The test clock still drives it: the recovery timeout passes on it.
    await clock.advance(1_000);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('emits reconfigured with the previous and current settings', () => {
    const { breaker } = breakerWith({ failureThreshold: 3 });
    const events: unknown[] = [];
    breaker.on('reconfigured', (event) => events.push(event));
    const result = breaker.reconfigure({ failureThreshold: 4, slowCallDurationMs: 500 });
    expect(events).toEqual([result]);
    expect(result.previous).toEqual({
      name: 'payments',
      failureThreshold: 3,
      minimumCalls: 10,
      slowCallRateThreshold: 100,
      recoveryTimeoutMs: 60_000,
      halfOpenMaxCalls: 1,
      successThreshold: 1,
    });
    expect(result.current).toMatchObject({ failureThreshold: 4, slowCallDurationMs: 500 });
  });

  it('emits nothing when the options are invalid', () => {
    const { breaker } = breakerWith({});
    const events: unknown[] = [];
    breaker.on('reconfigured', (event) => events.push(event));
    expect(() => breaker.reconfigure({ halfOpenMaxCalls: 0 })).toThrow(ResilienceConfigError);
    expect(events).toEqual([]);
  });
});
