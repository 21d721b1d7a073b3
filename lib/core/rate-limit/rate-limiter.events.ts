import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { StoreFailureMode } from '../outage/index.js';
import type { RateLimitAlgorithm, RateLimitDecision } from './rate-limit.options.js';
import type { EffectiveRateLimitOptions } from './reconfigure-rate-limiter.js';

/** Events of a {@link RateLimiterPolicy}. Payloads are only built when someone listens. */
export interface RateLimiterEvents {
  /** `reconfigure` applied a new rule. */
  reconfigured: ReconfiguredEvent<EffectiveRateLimitOptions>;
  /** A permit was granted. */
  allowed: { name: string; key: string; decision: RateLimitDecision };
  /** A permit was refused. */
  limited: { name: string; key: string; decision: RateLimitDecision };
  /** The store failed; emitted once per outage, however many calls it affects. */
  storeFailure: { name: string; mode: StoreFailureMode; error: unknown };
  /** The store answered again after an outage. */
  storeRecovered: { name: string };
  /** The adaptive limit changed (whole permits per window). */
  limitChanged: { name: string; from: number; to: number };
}

/** Counters of a {@link RateLimiterPolicy} since it was created. */
export interface RateLimiterStats {
  name: string;
  algorithm: RateLimitAlgorithm;
  /** Permits granted. */
  allowed: number;
  /** Permits refused. */
  limited: number;
  /** The limit in force now: the adaptive limit, the bucket capacity, or `limit`. */
  effectiveLimit: number;
  /**
   * Adaptive: the share of guarded calls that succeeded in the current window, 0–1;
   * `null` before any outcome, and for the other algorithms (which observe none).
   */
  successRate: number | null;
}
