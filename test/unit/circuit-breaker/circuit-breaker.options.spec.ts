import {
  CIRCUIT_BREAKER_DEFAULTS,
  checkCircuitBreakerOptions,
  createCircuitBreaker,
  type CircuitBreakerOptions,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { OptionChecker } from '../../../lib/core/validation/index.js';
import { failTimes, succeed } from './breaker-test-kit.js';

function configErrorOf(options: unknown): ResilienceConfigError {
  try {
    createCircuitBreaker(options as CircuitBreakerOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ResilienceConfigError);
    return error as ResilienceConfigError;
  }
  throw new Error('expected a ResilienceConfigError');
}

describe('circuit breaker options', () => {
  it.each([
    ['failureThreshold', { failureThreshold: 0 }, 'integer >= 1'],
    ['failureThreshold', { failureThreshold: 2.5 }, 'integer >= 1'],
    ['failureThreshold', { failureThreshold: NaN }, 'integer >= 1'],
    ['failureRateThreshold', { failureRateThreshold: 101 }, '(0, 100]'],
    ['failureRateThreshold', { failureRateThreshold: 0 }, '(0, 100]'],
    ['failureRateThreshold', { failureRateThreshold: -5 }, '(0, 100]'],
    ['slowCallRateThreshold', { slowCallRateThreshold: 150 }, '(0, 100]'],
    ['minimumCalls', { minimumCalls: 0 }, 'integer >= 1'],
    ['minimumCalls', { minimumCalls: 1.5 }, 'integer >= 1'],
    ['slowCallDurationMs', { slowCallDurationMs: -1 }, '> 0'],
    ['recoveryTimeoutMs', { recoveryTimeoutMs: -1 }, '>= 0'],
    ['recoveryTimeoutMs', { recoveryTimeoutMs: NaN }, '>= 0'],
    ['recoveryTimeoutMs', { recoveryTimeoutMs: '100' }, '>= 0'],
    ['halfOpenMaxCalls', { halfOpenMaxCalls: 0 }, 'integer >= 1'],
    ['successThreshold', { successThreshold: 1.2 }, 'integer >= 1'],
    ['maxWaitInHalfOpenMs', { maxWaitInHalfOpenMs: 0 }, '> 0'],
    ['isFailure', { isFailure: 'yes' }, 'function'],
    ['name', { name: '' }, 'non-empty string'],
    ['slidingWindow.type', { slidingWindow: { type: 'ring', size: 10 } }, "'count', 'time'"],
    ['slidingWindow.type', { slidingWindow: { size: 10 } }, 'required'],
    ['slidingWindow.size', { slidingWindow: { type: 'count', size: 0 } }, 'integer >= 1'],
    ['slidingWindow', { slidingWindow: 10 }, 'object'],
    ['adaptive', { adaptive: 'yes' }, 'true, false or an object'],
    ['adaptive.tightenBy', { adaptive: { tightenBy: 2 } }, '(0, 1]'],
    ['adaptive.tightenBy', { adaptive: { tightenBy: 0 } }, '> 0'],
    ['adaptive.floor', { failureThreshold: 4, adaptive: { floor: 5 } }, '<= failureThreshold (4)'],
    ['adaptive.floor', { adaptive: { floor: 1.5 } }, 'integer >= 1'],
    [
      'adaptive.floor',
      { slidingWindow: { type: 'count', size: 10 }, adaptive: { floor: 60 } },
      '<= failureRateThreshold (50)',
    ],
    ['adaptive.tripWindowMs', { adaptive: { tripWindowMs: -1 } }, '> 0'],
    ['adaptive.stablePeriodMs', { adaptive: { stablePeriodMs: 0 } }, '> 0'],
    ['clock', { clock: {} }, 'Clock'],
    ['options', 42, 'object'],
  ])('rejects a bad %s', (path, options, allowed) => {
    const error = configErrorOf(options);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe(path);
    expect(error.issues[0].message).toContain(allowed);
    expect(error.message).toContain(path);
  });

  it('lists every bad option in one error', () => {
    const error = configErrorOf({
      failureThreshold: -1,
      halfOpenMaxCalls: 0,
      recoveryTimeoutMs: -5,
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'failureThreshold',
      'recoveryTimeoutMs',
      'halfOpenMaxCalls',
    ]);
  });

  it('reports issues under the checker prefix and source the caller chose', () => {
    const checker = new OptionChecker('policies.payments.circuitBreaker', 'file');
    checkCircuitBreakerOptions({ failureRateThreshold: 120 }, checker);
    expect(checker.issues).toEqual([
      {
        path: 'policies.payments.circuitBreaker.failureRateThreshold',
        message: 'must be a percentage in (0, 100], got 120',
        source: 'file',
      },
    ]);
  });

  it('accepts undefined, an empty object and every valid option', () => {
    const checker = new OptionChecker();
    checkCircuitBreakerOptions(undefined, checker);
    checkCircuitBreakerOptions({}, checker);
    checkCircuitBreakerOptions(
      {
        name: 'x',
        slidingWindow: { type: 'time', size: 30 },
        failureRateThreshold: 100,
        minimumCalls: 1,
        slowCallDurationMs: 1,
        slowCallRateThreshold: 0.5,
        recoveryTimeoutMs: 0,
        halfOpenMaxCalls: 3,
        successThreshold: 2,
        maxWaitInHalfOpenMs: 1,
        isFailure: () => true,
        adaptive: { floor: 10, tightenBy: 1, tripWindowMs: 1, stablePeriodMs: 1 },
        clock: new TestClock(),
      },
      checker,
    );
    expect(checker.issues).toEqual([]);
  });

  it('uses the documented defaults', async () => {
    expect(CIRCUIT_BREAKER_DEFAULTS).toMatchObject({
      failureThreshold: 5,
      failureRateThreshold: 50,
      minimumCalls: 10,
      slowCallRateThreshold: 100,
      recoveryTimeoutMs: 60_000,
      halfOpenMaxCalls: 1,
      successThreshold: 1,
      name: 'default',
    });
    const clock = new TestClock();
    const breaker = createCircuitBreaker({ clock });
    expect(breaker.name).toBe('default');
    await failTimes(breaker, 4);
    expect(breaker.state).toBe('CLOSED');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('OPEN');
    clock.set(59_999);
    expect(breaker.state).toBe('OPEN');
    clock.set(60_000);
    expect(breaker.state).toBe('HALF_OPEN');
    expect(breaker.stats().effectiveThreshold).toBe(5);
  });

  it('defaults rate mode to 50 % over at least 10 calls', async () => {
    const breaker = createCircuitBreaker({
      slidingWindow: { type: 'count', size: 20 },
      clock: new TestClock(),
    });
    expect(breaker.stats().effectiveThreshold).toBe(50);
    for (let i = 0; i < 5; i++) await succeed(breaker);
    await failTimes(breaker, 4);
    expect(breaker.state).toBe('CLOSED');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('OPEN');
  });

  it('honours zero where zero is allowed (recoveryTimeoutMs: 0 probes at once)', async () => {
    const clock = new TestClock();
    const breaker = createCircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 0, clock });
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('HALF_OPEN');
    await expect(succeed(breaker)).resolves.toBe('ok');
    expect(breaker.state).toBe('CLOSED');
  });
});
