import {
  createCircuitBreaker,
  type CircuitBreakerPolicy,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { failTimes, succeed } from './breaker-test-kit.js';

const TRIP_WINDOW_MS = 10_000;
const STABLE_PERIOD_MS = 60_000;

/** Fails until the breaker opens (at most 100 times), then closes it; returns the failures it took. */
async function tripAndClose(breaker: CircuitBreakerPolicy): Promise<number> {
  for (let failures = 1; failures <= 100; failures++) {
    await failTimes(breaker, 1);
    if (breaker.state !== 'CLOSED') {
      breaker.close();
      return failures;
    }
  }
  throw new Error('the breaker never opened');
}

describe('adaptive threshold', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it('tightens a consecutive threshold on repeated trips, down to the floor', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 5,
      adaptive: { tripWindowMs: TRIP_WINDOW_MS, stablePeriodMs: STABLE_PERIOD_MS },
      clock,
    });
    const needed: number[] = [];
    for (let trip = 0; trip < 5; trip++) {
      needed.push(await tripAndClose(breaker));
      clock.set(clock.now() + 1_000);
    }
    // floor defaults to half the configured count (rounded up), steps to 20 % of it.
    expect(needed).toEqual([5, 5, 4, 3, 3]);
    expect(breaker.stats().effectiveThreshold).toBe(3);
  });

  it('relaxes one step per stable CLOSED period, back to the configured value', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 5,
      adaptive: { tripWindowMs: TRIP_WINDOW_MS, stablePeriodMs: STABLE_PERIOD_MS, floor: 2 },
      clock,
    });
    for (let trip = 0; trip < 4; trip++) await tripAndClose(breaker);
    expect(breaker.stats().effectiveThreshold).toBe(2);
    clock.set(clock.now() + STABLE_PERIOD_MS - 1);
    expect(breaker.stats().effectiveThreshold).toBe(2);
    clock.set(clock.now() + 1);
    expect(breaker.stats().effectiveThreshold).toBe(3);
    clock.set(clock.now() + 2 * STABLE_PERIOD_MS);
    await succeed(breaker);
    expect(breaker.stats().effectiveThreshold).toBe(5);
    clock.set(clock.now() + 10 * STABLE_PERIOD_MS);
    expect(breaker.stats().effectiveThreshold).toBe(5);
  });

  it('does not tighten for trips further apart than tripWindowMs', async () => {
    const breaker = createCircuitBreaker({
      failureThreshold: 4,
      adaptive: { tripWindowMs: TRIP_WINDOW_MS },
      clock,
    });
    for (let trip = 0; trip < 3; trip++) {
      expect(await tripAndClose(breaker)).toBe(4);
      clock.set(clock.now() + TRIP_WINDOW_MS + 1);
    }
  });

  it('tightens a failure rate threshold by tightenBy of the configured rate', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 10 },
      minimumCalls: 10,
      failureRateThreshold: 50,
      adaptive: { tightenBy: 0.1, floor: 30 },
      clock,
    });
    const thresholds: number[] = [];
    for (let trip = 0; trip < 4; trip++) {
      for (let i = 0; i < 10; i++) await failTimes(breaker, 1);
      breaker.close();
      thresholds.push(breaker.stats().effectiveThreshold);
    }
    expect(thresholds).toEqual([50, 45, 40, 35]);
    for (let i = 0; i < 6; i++) await succeed(breaker);
    await failTimes(breaker, 3);
    expect(breaker.state).toBe('CLOSED');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('OPEN');
  });

  it('adaptive: true uses the defaults (floor half the rate, steps of 20 %)', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 2 },
      minimumCalls: 2,
      failureRateThreshold: 100,
      adaptive: true,
      clock,
    });
    const thresholds: number[] = [];
    for (let trip = 0; trip < 5; trip++) {
      await tripAndClose(breaker);
      thresholds.push(breaker.stats().effectiveThreshold);
    }
    expect(thresholds).toEqual([100, 80, 60, 50, 50]);
  });

  it('reset() forgets the tightening; a non-adaptive breaker never changes its threshold', async () => {
    const adaptive = createCircuitBreaker({ failureThreshold: 3, adaptive: true, clock });
    await tripAndClose(adaptive);
    await tripAndClose(adaptive);
    expect(adaptive.stats().effectiveThreshold).toBe(2);
    adaptive.reset();
    expect(adaptive.stats().effectiveThreshold).toBe(3);
    await tripAndClose(adaptive);
    expect(adaptive.stats().effectiveThreshold).toBe(3);

    const fixed = createCircuitBreaker({ failureThreshold: 3, clock });
    for (let trip = 0; trip < 3; trip++) expect(await tripAndClose(fixed)).toBe(3);
  });
});
