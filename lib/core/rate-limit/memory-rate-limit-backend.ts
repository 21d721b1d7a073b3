import type { Clock, TimerHandle } from '../clock/clock.js';
import { systemClock } from '../clock/system-clock.js';
import type { BucketState } from './bucket-algorithm.js';
import { BUCKET_ALGORITHMS } from './bucket-algorithms.js';
import type { RateLimitBackend } from './rate-limit-backend.js';
import type { RateLimitDecision } from './rate-limit.options.js';
import type { RateLimitRule } from './rate-limit-rule.js';

/** Options of a {@link MemoryRateLimitBackend}. */
export interface MemoryRateLimitBackendOptions {
  clock?: Clock;
  /**
   * Most buckets kept; beyond it the least recently used is forgotten. Keeping the
   * recency order costs a little on every decision, so it is only kept with a cap.
   */
  maxKeys?: number;
  /** How often every bucket is checked for expiry. Default 30 000. */
  sweepIntervalMs?: number;
}

/** How many buckets one decision may check for expiry while a sweep is due. */
const SWEEP_BATCH = 16;

/**
 * Rate-limit buckets in a `Map`. Memory stays bounded without a timer per key: once a
 * bucket may have expired, each decision checks a few more buckets (a cursor walks the
 * map, dropping expired ones), and one unref'd timer, running only while buckets exist,
 * sweeps them all. Until then a decision pays one comparison for housekeeping.
 */
export class MemoryRateLimitBackend implements RateLimitBackend {
  private readonly buckets = new Map<string, BucketState>();
  private readonly clock: Clock;
  private readonly maxKeys: number;
  private readonly sweepIntervalMs: number;
  private sweepTimer: TimerHandle | undefined;
  private closed = false;
  private cursor: Iterator<[string, BucketState]> | undefined;
  /** No bucket expires before this; a lower bound, so sweeping is never skipped wrongly. */
  private sweepDueAt = Infinity;
  /**
   * The lower bound gathered by the cursor's current walk. A bucket's expiry only moves
   * later, and buckets added during the walk are visited by it, so the walk sees them all.
   */
  private nextSweepDueAt = Infinity;

  constructor(options: MemoryRateLimitBackendOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxKeys = options.maxKeys ?? Infinity;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 30_000;
  }

  /** How many buckets are held. */
  get size(): number {
    return this.buckets.size;
  }

  consume(bucketKey: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision> {
    return Promise.resolve(this.consumeNow(bucketKey, rule, cost));
  }

  consumeNow(bucketKey: string, rule: RateLimitRule, cost: number): RateLimitDecision {
    const now = this.clock.now();
    const algorithm = BUCKET_ALGORITHMS[rule.algorithm];
    let state = this.buckets.get(bucketKey);
    if (state === undefined) {
      state = algorithm.createState(rule, now);
      this.admit(bucketKey, state);
    } else if (this.maxKeys !== Infinity) {
      this.buckets.delete(bucketKey);
      this.buckets.set(bucketKey, state);
    }
    const decision = algorithm.consume(state, rule, now, cost);
    const expiresAt = state.expiresAt;
    if (expiresAt < this.sweepDueAt) this.sweepDueAt = expiresAt;
    if (now >= this.sweepDueAt) this.sweepSome(now);
    return decision;
  }

  reset(bucketKey: string): Promise<void> {
    this.buckets.delete(bucketKey);
    return Promise.resolve();
  }

  resetAll(prefix: string): Promise<void> {
    for (const key of this.buckets.keys()) {
      if (key.startsWith(prefix)) this.buckets.delete(key);
    }
    return Promise.resolve();
  }

  /** Stops the sweep timer and forgets every bucket. */
  close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer !== undefined) this.clock.clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    this.buckets.clear();
    return Promise.resolve();
  }

  /** Drops every expired bucket now. */
  sweep(): void {
    const now = this.clock.now();
    let earliest = Infinity;
    for (const [key, state] of this.buckets) {
      if (state.expiresAt <= now) this.buckets.delete(key);
      else if (state.expiresAt < earliest) earliest = state.expiresAt;
    }
    this.cursor = undefined;
    this.sweepDueAt = earliest;
  }

  private admit(bucketKey: string, state: BucketState): void {
    if (this.buckets.size >= this.maxKeys) {
      const leastRecentlyUsed = this.buckets.keys().next();
      if (!leastRecentlyUsed.done) this.buckets.delete(leastRecentlyUsed.value);
    }
    this.buckets.set(bucketKey, state);
    if (this.sweepTimer === undefined && !this.closed) this.scheduleSweep();
  }

  /** Walks the cursor a few buckets on, dropping the expired ones. */
  private sweepSome(now: number): void {
    if (this.cursor === undefined) {
      this.cursor = this.buckets.entries();
      this.nextSweepDueAt = Infinity;
    }
    for (let i = 0; i < SWEEP_BATCH; i++) {
      const next = this.cursor.next();
      if (next.done) {
        this.cursor = undefined;
        this.sweepDueAt = this.nextSweepDueAt;
        return;
      }
      const [key, state] = next.value;
      if (state.expiresAt <= now) this.buckets.delete(key);
      else if (state.expiresAt < this.nextSweepDueAt) this.nextSweepDueAt = state.expiresAt;
    }
  }

  private scheduleSweep(): void {
    const onTimer = (): void => {
      this.sweepTimer = undefined;
      this.sweep();
      if (this.buckets.size > 0 && !this.closed) this.scheduleSweep();
    };
    this.sweepTimer = this.clock.setTimeout(onTimer, this.sweepIntervalMs, { unref: true });
  }
}
