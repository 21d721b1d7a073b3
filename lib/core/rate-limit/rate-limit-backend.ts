import type { RateLimitDecision } from './rate-limit.options.js';
import type { RateLimitRule } from './rate-limit-rule.js';

/**
 * Where a limiter's counters live: in process memory, or in a store shared by several
 * processes. Each `consume` is one atomic decision (read, decide and write together), never
 * a read followed by a write, so concurrent callers cannot both take the last permit.
 * A refused permit is a resolved decision; a rejection means the store itself failed.
 * A limiter given these operations never closes them: their owner (a store) does.
 */
export interface RateLimitOperations {
  /** Takes `cost` permits from the bucket `bucketKey` under `rule`, or none. */
  consume(bucketKey: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision>;
  /**
   * The same decision, synchronously, for backends that decide in process and cannot fail;
   * a limiter uses it to skip a promise per decision.
   */
  consumeNow?(bucketKey: string, rule: RateLimitRule, cost: number): RateLimitDecision;
  /** Forgets one bucket: its next request starts afresh. */
  reset(bucketKey: string): Promise<void>;
  /** Forgets every bucket whose key starts with `prefix`. */
  resetAll(prefix: string): Promise<void>;
}

/** Rate-limit operations that can be closed by whoever created them. */
export interface RateLimitBackend extends RateLimitOperations {
  /** Stops housekeeping and releases connections. */
  close(): Promise<void>;
}

/** A backend that decides synchronously, in process. */
export type InProcessRateLimitBackend = Required<Pick<RateLimitOperations, 'consumeNow'>>;
