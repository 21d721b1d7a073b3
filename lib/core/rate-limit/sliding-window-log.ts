import { allow, refuse, type BucketAlgorithm, type BucketState } from './bucket-algorithm.js';

/** The times of the permits still inside the window, oldest first, in a ring. */
export interface SlidingWindowLogState extends BucketState {
  /** The ring: `count` entries from `head` on, wrapping at its length. */
  times: number[];
  /** Where the oldest live entry is. */
  head: number;
  /** How many entries are inside the window. */
  count: number;
}

/** The ring's size on a key's first permit; it doubles as needed, up to the limit. */
const FIRST_CAPACITY = 4;

/**
 * Sliding window, exact: a permit taken at `t` counts until `t + windowMs`. The log holds
 * at most `limit` live entries, so its size is bounded by the limit, not by the traffic.
 * It is a ring: entries leave by moving `head`, so a busy key copies nothing and leaves no
 * garbage per permit (an array compacted with `splice` did both).
 */
export const slidingWindowLog: BucketAlgorithm<SlidingWindowLogState> = {
  createState(_rule, now) {
    return { times: [], head: 0, count: 0, expiresAt: now };
  },

  consume(state, rule, now, cost) {
    const { limit, windowMs } = rule;
    dropExpired(state, now - windowMs);
    const count = state.count;
    const resetMs = count === 0 ? 0 : entryAt(state, count - 1) + windowMs - now;
    if (count + cost > limit) {
      // The request fits once the oldest `count + cost - limit` entries have left.
      const retryAfterMs =
        cost > limit ? windowMs : entryAt(state, count + cost - limit - 1) + windowMs - now;
      // A limit lowered by reconfigure may leave more entries than it allows: none remain.
      return refuse(limit, Math.max(0, limit - count), resetMs, retryAfterMs);
    }
    if (cost === 0) return allow(limit, limit - count, resetMs);
    append(state, now, cost, limit);
    state.expiresAt = now + windowMs;
    return allow(limit, limit - count - cost, windowMs);
  },
};

/** The `index`-th oldest live entry. */
function entryAt(state: SlidingWindowLogState, index: number): number {
  const times = state.times;
  return times[(state.head + index) % times.length];
}

/** Lets the entries at or before `cutoff` leave the window. */
function dropExpired(state: SlidingWindowLogState, cutoff: number): void {
  const times = state.times;
  let { head, count } = state;
  while (count > 0 && times[head] <= cutoff) {
    head = head + 1 === times.length ? 0 : head + 1;
    count--;
  }
  state.head = count === 0 ? 0 : head;
  state.count = count;
}

function append(state: SlidingWindowLogState, now: number, cost: number, limit: number): void {
  if (state.count + cost > state.times.length) grow(state, state.count + cost, limit);
  const times = state.times;
  for (let i = 0; i < cost; i++) times[(state.head + state.count + i) % times.length] = now;
  state.count += cost;
}

/**
 * Moves the live entries, oldest first, into a ring of at least `needed`, at most `limit`
 * (`consume` appends only what the limit allows, so `needed` never exceeds it).
 */
function grow(state: SlidingWindowLogState, needed: number, limit: number): void {
  let capacity = Math.max(FIRST_CAPACITY, state.times.length * 2);
  while (capacity < needed) capacity *= 2;
  capacity = Math.min(capacity, limit);
  const times: number[] = [];
  for (let i = 0; i < state.count; i++) times.push(entryAt(state, i));
  while (times.length < capacity) times.push(0);
  state.times = times;
  state.head = 0;
}
