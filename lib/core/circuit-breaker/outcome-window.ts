/**
 * The recent outcomes a breaker judges. Totals are kept up to date on every record
 * (subtract-on-evict), so reading them is O(1) and memory is O(window size).
 */
export interface OutcomeWindow {
  /** Calls in the window (as of the last `record` or `expire`). */
  readonly calls: number;
  readonly failures: number;
  readonly slowCalls: number;
  /** Adds one outcome observed at `now`, evicting what fell out of the window. */
  record(failed: boolean, slow: boolean, now: number): void;
  /** Evicts what fell out of the window by `now` (time windows; a no-op for count windows). */
  expire(now: number): void;
  /** Empties the window. */
  clear(): void;
}
