import { MetricSeries } from './metric-series.js';

/** A metric seen at its threshold, having been below it at `since`. */
export interface Crossing {
  readonly metric: string;
  readonly since: number;
}

/**
 * The retained samples of every metric (at most `maxMetrics` metrics, `capacity` samples
 * each), and the threshold crossings they show.
 */
export class MetricHistory {
  private readonly series = new Map<string, MetricSeries>();

  constructor(
    private readonly capacity: number,
    private readonly maxMetrics: number,
  ) {}

  /**
   * Adds one sample per metric and drops those older than `retentionMs`. Returns the metrics
   * that reached their threshold with this sample (below it before, at or above it now),
   * with the time of the sample before, since when the crossing may have happened.
   */
  record(
    metrics: Readonly<Record<string, number>>,
    at: number,
    thresholds: Readonly<Record<string, number>>,
    retentionMs: number,
  ): Crossing[] {
    const crossed: Crossing[] = [];
    for (const [metric, value] of Object.entries(metrics)) {
      if (!Number.isFinite(value)) continue;
      const series = this.seriesOf(metric);
      if (series === undefined) continue;
      const [previous, since] = [series.last, series.lastAt];
      const threshold = thresholds[metric];
      if (previous !== undefined && previous < threshold && value >= threshold) {
        crossed.push({ metric, since: since ?? at });
      }
      series.push(at, value);
      series.dropBefore(at - retentionMs);
    }
    return crossed;
  }

  /** Samples held, across every metric. */
  get size(): number {
    let size = 0;
    for (const series of this.series.values()) size += series.size;
    return size;
  }

  get(metric: string): MetricSeries | undefined {
    return this.series.get(metric);
  }

  /** Every metric's samples from `from` on, oldest first. */
  snapshot(from: number): Record<string, [number, number][]> {
    const snapshot: Record<string, [number, number][]> = {};
    for (const [metric, series] of this.series) {
      const points: [number, number][] = [];
      series.forEachSince(from, (at, value) => points.push([at, value]));
      snapshot[metric] = points;
    }
    return snapshot;
  }

  /** Drops every sample taken before `at`, and metrics with none left; returns how many samples. */
  dropBefore(at: number): number {
    let dropped = 0;
    for (const [metric, series] of this.series) {
      dropped += series.dropBefore(at);
      if (series.size === 0) this.series.delete(metric);
    }
    return dropped;
  }

  private seriesOf(metric: string): MetricSeries | undefined {
    let series = this.series.get(metric);
    if (series === undefined && this.series.size < this.maxMetrics) {
      series = new MetricSeries(this.capacity);
      this.series.set(metric, series);
    }
    return series;
  }
}
