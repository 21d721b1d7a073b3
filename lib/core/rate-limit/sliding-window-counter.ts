import { allow, refuse, type BucketAlgorithm, type BucketState } from './bucket-algorithm.js';
import type { RateLimitRule } from './rate-limit-rule.js';

/** Two counters: the current aligned window and the one before it. */
export interface SlidingWindowCounterState extends BucketState {
  windowStart: number;
  current: number;
  previous: number;
}

/**
 * Sliding window, approximate: the previous window's count, weighted by how much of it
 * the sliding window still overlaps, plus the current window's count. Constant memory
 * per key. The admission test is done in integers (`previous × (W − elapsed) ≤ room × W`)
 * so that `retryAfterMs` is exact.
 */
export const slidingWindowCounter: BucketAlgorithm<SlidingWindowCounterState> = {
  createState(rule, now) {
    return { windowStart: now - (now % rule.windowMs), current: 0, previous: 0, expiresAt: now };
  },

  consume(state, rule, now, cost) {
    const { limit, windowMs } = rule;
    rollWindows(state, windowMs, now);
    const elapsed = now - state.windowStart;
    const room = limit - state.current - cost;
    if (room >= 0 && state.previous * (windowMs - elapsed) <= room * windowMs) {
      state.current += cost;
      state.expiresAt = fullyResetAt(state, windowMs, now);
      return allow(limit, remainingOf(state, limit, windowMs, elapsed), state.expiresAt - now);
    }
    const resetMs = fullyResetAt(state, windowMs, now) - now;
    const retryAfterMs = cost > limit ? windowMs : waitFor(state, rule, elapsed, room, cost);
    return refuse(limit, remainingOf(state, limit, windowMs, elapsed), resetMs, retryAfterMs);
  },
};

function rollWindows(state: SlidingWindowCounterState, windowMs: number, now: number): void {
  const passed = Math.floor((now - state.windowStart) / windowMs);
  if (passed <= 0) return;
  state.previous = passed === 1 ? state.current : 0;
  state.current = 0;
  state.windowStart += passed * windowMs;
}

function remainingOf(
  state: SlidingWindowCounterState,
  limit: number,
  windowMs: number,
  elapsed: number,
): number {
  const used = state.current + (state.previous * (windowMs - elapsed)) / windowMs;
  return Math.max(0, Math.floor(limit - used));
}

function fullyResetAt(state: SlidingWindowCounterState, windowMs: number, now: number): number {
  if (state.current > 0) return state.windowStart + 2 * windowMs;
  if (state.previous > 0) return state.windowStart + windowMs;
  return now;
}

/** The first moment `cost` fits: later in this window, or in the next one. */
function waitFor(
  state: SlidingWindowCounterState,
  rule: RateLimitRule,
  elapsed: number,
  room: number,
  cost: number,
): number {
  const windowMs = rule.windowMs;
  if (room >= 0) {
    return windowMs - Math.floor((room * windowMs) / state.previous) - elapsed;
  }
  // In the next window this window's count becomes the weighted one.
  const intoNext =
    state.current === 0
      ? 0
      : windowMs - Math.floor(((rule.limit - cost) * windowMs) / state.current);
  return windowMs - elapsed + intoNext;
}
