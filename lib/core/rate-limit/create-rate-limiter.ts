import type { RateLimitOperations } from './rate-limit-backend.js';
import type { RateLimitOptions } from './rate-limit.options.js';
import { RateLimiterPolicy } from './rate-limiter.policy.js';

/**
 * Creates a {@link RateLimiterPolicy}: counters in process memory, unless given a backend
 * (a store's `rateLimits`, which the store's owner closes).
 *
 * @throws ResilienceConfigError naming every invalid option.
 */
export function createRateLimiter(
  options: RateLimitOptions = {},
  backend?: RateLimitOperations,
): RateLimiterPolicy {
  return new RateLimiterPolicy(options, backend);
}
