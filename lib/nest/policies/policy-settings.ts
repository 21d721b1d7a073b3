import type {
  BulkheadOptions,
  PolicyKind,
  RetryOptions,
  TimeoutOptions,
} from '../../core/index.js';
import type {
  CircuitBreakerDecoratorOptions,
  FallbackDecoratorOptions,
  FallbackHandler,
  RateLimitDecoratorOptions,
} from '../decorators/decorator-options.types.js';

/** The effective settings of one method, per policy kind (absent kinds are not applied). */
export interface PolicySettings {
  circuitBreaker?: CircuitBreakerDecoratorOptions;
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
  bulkhead?: BulkheadOptions;
  rateLimit?: RateLimitDecoratorOptions;
  fallback?: FallbackDecoratorOptions | FallbackHandler | string;
  /** Outermost first. */
  order: readonly PolicyKind[];
  /** The named policy each kind came from, when it came from one (shares its instance). */
  sharedNames: Partial<Record<PolicyKind, string>>;
  /**
   * Per kind, the named policy its settings follow and the method's own overrides, so a
   * runtime change of that policy can be re-applied to the live instance.
   */
  origins: Partial<Record<PolicyKind, { policy: string; overrides: object }>>;
}
