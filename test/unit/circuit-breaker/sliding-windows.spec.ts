import { CountWindow } from '../../../lib/core/circuit-breaker/count-window.js';
import { TimeWindow } from '../../../lib/core/circuit-breaker/time-window.js';
import {
  createCircuitBreaker,
  type StateChangeEvent,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { fail, failTimes, succeed } from './breaker-test-kit.js';

function totals(window: CountWindow | TimeWindow): [number, number, number] {
  return [window.calls, window.failures, window.slowCalls];
}

describe('CountWindow', () => {
  it('keeps the last N outcomes, subtracting the one it evicts', () => {
    const window = new CountWindow(3);
    window.record(true, true, 0);
    window.record(false, false, 0);
    window.record(true, false, 0);
    expect(totals(window)).toEqual([3, 2, 1]);
    window.record(false, false, 0);
    expect(totals(window)).toEqual([3, 1, 0]);
    window.record(false, true, 0);
    window.record(false, false, 0);
    expect(totals(window)).toEqual([3, 0, 1]);
  });

  it('starts over after clear, without evicting outcomes recorded before it', () => {
    const window = new CountWindow(2);
    window.record(true, true, 0);
    window.record(true, true, 0);
    window.clear();
    expect(totals(window)).toEqual([0, 0, 0]);
    window.record(false, false, 0);
    window.record(false, false, 0);
    window.record(true, false, 0);
    expect(totals(window)).toEqual([2, 1, 0]);
  });
});

describe('TimeWindow', () => {
  it('drops a bucket exactly when the second `size` seconds later begins', () => {
    const window = new TimeWindow(10);
    window.record(true, false, 0);
    window.record(false, true, 999);
    window.record(false, false, 1_000);
    window.expire(9_999);
    expect(totals(window)).toEqual([3, 1, 1]);
    window.expire(10_000);
    expect(totals(window)).toEqual([1, 0, 0]);
    window.expire(10_999);
    expect(totals(window)).toEqual([1, 0, 0]);
    window.expire(11_000);
    expect(totals(window)).toEqual([0, 0, 0]);
  });

  it('clears everything after a jump longer than the window', () => {
    const window = new TimeWindow(3);
    for (let t = 0; t < 3_000; t += 100) window.record(true, true, t);
    expect(totals(window)).toEqual([30, 30, 30]);
    window.record(false, false, 1_000_000);
    expect(totals(window)).toEqual([1, 0, 0]);
  });

  it('reuses the slot of an expired second for a new one', () => {
    const window = new TimeWindow(2);
    window.record(true, false, 0);
    window.record(false, false, 1_500);
    window.record(false, false, 2_100);
    expect(totals(window)).toEqual([2, 0, 0]);
  });

  it('keeps recording into the newest bucket when the clock steps back', () => {
    const window = new TimeWindow(5);
    window.record(true, false, 50_000);
    window.record(true, false, 48_000);
    expect(totals(window)).toEqual([2, 2, 0]);
    window.expire(54_999);
    expect(totals(window)).toEqual([2, 2, 0]);
    window.expire(55_000);
    expect(totals(window)).toEqual([0, 0, 0]);
  });
});

describe('CircuitBreakerPolicy in rate mode', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it('does not judge before minimumCalls are in the window', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 20 },
      minimumCalls: 10,
      clock,
    });
    await failTimes(breaker, 9);
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.stats().failureRate).toBe(100);
    await succeed(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('trips at exactly the threshold, and not just below it', async () => {
    const atThreshold = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 4 },
      minimumCalls: 4,
      failureRateThreshold: 50,
      clock,
    });
    const reasons: StateChangeEvent[] = [];
    atThreshold.on('stateChange', (event) => reasons.push(event));
    await succeed(atThreshold);
    await succeed(atThreshold);
    await failTimes(atThreshold, 2);
    expect(atThreshold.state).toBe('OPEN');
    expect(reasons).toEqual([
      { name: 'default', from: 'CLOSED', to: 'OPEN', reason: 'failureRate' },
    ]);

    const below = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 5 },
      minimumCalls: 5,
      failureRateThreshold: 50,
      clock,
    });
    for (let i = 0; i < 3; i++) await succeed(below);
    await failTimes(below, 2);
    expect(below.stats()).toMatchObject({ state: 'CLOSED', failureRate: 40 });
  });

  it('holds the last 100 calls when the count window gives no size', async () => {
    const breaker = createCircuitBreaker({ slidingWindow: { type: 'count' }, clock });
    expect(breaker.effectiveOptions().slidingWindow).toEqual({ type: 'count', size: 100 });
    for (let i = 0; i < 100; i++) await succeed(breaker);
    await failTimes(breaker, 49);
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', failureRate: 49 });
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('judges only the last N calls of a count window', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 4 },
      minimumCalls: 4,
      failureRateThreshold: 75,
      clock,
    });
    await failTimes(breaker, 2);
    await succeed(breaker);
    await succeed(breaker);
    await succeed(breaker);
    expect(breaker.stats().failureRate).toBe(25);
    await fail(breaker);
    await fail(breaker);
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', failureRate: 50 });
    await fail(breaker);
    expect(breaker.state).toBe('OPEN');
  });

  it('opens on the slow-call rate, counting slow successes and slow failures', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 4 },
      minimumCalls: 4,
      failureRateThreshold: 100,
      slowCallDurationMs: 100,
      slowCallRateThreshold: 50,
      clock,
    });
    const reasons: string[] = [];
    breaker.on('stateChange', ({ reason }) => reasons.push(reason));
    await succeed(breaker, clock, 99);
    await succeed(breaker, clock, 100);
    await succeed(breaker, clock, 0);
    expect(breaker.stats()).toMatchObject({ slowCalls: 1, slowCallRate: 100 / 3, state: 'CLOSED' });
    await fail(breaker, new Error('slow and failed'), clock, 250);
    expect(breaker.state).toBe('OPEN');
    expect(reasons).toEqual(['slowCallRate']);
    expect(breaker.stats()).toMatchObject({ slowCalls: 2, failures: 1, successes: 3 });
  });

  it('reopens on a slow probe in rate mode', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 1 },
      minimumCalls: 1,
      slowCallDurationMs: 100,
      recoveryTimeoutMs: 1_000,
      clock,
    });
    await fail(breaker);
    clock.set(clock.now() + 1_000);
    await expect(succeed(breaker, clock, 100)).resolves.toBe('ok');
    expect(breaker.state).toBe('OPEN');
    clock.set(clock.now() + 1_000);
    await succeed(breaker, clock, 99);
    expect(breaker.state).toBe('CLOSED');
  });

  it('counts slow calls in consecutive mode without letting them open it', async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, slowCallDurationMs: 10, clock });
    for (let i = 0; i < 5; i++) await succeed(breaker, clock, 50);
    expect(breaker.stats()).toMatchObject({ state: 'CLOSED', slowCalls: 5, slowCallRate: 100 });
  });

  describe('with a time window', () => {
    const options = {
      slidingWindow: { type: 'time' as const, size: 10 },
      minimumCalls: 2,
      failureRateThreshold: 100,
    };

    it('still counts a call made 9.999 s into its bucket’s window', async () => {
      const breaker = createCircuitBreaker({ ...options, clock });
      await fail(breaker);
      clock.set(9_999);
      expect(breaker.stats().failureRate).toBe(100);
      await fail(breaker);
      expect(breaker.state).toBe('OPEN');
    });

    it('has forgotten it when the tenth second after its bucket begins', async () => {
      const breaker = createCircuitBreaker({ ...options, clock });
      await fail(breaker);
      clock.set(10_000);
      expect(breaker.stats().failureRate).toBe(0);
      await fail(breaker);
      expect(breaker.stats()).toMatchObject({ state: 'CLOSED', failureRate: 100, failures: 2 });
    });

    it('judges the rate of the calls in the window only', async () => {
      const breaker = createCircuitBreaker({
        slidingWindow: { type: 'time', size: 2 },
        minimumCalls: 4,
        failureRateThreshold: 50,
        clock,
      });
      await failTimes(breaker, 3);
      clock.set(2_000);
      for (let i = 0; i < 3; i++) await succeed(breaker);
      await fail(breaker);
      expect(breaker.stats()).toMatchObject({ state: 'CLOSED', failureRate: 25 });
      await fail(breaker);
      expect(breaker.state).toBe('CLOSED');
      await fail(breaker);
      expect(breaker.state).toBe('OPEN');
    });
  });
});
