import { STORE_FAILURE_MODES } from '../outage/index.js';
import type { OptionChecker } from '../validation/index.js';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker.defaults.js';

/** The sliding window types `slidingWindow.type` accepts. */
export const SLIDING_WINDOW_TYPES = ['count', 'time'] as const;

/**
 * Records every invalid circuit breaker option on `checker` (nothing for `undefined`).
 * Used by `createCircuitBreaker` and by the Nest layer, which gives the checker its own
 * path prefix and source.
 */
export function checkCircuitBreakerOptions(options: unknown, checker: OptionChecker): void {
  const o = checker.optionsObject(options);
  if (!o) return;
  checker
    .isString('name', o.name)
    .integerAtLeast('failureThreshold', o.failureThreshold, 1)
    .percentage('failureRateThreshold', o.failureRateThreshold)
    .integerAtLeast('minimumCalls', o.minimumCalls, 1)
    .positive('slowCallDurationMs', o.slowCallDurationMs)
    .percentage('slowCallRateThreshold', o.slowCallRateThreshold)
    .nonNegative('recoveryTimeoutMs', o.recoveryTimeoutMs)
    .integerAtLeast('halfOpenMaxCalls', o.halfOpenMaxCalls, 1)
    .integerAtLeast('successThreshold', o.successThreshold, 1)
    .positive('maxWaitInHalfOpenMs', o.maxWaitInHalfOpenMs)
    .isFunction('isFailure', o.isFailure)
    .oneOf('onStoreFailure', o.onStoreFailure, STORE_FAILURE_MODES);
  if (
    checker.isObject('clock', o.clock) &&
    typeof (o.clock as { now?: unknown }).now !== 'function'
  ) {
    checker.fail('clock', 'must be a Clock (now, setTimeout, clearTimeout)');
  }
  if (checker.isObject('slidingWindow', o.slidingWindow)) {
    checkSlidingWindow(o.slidingWindow as Record<string, unknown>, checker.child('slidingWindow'));
  }
  if (typeof o.adaptive === 'object' && o.adaptive !== null && !Array.isArray(o.adaptive)) {
    const rateMode = o.slidingWindow !== undefined;
    checkAdaptive(o.adaptive as Record<string, unknown>, rateMode, o, checker.child('adaptive'));
  } else if (o.adaptive !== undefined && typeof o.adaptive !== 'boolean') {
    checker.fail(
      'adaptive',
      'must be true, false or an object { floor, tightenBy, tripWindowMs, stablePeriodMs }',
    );
  }
}

function checkSlidingWindow(window: Record<string, unknown>, checker: OptionChecker): void {
  if (window.type === undefined) checker.fail('type', "is required: 'count' or 'time'");
  checker.oneOf('type', window.type, SLIDING_WINDOW_TYPES).integerAtLeast('size', window.size, 1);
}

function checkAdaptive(
  adaptive: Record<string, unknown>,
  rateMode: boolean,
  options: Record<string, unknown>,
  checker: OptionChecker,
): void {
  if (rateMode) checker.percentage('floor', adaptive.floor);
  else checker.integerAtLeast('floor', adaptive.floor, 1);
  checker
    .positive('tripWindowMs', adaptive.tripWindowMs)
    .positive('stablePeriodMs', adaptive.stablePeriodMs)
    .positive('tightenBy', adaptive.tightenBy);
  if (typeof adaptive.tightenBy === 'number' && adaptive.tightenBy > 1) {
    checker.fail('tightenBy', `must be a fraction in (0, 1], got ${adaptive.tightenBy}`);
  }
  const configured = rateMode
    ? (options.failureRateThreshold ?? CIRCUIT_BREAKER_DEFAULTS.failureRateThreshold)
    : (options.failureThreshold ?? CIRCUIT_BREAKER_DEFAULTS.failureThreshold);
  const floor = adaptive.floor;
  if (typeof floor === 'number' && typeof configured === 'number' && floor > configured) {
    const thresholdName = rateMode ? 'failureRateThreshold' : 'failureThreshold';
    checker.fail('floor', `must be <= ${thresholdName} (${configured}), got ${floor}`);
  }
}
