import type { Clock } from '../clock/clock.js';
import type { StoreFailureMode } from '../outage/index.js';

/**
 * How permits are counted: `sliding-window` keeps an exact log of the window's hits;
 * `sliding-window-counter` approximates it with two counters; `fixed-window` resets at
 * each window edge; `token-bucket` refills continuously up to `burst`; `adaptive` admits
 * like the counter at a limit that follows the observed success rate (AIMD).
 */
export type RateLimitAlgorithm =
  'sliding-window' | 'sliding-window-counter' | 'fixed-window' | 'token-bucket' | 'adaptive';

/** Options of a rate limiter. */
export interface RateLimitOptions {
  /** Name used in errors, events, metrics and store keys. Default `rate-limit`. */
  name?: string;
  /** Permits per window (or the bucket's steady rate per window). Default 100. */
  limit?: number;
  /** Default 60 000. */
  windowMs?: number;
  /** Default `sliding-window` (exact log). */
  algorithm?: RateLimitAlgorithm;
  /** Token bucket capacity. Default `limit`. */
  burst?: number;
  /** Token bucket refill rate. Default `limit / (windowMs / 1000)`. */
  refillPerSecond?: number;
  /** Adaptive: success rate below which the limit shrinks. Default 0.8. */
  adaptiveThreshold?: number;
  /** Adaptive: multiplier applied when unhealthy. Default 0.7. */
  backoffFactor?: number;
  /**
   * Adaptive: permits added to the limit after each healthy window (the additive increase
   * of AIMD). Default a tenth of `limit`, at least 1.
   */
  recoveryStep?: number;
  /** Adaptive: the limit never goes below this. Default 1. */
  minLimit?: number;
  /**
   * Adaptive: which errors thrown by a guarded call count as failures. Default: every
   * error except client errors (4xx other than 408/429, validation errors), which count
   * as neither success nor failure.
   */
  isFailure?: (error: unknown) => boolean;
  /**
   * In-memory store: most keys kept at once; beyond it the least recently used key is
   * forgotten. Default: no cap (expired keys are still swept).
   */
  maxKeys?: number;
  /** What to answer while the shared store fails ({@link StoreFailureMode}). Default `local`. */
  onStoreFailure?: StoreFailureMode;
  /** Time source; tests pass a `TestClock`. */
  clock?: Clock;
}

/** The outcome of asking for a permit. */
export interface RateLimitDecision {
  allowed: boolean;
  /** The limit in force (the bucket's capacity for a token bucket, the current limit when adaptive). */
  limit: number;
  /** Permits still available after this decision. */
  remaining: number;
  /** Milliseconds until the window or bucket is fully reset. */
  resetMs: number;
  /** 0 when allowed; otherwise when to try again. */
  retryAfterMs: number;
}
