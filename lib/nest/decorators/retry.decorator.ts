import type { RetryOptions } from '../../core/index.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Retries the method on transient failures with backoff.
 *
 * @example
 * ```ts
 * @Retry({ maxAttempts: 3, backoff: 'exponential', baseDelayMs: 200 })
 * async fetchRates() { ... }
 * ```
 */
export function Retry(nameOrOptions: string | Omit<RetryOptions, 'clock'> = {}): MethodDecorator {
  return setResilienceMetadata({ retry: nameOrOptions });
}
