import { EwmaBaseline } from './ewma-baseline.js';

/** A metric's short-term level beyond `anomalyThreshold` standard deviations of its baseline. */
export interface Anomaly {
  /** `metric:up` or `metric:down`: the precursor name patterns are made of. */
  readonly key: string;
  readonly metric: string;
  readonly direction: 'up' | 'down';
  readonly z: number;
  readonly value: number;
  readonly baseline: number;
  /** When it was last seen. */
  readonly at: number;
}

/** A level must stay beyond the threshold this many samples running to be an anomaly. */
const SUSTAINED_SAMPLES = 3;

/**
 * Scores every sample against its metric's exponentially weighted baseline; a metric whose
 * short-term level stays beyond the threshold for three samples running is anomalous (one
 * wild sample is noise, not a precursor). Remembers
 * the latest anomaly of each metric and direction for `windowMs`: the anomalies "recent"
 * at a time are the precursors a failure at that time would be credited to. Tracks at most
 * `maxMetrics` metrics (later ones are ignored) and reports the `maxRecent` latest anomalies.
 */
export class AnomalyDetector {
  private readonly baselines = new Map<string, EwmaBaseline>();
  private readonly latest = new Map<string, Anomaly>();

  constructor(
    private readonly threshold: number,
    private readonly windowMs: number,
    private readonly maxMetrics: number,
    private readonly maxRecent: number,
  ) {}

  /** Scores one sample of each metric; returns this sample's anomalies. */
  observe(metrics: Readonly<Record<string, number>>, at: number): Anomaly[] {
    const found: Anomaly[] = [];
    for (const [metric, value] of Object.entries(metrics)) {
      if (!Number.isFinite(value)) continue;
      const baseline = this.baselineOf(metric);
      const score = baseline?.update(value, this.threshold);
      if (score === undefined || score.streak < SUSTAINED_SAMPLES) continue;
      const direction = score.z > 0 ? 'up' : 'down';
      const key = `${metric}:${direction}`;
      const anomaly = {
        key,
        metric,
        direction,
        z: score.z,
        value,
        baseline: score.mean,
        at,
      } as const;
      this.latest.set(key, anomaly);
      found.push(anomaly);
    }
    return found;
  }

  /** The latest anomaly of each metric and direction seen within the window before `at`, by key. */
  recent(at: number): Anomaly[] {
    const recent: Anomaly[] = [];
    for (const [key, anomaly] of this.latest) {
      if (at - anomaly.at > this.windowMs) this.latest.delete(key);
      else if (anomaly.at <= at) recent.push(anomaly);
    }
    recent.sort((a, b) => b.at - a.at);
    return recent.slice(0, this.maxRecent).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  private baselineOf(metric: string): EwmaBaseline | undefined {
    let baseline = this.baselines.get(metric);
    if (baseline === undefined && this.baselines.size < this.maxMetrics) {
      baseline = new EwmaBaseline();
      this.baselines.set(metric, baseline);
    }
    return baseline;
  }
}
