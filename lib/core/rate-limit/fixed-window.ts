import { allow, refuse, type BucketAlgorithm, type BucketState } from './bucket-algorithm.js';

/** A count per window; windows are aligned to multiples of `windowMs`. */
export interface FixedWindowState extends BucketState {
  /** Permits taken in the window that ends at `expiresAt`. */
  count: number;
}

/**
 * Fixed window: at most `limit` permits between two window edges. Cheap, but a client can
 * spend a full window just before an edge and another just after it.
 */
export const fixedWindow: BucketAlgorithm<FixedWindowState> = {
  createState(rule, now) {
    return { count: 0, expiresAt: windowEndAfter(now, rule.windowMs) };
  },

  consume(state, rule, now, cost) {
    if (now >= state.expiresAt) {
      state.count = 0;
      state.expiresAt = windowEndAfter(now, rule.windowMs);
    }
    const limit = rule.limit;
    const resetMs = state.expiresAt - now;
    if (state.count + cost > limit) {
      // A limit lowered by reconfigure may leave more taken than it allows: none remain.
      return refuse(limit, Math.max(0, limit - state.count), resetMs, resetMs);
    }
    state.count += cost;
    return allow(limit, limit - state.count, resetMs);
  },
};

function windowEndAfter(now: number, windowMs: number): number {
  return now - (now % windowMs) + windowMs;
}
