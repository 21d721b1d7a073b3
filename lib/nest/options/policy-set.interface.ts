import type { BulkheadOptions } from '../../core/bulkhead/bulkhead.options.js';
import type { CircuitBreakerOptions } from '../../core/circuit-breaker/circuit-breaker.options.js';
import type { FallbackOptions } from '../../core/fallback/fallback.options.js';
import type { RateLimitOptions } from '../../core/rate-limit/rate-limit.options.js';
import type { RetryOptions } from '../../core/retry/retry.options.js';
import type { TimeoutOptions } from '../../core/timeout/timeout.options.js';
import type {
  CircuitBreakerDecoratorOptions,
  RateLimitDecoratorOptions,
} from '../decorators/decorator-options.types.js';

/** The module supplies the clock, so module-level policy options never carry one. */
type WithoutClock<T> = Omit<T, 'clock'>;

/** Timeout options where `ms` may be left to `defaults.timeout`. */
export type PartialTimeoutOptions = Partial<WithoutClock<TimeoutOptions>>;

/**
 * Options of one named policy (`policies.<name>`) or of the module-wide `defaults`: one
 * options object per policy kind, the same shapes the decorators take (DESIGN §4a).
 */
export interface PolicySet {
  /** Circuit breaker options (`@CircuitBreaker`). */
  circuitBreaker?: CircuitBreakerDecoratorOptions;
  /** Retry options (`@Retry`). */
  retry?: WithoutClock<RetryOptions>;
  /** Timeout in milliseconds, or `{ ms }`; `ms` may be left to `defaults.timeout`. */
  timeout?: number | PartialTimeoutOptions;
  /** Rate limit options (`@RateLimit`). */
  rateLimit?: RateLimitDecoratorOptions;
  /** Bulkhead options (`@Bulkhead`). */
  bulkhead?: BulkheadOptions;
  /** Fallback options (`@Fallback`). */
  fallback?: WithoutClock<FallbackOptions>;
}

/** A named policy after resolution: a timeout shorthand has become `{ ms }`. */
export type ResolvedPolicySet = Omit<PolicySet, 'timeout'> & { timeout?: PartialTimeoutOptions };

/** The module-wide `defaults` after resolution: every setting with a built-in default is set. */
export type ResolvedPolicyDefaults = {
  circuitBreaker: CircuitBreakerDecoratorOptions &
    Required<
      Pick<CircuitBreakerOptions, 'recoveryTimeoutMs' | 'halfOpenMaxCalls' | 'successThreshold'>
    >;
  retry: WithoutClock<RetryOptions> &
    Required<
      Pick<
        RetryOptions,
        'maxAttempts' | 'backoff' | 'baseDelayMs' | 'maxDelayMs' | 'multiplier' | 'jitter'
      >
    >;
  timeout: WithoutClock<TimeoutOptions>;
  rateLimit: RateLimitDecoratorOptions &
    Required<Pick<RateLimitOptions, 'limit' | 'windowMs' | 'algorithm' | 'onStoreFailure'>>;
  bulkhead: Required<BulkheadOptions>;
  fallback: WithoutClock<FallbackOptions>;
};
