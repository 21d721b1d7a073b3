import type { RateLimitDecision } from '../core/rate-limit/index.js';

/** Anything that hands out permits by key, like a `RateLimiterPolicy`. */
export interface DrainableLimiter {
  consume(key?: string, cost?: number): Promise<RateLimitDecision>;
}

/** A limiter that still allows after this many rounds never limits (e.g. failing open). */
const MAX_ROUNDS = 1_000;

/**
 * Takes every permit `key` has left, so that its next request is limited; returns how
 * many it took. For tests of code that must behave well when rate limited.
 *
 * @example
 * await drainLimiter(limiter, 'user-1');
 * await expect(service.search('user-1')).rejects.toBeInstanceOf(RateLimitExceededError);
 */
export async function drainLimiter(limiter: DrainableLimiter, key = 'default'): Promise<number> {
  let taken = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const first = await limiter.consume(key, 1);
    if (!first.allowed) return taken;
    taken += 1;
    // Take the rest in one request, then check again (a bucket may refill meanwhile).
    if (first.remaining > 0 && (await limiter.consume(key, first.remaining)).allowed) {
      taken += first.remaining;
    }
  }
  throw new Error(`drainLimiter: the limiter still allowed key '${key}' after ${taken} permits`);
}
