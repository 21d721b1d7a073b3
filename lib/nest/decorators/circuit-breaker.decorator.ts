import type { CircuitBreakerDecoratorOptions } from './decorator-options.types.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Protects the method with a circuit breaker: the named policy of `forRoot({ policies })`,
 * or inline options (consecutive failures by default, or a sliding window).
 *
 * @example
 * ```ts
 * @CircuitBreaker({ failureThreshold: 5, recoveryTimeoutMs: 30_000 })
 * async charge(order: Order) { ... }
 * ```
 */
export function CircuitBreaker(
  nameOrOptions: string | CircuitBreakerDecoratorOptions = {},
): MethodDecorator {
  return setResilienceMetadata({ circuitBreaker: nameOrOptions });
}
