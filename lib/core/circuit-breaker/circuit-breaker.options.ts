import type { Clock } from '../clock/clock.js';
import type { StoreFailureMode } from '../outage/index.js';

/** Which calls the breaker looks at to decide whether to open. */
export interface SlidingWindowOptions {
  /** `count`: the last `size` calls; `time`: the calls of the last `size` seconds. */
  type: 'count' | 'time';
  /** Calls (count window) or seconds (time window). Default 100. */
  size?: number;
}

/** Adaptive threshold: tighten after repeated trips, relax after stable periods. */
export interface AdaptiveThresholdOptions {
  /** Lowest failure threshold it may tighten to (percentage or consecutive count). Default: half the configured one. */
  floor?: number;
  /** How much each trip within `tripWindowMs` tightens the threshold (fraction, default 0.2). */
  tightenBy?: number;
  /** Trips closer together than this count as repeated. Default 10 minutes. */
  tripWindowMs?: number;
  /** After this long CLOSED without a trip, relax one step back towards the configured threshold. Default 10 minutes. */
  stablePeriodMs?: number;
}

/** Options of a circuit breaker (decorator, named policy, defaults or `createCircuitBreaker`). */
export interface CircuitBreakerOptions {
  /** Name used in errors, events, metrics and the registry. */
  name?: string;
  /** Consecutive mode (the default when no `slidingWindow`): failures in a row that open it. Default 5. */
  failureThreshold?: number;
  /** Rate mode: a count- or time-based sliding window. */
  slidingWindow?: SlidingWindowOptions;
  /** Rate mode: opens when the failure rate (percent, (0,100]) is at or above this. Default 50. */
  failureRateThreshold?: number;
  /** Rate mode: the rates are only judged once the window holds this many calls. Default 10. */
  minimumCalls?: number;
  /** A call slower than this counts as slow (rate mode). */
  slowCallDurationMs?: number;
  /** Opens when the slow-call rate (percent) is at or above this. Default 100. */
  slowCallRateThreshold?: number;
  /** Time OPEN before probes are let through. Default 60 000. */
  recoveryTimeoutMs?: number;
  /** Probes in flight at once in HALF_OPEN; more concurrent callers are rejected. Default 1. */
  halfOpenMaxCalls?: number;
  /** Successful probes that close it again. Default 1. */
  successThreshold?: number;
  /** A HALF_OPEN breaker with no verdict after this long reopens (a hung probe cannot keep it half-open). */
  maxWaitInHalfOpenMs?: number;
  /** Which errors count. Ignored errors release their permit and count nothing. */
  isFailure?: (error: unknown) => boolean;
  /** Tighten the threshold after repeated trips, relax it after stable periods. */
  adaptive?: boolean | AdaptiveThresholdOptions;
  /**
   * A shared breaker's calls while its store fails: `local` (default) lets this process's
   * breaker judge them, `fail-open` runs them unjudged, `fail-closed` refuses them with
   * `StoreUnavailableError`. Fixed once the breaker is built; no effect without a store.
   */
  onStoreFailure?: StoreFailureMode;
  /** Time source; tests pass a `TestClock`. */
  clock?: Clock;
}
