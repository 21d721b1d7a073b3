import { isTransientFailure } from '../classification/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import type { StoreFailureMode } from '../outage/index.js';
import { OptionChecker } from '../validation/index.js';
import { CIRCUIT_BREAKER_DEFAULTS as DEFAULTS } from './circuit-breaker.defaults.js';
import type { CircuitBreakerOptions } from './circuit-breaker.options.js';
import { checkCircuitBreakerOptions } from './check-circuit-breaker-options.js';
import { internSettings } from './intern-settings.js';

/** How outcomes are judged: consecutive failures, or rates over a count or time window. */
export type BreakerMode = 'consecutive' | 'count' | 'time';

/** Adaptive threshold settings with defaults applied. */
export interface AdaptiveSettings {
  readonly floor: number;
  /** How much one repeated trip tightens, and one stable period relaxes, the threshold. */
  readonly step: number;
  readonly tripWindowMs: number;
  readonly stablePeriodMs: number;
}

/**
 * Circuit breaker options, validated, with every default applied. The name is not part of
 * them: breakers configured alike share one settings object (see {@link internSettings}).
 */
export interface CircuitBreakerSettings {
  readonly mode: BreakerMode;
  /** Calls (count window, and consecutive mode's stats window) or seconds (time window). */
  readonly windowSize: number;
  /** Failures in a row (consecutive mode) or failure rate in percent (rate modes). */
  readonly failureThreshold: number;
  readonly minimumCalls: number;
  /** `Infinity` when no call counts as slow. */
  readonly slowCallDurationMs: number;
  readonly slowCallRateThreshold: number;
  /** Slow calls open the breaker (rate mode with `slowCallDurationMs`). */
  readonly slowCallsTrip: boolean;
  readonly recoveryTimeoutMs: number;
  readonly halfOpenMaxCalls: number;
  readonly successThreshold: number;
  /** `Infinity` when a HALF_OPEN breaker may wait for its probes forever. */
  readonly maxWaitInHalfOpenMs: number;
  readonly isFailure: (error: unknown) => boolean;
  readonly adaptive?: AdaptiveSettings;
  readonly clock: Clock;
  /** What a shared breaker's calls do while its store fails. */
  readonly onStoreFailure: StoreFailureMode;
  /**
   * Whether a call's start and end must be read from the clock whatever listens: a time
   * window, slow calls and the adaptive threshold need them. Reading the clock is a third of
   * a breaker's cost on the success path, so otherwise it is skipped.
   */
  readonly timesCalls: boolean;
}

/**
 * Validates `options` and fills in the defaults (`??`, so that 0 stays 0).
 * @throws ResilienceConfigError naming every invalid option and the values it allows.
 */
export function resolveCircuitBreakerSettings(
  options: CircuitBreakerOptions,
): CircuitBreakerSettings {
  const checker = new OptionChecker();
  checkCircuitBreakerOptions(options, checker);
  checker.throwIfInvalid();
  const window = options.slidingWindow;
  const failureThreshold = window
    ? (options.failureRateThreshold ?? DEFAULTS.failureRateThreshold)
    : (options.failureThreshold ?? DEFAULTS.failureThreshold);
  const slowCallDurationMs = options.slowCallDurationMs ?? Infinity;
  const mode = window ? window.type : 'consecutive';
  const adaptive = resolveAdaptive(options, failureThreshold, window === undefined);
  return internSettings({
    mode,
    windowSize: window
      ? (window.size ?? DEFAULTS.slidingWindowSize)
      : DEFAULTS.consecutiveModeStatsWindow,
    failureThreshold,
    minimumCalls: options.minimumCalls ?? DEFAULTS.minimumCalls,
    slowCallDurationMs,
    slowCallRateThreshold: options.slowCallRateThreshold ?? DEFAULTS.slowCallRateThreshold,
    slowCallsTrip: window !== undefined && slowCallDurationMs !== Infinity,
    recoveryTimeoutMs: options.recoveryTimeoutMs ?? DEFAULTS.recoveryTimeoutMs,
    halfOpenMaxCalls: options.halfOpenMaxCalls ?? DEFAULTS.halfOpenMaxCalls,
    successThreshold: options.successThreshold ?? DEFAULTS.successThreshold,
    maxWaitInHalfOpenMs: options.maxWaitInHalfOpenMs ?? Infinity,
    isFailure: options.isFailure ?? isTransientFailure,
    adaptive,
    clock: options.clock ?? systemClock,
    onStoreFailure: options.onStoreFailure ?? DEFAULTS.onStoreFailure,
    timesCalls: mode === 'time' || slowCallDurationMs !== Infinity || adaptive !== undefined,
  });
}

function resolveAdaptive(
  options: CircuitBreakerOptions,
  configured: number,
  countsFailures: boolean,
): AdaptiveSettings | undefined {
  if (!options.adaptive) return undefined;
  const adaptive = options.adaptive === true ? {} : options.adaptive;
  const tightenBy = adaptive.tightenBy ?? DEFAULTS.adaptive.tightenBy;
  // A consecutive-failure threshold is a count: keep it (and its steps) whole.
  const floor =
    adaptive.floor ?? (countsFailures ? Math.max(1, Math.ceil(configured / 2)) : configured / 2);
  const step = countsFailures
    ? Math.max(1, Math.round(configured * tightenBy))
    : configured * tightenBy;
  return {
    floor,
    step,
    tripWindowMs: adaptive.tripWindowMs ?? DEFAULTS.adaptive.tripWindowMs,
    stablePeriodMs: adaptive.stablePeriodMs ?? DEFAULTS.adaptive.stablePeriodMs,
  };
}
