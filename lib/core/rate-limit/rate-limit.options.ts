import type { Clock } from '../clock/clock.js';

export type RateLimitAlgorithm =
  | 'sliding-window'
  | 'sliding-window-counter'
  | 'fixed-window'
  | 'token-bucket'
  | 'adaptive';

/** What a shared-store outage means for this limiter. */
export type StoreFailureMode = 'fail-open' | 'fail-closed' | 'local';

/** Options of a rate limiter. */
export interface RateLimitOptions {
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
  /** Adaptive: multiplier applied while healthy. Default 1.2. */
  recoveryFactor?: number;
  /** Adaptive: the limit never goes below this. Default 1. */
  minLimit?: number;
  onStoreFailure?: StoreFailureMode;
  clock?: Clock;
}

/** The outcome of asking for a permit. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window or bucket is fully reset. */
  resetMs: number;
  /** 0 when allowed; otherwise when to try again. */
  retryAfterMs: number;
}
