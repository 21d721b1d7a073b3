import { allow, refuse, type BucketAlgorithm, type BucketState } from './bucket-algorithm.js';

/** The times of the permits still inside the window, oldest first, from `head` on. */
export interface SlidingWindowLogState extends BucketState {
  times: number[];
  /** Index of the oldest live entry; the entries before it have left the window. */
  head: number;
}

/** Below this many dead entries the log is not compacted (copying costs more than it saves). */
const COMPACT_AFTER = 16;

/**
 * Sliding window, exact: a permit taken at `t` counts until `t + windowMs`. The log holds
 * at most `limit` live entries, so its size is bounded by the limit, not by the traffic.
 */
export const slidingWindowLog: BucketAlgorithm<SlidingWindowLogState> = {
  createState(_rule, now) {
    return { times: [], head: 0, expiresAt: now };
  },

  consume(state, rule, now, cost) {
    const { limit, windowMs } = rule;
    const times = state.times;
    const head = dropExpired(state, now - windowMs);
    const count = times.length - head;
    const resetMs = count === 0 ? 0 : times[times.length - 1] + windowMs - now;
    if (count + cost > limit) {
      // The request fits once the oldest `count + cost - limit` entries have left.
      const retryAfterMs =
        cost > limit ? windowMs : times[head + count + cost - limit - 1] + windowMs - now;
      // A limit lowered by reconfigure may leave more entries than it allows: none remain.
      return refuse(limit, Math.max(0, limit - count), resetMs, retryAfterMs);
    }
    if (cost === 0) return allow(limit, limit - count, resetMs);
    for (let i = 0; i < cost; i++) times.push(now);
    state.expiresAt = now + windowMs;
    return allow(limit, limit - count - cost, windowMs);
  },
};

/** Moves `head` past the entries at or before `cutoff`; returns the new head. */
function dropExpired(state: SlidingWindowLogState, cutoff: number): number {
  const times = state.times;
  let head = state.head;
  while (head < times.length && times[head] <= cutoff) head++;
  if (head === times.length) {
    times.length = 0;
    head = 0;
  } else if (head >= COMPACT_AFTER && head * 2 >= times.length) {
    times.splice(0, head);
    head = 0;
  }
  state.head = head;
  return head;
}
