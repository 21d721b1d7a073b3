import { ResilienceError } from './resilience.error.js';

/** The rate limiter refused a permit. */
export class RateLimitExceededError extends ResilienceError {
  constructor(
    readonly limiterName: string,
    /** When a permit is next available. */
    readonly retryAfterMs: number,
    /** The limit in force for this key. */
    readonly limit: number,
    /** Permits left (0 when refused). */
    readonly remaining: number = 0,
    /** Milliseconds until the window (or bucket) is full again. */
    readonly resetMs: number = retryAfterMs,
  ) {
    super(`Rate limit "${limiterName}" exceeded`, 'RATE_LIMITED');
  }
}
