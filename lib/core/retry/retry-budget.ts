import type { Clock } from '../clock/clock.js';

const BUCKETS = 10;

/** A budget's settings with defaults applied. */
export interface RetryBudgetSettings {
  readonly ratio: number;
  readonly minRetriesPerWindow: number;
  readonly windowMs: number;
}

/**
 * Allows at most `minRetriesPerWindow + ratio × calls` retries within the last `windowMs`,
 * so that when a dependency fails for everyone, retries cannot multiply the load on it.
 * Calls and retries are counted in ten buckets of `windowMs / 10`: memory is constant
 * however many calls are made, and the window slides by one bucket at a time.
 */
export class RetryBudget {
  private readonly calls = new Array<number>(BUCKETS).fill(0);
  private readonly retries = new Array<number>(BUCKETS).fill(0);
  private readonly bucketMs: number;
  private currentBucket: number;
  private current: RetryBudgetSettings;

  constructor(
    settings: RetryBudgetSettings,
    private readonly clock: Clock,
  ) {
    this.current = settings;
    this.bucketMs = settings.windowMs / BUCKETS;
    this.currentBucket = this.bucketAt(clock.now());
  }

  get settings(): RetryBudgetSettings {
    return this.current;
  }

  /**
   * Takes a new `ratio` and `minRetriesPerWindow`, keeping what the window has counted. A
   * different `windowMs` cannot reuse the counts: then it changes nothing and returns false.
   */
  adopt(settings: RetryBudgetSettings): boolean {
    if (settings.windowMs !== this.current.windowMs) return false;
    this.current = settings;
    return true;
  }

  /** Counts one call (a first attempt). */
  recordCall(): void {
    this.calls[this.slot()]++;
  }

  /** Takes one retry from the budget; false when the budget is spent. */
  tryRetry(): boolean {
    const slot = this.slot();
    const allowed = this.current.minRetriesPerWindow + this.current.ratio * sum(this.calls);
    if (sum(this.retries) + 1 > allowed) return false;
    this.retries[slot]++;
    return true;
  }

  /** Calls and retries within the current window. */
  snapshot(): { calls: number; retries: number } {
    this.slot();
    return { calls: sum(this.calls), retries: sum(this.retries) };
  }

  /** Clears the buckets the clock has moved past and returns the current one's index. */
  private slot(): number {
    const bucket = this.bucketAt(this.clock.now());
    const passed = Math.min(bucket - this.currentBucket, BUCKETS);
    for (let step = 1; step <= passed; step++) {
      const index = indexOf(this.currentBucket + step);
      this.calls[index] = 0;
      this.retries[index] = 0;
    }
    if (bucket > this.currentBucket) this.currentBucket = bucket;
    return indexOf(this.currentBucket);
  }

  private bucketAt(time: number): number {
    return Math.floor(time / this.bucketMs);
  }
}

function indexOf(bucket: number): number {
  return ((bucket % BUCKETS) + BUCKETS) % BUCKETS;
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
