import type { RateLimitBackend } from './rate-limit-backend.js';
import type { RateLimitOptions } from './rate-limit.options.js';
import { RateLimiterPolicy } from './rate-limiter.policy.js';

/**
 * Creates a {@link RateLimiterPolicy}: counters in process memory, unless given a backend
 * (which the caller then owns and closes).
 *
 * @throws ResilienceConfigError naming every invalid option.
 */
export function createRateLimiter(
  options: RateLimitOptions = {},
  backend?: RateLimitBackend,
): RateLimiterPolicy {
  return new RateLimiterPolicy(options, backend);
}
