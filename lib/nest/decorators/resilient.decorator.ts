import type { ResilientOptions } from './decorator-options.types.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Several policies at once: every policy of a named set (`@Resilient('payments')`), or
 * inline options per kind, optionally with this method's own composition `order`.
 *
 * @example
 * ```ts
 * @Resilient({
 *   retry: { maxAttempts: 2 },
 *   timeout: 1_000, // one budget for all attempts: timeout outside retry
 *   order: ['fallback', 'timeout', 'retry', 'circuitBreaker', 'rateLimit', 'bulkhead'],
 * })
 * async lookup() { ... }
 * ```
 */
export function Resilient(nameOrOptions: string | ResilientOptions): MethodDecorator {
  return typeof nameOrOptions === 'string'
    ? setResilienceMetadata({ policySet: nameOrOptions })
    : setResilienceMetadata(nameOrOptions);
}
