import type { RateLimitDecision } from './rate-limit.options.js';
import type { RateLimitRule } from './rate-limit-rule.js';

/** The per-key state every algorithm keeps. */
export interface BucketState {
  /** From this time on the state counts nothing, so a store may forget it. */
  expiresAt: number;
}

/**
 * One admission algorithm: deterministic arithmetic over a small state object and `now`.
 * It reads no clock and mutates nothing but the state it is given, so the same function
 * serves the in-memory store, the insurance copy and the tests.
 */
export interface BucketAlgorithm<S extends BucketState = BucketState> {
  /** The state of a key that has not been seen (or has been forgotten). */
  createState(rule: RateLimitRule, now: number): S;
  /**
   * Takes `cost` permits when they are all available, else none. A cost of 0 reads the
   * state without taking anything.
   */
  consume(state: S, rule: RateLimitRule, now: number, cost: number): RateLimitDecision;
}

/** A granted permit. */
export function allow(limit: number, remaining: number, resetMs: number): RateLimitDecision {
  return { allowed: true, limit, remaining, resetMs, retryAfterMs: 0 };
}

/** A refused permit, with when to try again. */
export function refuse(
  limit: number,
  remaining: number,
  resetMs: number,
  retryAfterMs: number,
): RateLimitDecision {
  return { allowed: false, limit, remaining, resetMs, retryAfterMs };
}
