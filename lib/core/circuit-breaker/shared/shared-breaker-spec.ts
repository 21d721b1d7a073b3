import { ResilienceConfigError } from '../../errors/index.js';
import type { CircuitBreakerOptions } from '../circuit-breaker.options.js';
import type { CircuitBreakerSettings } from '../circuit-breaker.settings.js';
import type { SharedBreakerSpec } from './shared-breaker.types.js';

/**
 * How long a shared breaker waits for a probe's verdict when `maxWaitInHalfOpenMs` is not
 * set: a process that dies during its probe would otherwise leave every process HALF_OPEN.
 */
export const SHARED_BREAKER_MAX_WAIT_MS = 60_000;

/**
 * The options a shared breaker runs with: a finite `maxWaitInHalfOpenMs`. The adaptive
 * threshold learns from one process's trips, so it cannot be shared.
 *
 * @throws ResilienceConfigError when `adaptive` is set.
 */
export function sharedBreakerOptions(options: CircuitBreakerOptions): CircuitBreakerOptions {
  if (options.adaptive) {
    throw new ResilienceConfigError([
      {
        path: 'adaptive',
        message: 'cannot be combined with shared: true (the threshold would differ per process)',
      },
    ]);
  }
  return {
    ...options,
    maxWaitInHalfOpenMs: options.maxWaitInHalfOpenMs ?? SHARED_BREAKER_MAX_WAIT_MS,
  };
}

/** The plain-data part of a breaker's settings that the store applies. */
export function sharedBreakerSpecOf(settings: CircuitBreakerSettings): SharedBreakerSpec {
  return {
    mode: settings.mode,
    windowSize: settings.windowSize,
    failureThreshold: settings.failureThreshold,
    minimumCalls: settings.minimumCalls,
    slowCallRateThreshold: settings.slowCallRateThreshold,
    slowCallsTrip: settings.slowCallsTrip,
    recoveryTimeoutMs: settings.recoveryTimeoutMs,
    maxWaitInHalfOpenMs: settings.maxWaitInHalfOpenMs,
    halfOpenMaxCalls: settings.halfOpenMaxCalls,
    successThreshold: settings.successThreshold,
  };
}
