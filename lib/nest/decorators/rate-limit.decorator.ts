import type { RateLimitDecoratorOptions } from './decorator-options.types.js';
import { setResilienceMetadata } from './set-resilience-metadata.js';

/**
 * Limits how often the method runs; beyond the limit it rejects with
 * `RateLimitExceededError` (429 with `Retry-After` and `RateLimit-*` headers on a controller).
 *
 * @example
 * ```ts
 * @RateLimit({ limit: 10, windowMs: 60_000, algorithm: 'token-bucket' })
 * @Post('login')
 * login() { ... }
 * ```
 */
export function RateLimit(nameOrOptions: string | RateLimitDecoratorOptions = {}): MethodDecorator {
  return setResilienceMetadata({ rateLimit: nameOrOptions });
}
