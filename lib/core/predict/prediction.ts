/** What a prediction is about: a metric's trend, a metric's anomaly, or a learned failure pattern. */
export type PredictionKind = 'trend' | 'anomaly' | 'pattern';

/**
 * One prediction. `confidence` is a calibrated probability (0–1) that what it predicts
 * happens by `predictedAt`, learned from the outcomes the predictor has seen:
 *
 * - `trend`: the metric `target` reaches its threshold;
 * - `anomaly`: a failure is recorded, or the metric `target` reaches its threshold;
 * - `pattern`: the service `target` fails (a failure recorded for it).
 *
 * A prediction at or above `alertConfidence` is an alert.
 */
export interface Prediction {
  /** The metric (trend, anomaly) or service (pattern) the prediction is about. */
  readonly target: string;
  readonly kind: PredictionKind;
  /** Clock time (ms) by which the predicted event is expected. */
  readonly predictedAt: number;
  /** Calibrated probability, 0–1. */
  readonly confidence: number;
  /** Plain text: what to look at or do. */
  readonly recommendation: string;
  /** The evidence: deviation, fit, precursors, and the outcome counts behind `confidence`. */
  readonly details: PredictionDetails;
}

/** The evidence behind a prediction. Sizes of deviations live here, never in `confidence`. */
export interface PredictionDetails {
  /** Earlier predictions of this kind for this target (and precursors) that were settled. */
  readonly seen: number;
  /** How many of those came true. */
  readonly cameTrue: number;
  /** Anomaly: the short-term level's distance from the baseline, in standard deviations. */
  readonly zScore?: number;
  readonly value?: number;
  readonly baseline?: number;
  readonly direction?: 'up' | 'down';
  /** Trend: the level projected to, the fitted slope per minute and the fit's r². */
  readonly threshold?: number;
  readonly slopePerMinute?: number;
  readonly r2?: number;
  /** Pattern: the anomalies (`metric:up` / `metric:down`) that preceded earlier failures. */
  readonly precursors?: readonly string[];
}

/** A learned failure pattern: precursors and how often they were followed by a failure. */
export interface LearnedPattern {
  /** The service that failed after these precursors. */
  readonly service: string;
  readonly precursors: readonly string[];
  /** Settled occurrences of the precursors (together). */
  readonly seen: number;
  /** Occurrences followed by a failure of `service` within the precursor window. */
  readonly followedByFailure: number;
  /** The calibrated probability a prediction from this pattern would carry. */
  readonly confidence: number;
}

/** A failure as recorded, with the anomalies that preceded it. */
export interface RecordedFailure {
  readonly at: number;
  readonly services: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;
  /** The anomalies seen within the precursor window before it. */
  readonly precursors: readonly string[];
}
