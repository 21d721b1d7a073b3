import { allow, refuse, type BucketAlgorithm, type BucketState } from './bucket-algorithm.js';

/** Tokens left and when they were last counted. */
export interface TokenBucketState extends BucketState {
  tokens: number;
  updatedAt: number;
}

/** Refill arithmetic is in floating point; this absorbs its rounding at exact boundaries. */
const EPSILON = 1e-9;

/**
 * Token bucket: holds up to `burst` tokens, refilled continuously at `refillPerSecond`;
 * each permit takes `cost` tokens. Allows bursts up to the capacity and a steady rate after.
 */
export const tokenBucket: BucketAlgorithm<TokenBucketState> = {
  createState(rule, now) {
    return { tokens: rule.burst, updatedAt: now, expiresAt: now };
  },

  consume(state, rule, now, cost) {
    const burst = rule.burst;
    const perMs = rule.refillPerSecond / 1000;
    if (now > state.updatedAt) {
      state.tokens = Math.min(burst, state.tokens + (now - state.updatedAt) * perMs);
      state.updatedAt = now;
    } else if (state.tokens > burst) {
      state.tokens = burst; // a burst lowered by reconfigure
    }
    const allowed = state.tokens + EPSILON >= cost;
    if (allowed) state.tokens = Math.max(0, state.tokens - cost);
    const resetMs = msToRefill(burst - state.tokens, perMs);
    // Kept as long as an empty bucket takes to fill, so a busy key is not dropped and rebuilt.
    state.expiresAt = now + msToRefill(burst, perMs);
    const remaining = Math.floor(state.tokens + EPSILON);
    if (allowed) return allow(burst, remaining, resetMs);
    const retryAfterMs = cost > burst ? resetMs : msToRefill(cost - state.tokens, perMs);
    return refuse(burst, remaining, resetMs, retryAfterMs);
  },
};

/** How long `tokens` take to refill at `perMs` tokens a millisecond (the Redis store's too). */
export function msToRefill(tokens: number, perMs: number): number {
  return tokens <= EPSILON ? 0 : Math.ceil(tokens / perMs - EPSILON);
}
