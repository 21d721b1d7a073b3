import { systemClock, type Clock } from '../clock/index.js';

/** Settings of a {@link Predictor}; every field has a default. */
export interface PredictorOptions {
  /** A metric's short-term level this many standard deviations from its baseline is an anomaly. Default 2. */
  anomalyThreshold?: number;
  /** Anomalies within this window before a failure are its precursors; anomaly and pattern predictions reach this far. Default 600 000. */
  precursorWindowMs?: number;
  /** Trends are fitted to the samples of this window. Default 1 800 000. */
  trendWindowMs?: number;
  /** Trends are projected this far ahead. Default 7 200 000 (2 h). */
  predictionWindowMs?: number;
  /** Samples older than this are dropped. Default 21 600 000 (6 h). */
  retentionMs?: number;
  /** Samples kept per metric at most. Default 720. */
  maxSamplesPerMetric?: number;
  /** Learn which anomalies precede failures and predict from them. Default true. */
  patternLearningEnabled?: boolean;
  /** A prediction at or above this is an alert; new predictions start well below it. Default 0.7. */
  alertConfidence?: number;
  /** Per metric, the upper limit its trend is projected to. */
  thresholds?: Readonly<Record<string, number>>;
  clock?: Clock;
}

/** {@link PredictorOptions} with defaults applied, plus the internal bounds. */
export type PredictorSettings = Required<PredictorOptions> & {
  readonly maxMetrics: number;
  readonly maxRecentAnomalies: number;
  readonly maxPrecursors: number;
  readonly maxPatterns: number;
  readonly maxFailures: number;
};

/** Applies the defaults. */
export function resolvePredictorSettings(options: PredictorOptions = {}): PredictorSettings {
  return {
    anomalyThreshold: options.anomalyThreshold ?? 2,
    precursorWindowMs: options.precursorWindowMs ?? 600_000,
    trendWindowMs: options.trendWindowMs ?? 1_800_000,
    predictionWindowMs: options.predictionWindowMs ?? 7_200_000,
    retentionMs: options.retentionMs ?? 21_600_000,
    maxSamplesPerMetric: options.maxSamplesPerMetric ?? 720,
    patternLearningEnabled: options.patternLearningEnabled ?? true,
    alertConfidence: options.alertConfidence ?? 0.7,
    thresholds: options.thresholds ?? {},
    clock: options.clock ?? systemClock,
    maxMetrics: 500,
    maxRecentAnomalies: 12,
    maxPrecursors: 3,
    maxPatterns: 5_000,
    maxFailures: 100,
  };
}
