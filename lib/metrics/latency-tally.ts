import type { SeriesLabels } from './count-tally.js';

/**
 * One histogram series kept as plain numbers: per-bucket counts (not cumulative), the sum
 * in seconds and the count. Observing allocates nothing.
 */
export class LatencyTally {
  readonly buckets: number[];
  count = 0;
  sum = 0;

  constructor(
    readonly labels: SeriesLabels,
    readonly bounds: readonly number[],
  ) {
    this.buckets = bounds.map(() => 0);
  }

  /** Records one duration in seconds. */
  observe(seconds: number): void {
    this.count++;
    this.sum += seconds;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        this.buckets[i]++;
        return;
      }
    }
  }

  reset(): void {
    this.buckets.fill(0);
    this.count = 0;
    this.sum = 0;
  }
}

/**
 * The smallest bucket bound (in ms) under which `quantile` (0–1) of the observations fall,
 * from per-bucket counts; `null` without observations, `Infinity` above the last bound.
 */
export function quantileOfBuckets(
  bounds: readonly number[],
  buckets: readonly number[],
  count: number,
  quantile: number,
): number | null {
  if (count <= 0) return null;
  const target = Math.ceil(count * quantile);
  let seen = 0;
  for (let i = 0; i < bounds.length; i++) {
    seen += buckets[i];
    if (seen >= target) return bounds[i] * 1000;
  }
  return Number.POSITIVE_INFINITY;
}
