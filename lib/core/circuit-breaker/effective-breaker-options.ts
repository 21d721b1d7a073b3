import type { AdaptiveSettings, CircuitBreakerSettings } from './circuit-breaker.settings.js';
import type { SlidingWindowOptions } from './circuit-breaker.options.js';

/**
 * The settings a breaker applies, every default filled in, in option names and as data
 * (no `isFailure`, no clock): what `reconfigure` reports as `previous` and `current`.
 * Consecutive mode has `failureThreshold`; rate mode has `slidingWindow` and
 * `failureRateThreshold`. Optional times are absent when off.
 */
export interface EffectiveCircuitBreakerOptions {
  readonly name: string;
  readonly failureThreshold?: number;
  readonly slidingWindow?: Readonly<SlidingWindowOptions>;
  readonly failureRateThreshold?: number;
  readonly minimumCalls: number;
  readonly slowCallDurationMs?: number;
  readonly slowCallRateThreshold: number;
  readonly recoveryTimeoutMs: number;
  readonly halfOpenMaxCalls: number;
  readonly successThreshold: number;
  readonly maxWaitInHalfOpenMs?: number;
  /** The adaptive threshold's resolved settings (`step`: one tightening, in threshold units). */
  readonly adaptive?: AdaptiveSettings;
}

/** A keyed breaker's settings: those of each of its breakers, and how many it keeps. */
export interface EffectiveKeyedCircuitBreakerOptions extends EffectiveCircuitBreakerOptions {
  readonly maxKeys: number;
}

/** The settings of breaker `name` in option names, without functions and the clock. */
export function effectiveBreakerOptionsOf(
  name: string,
  settings: CircuitBreakerSettings,
): EffectiveCircuitBreakerOptions {
  const { mode, windowSize, failureThreshold } = settings;
  const judging =
    mode === 'consecutive'
      ? { failureThreshold }
      : { slidingWindow: { type: mode, size: windowSize }, failureRateThreshold: failureThreshold };
  return {
    name,
    ...judging,
    minimumCalls: settings.minimumCalls,
    ...finite('slowCallDurationMs', settings.slowCallDurationMs),
    slowCallRateThreshold: settings.slowCallRateThreshold,
    recoveryTimeoutMs: settings.recoveryTimeoutMs,
    halfOpenMaxCalls: settings.halfOpenMaxCalls,
    successThreshold: settings.successThreshold,
    ...finite('maxWaitInHalfOpenMs', settings.maxWaitInHalfOpenMs),
    ...(settings.adaptive ? { adaptive: settings.adaptive } : {}),
  };
}

/** `{ [name]: value }`, or nothing for `Infinity` (the setting is off). */
function finite<K extends string>(name: K, value: number): { [P in K]?: number } {
  return (value === Infinity ? {} : { [name]: value }) as { [P in K]?: number };
}
