import type { PredictorOptions } from '../core/predict/index.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';

const HOUR_MS = 3_600_000;
const MAX_SAMPLES = 10_000;

/** The core predictor's settings from the module's `predictive` options. */
export function predictorOptionsFrom({ predictive }: ResolvedResilienceOptions): PredictorOptions {
  const retentionMs = predictive.retentionHours * HOUR_MS;
  const samples = Math.ceil(retentionMs / predictive.sampleIntervalMs);
  return {
    anomalyThreshold: predictive.anomalyThreshold,
    precursorWindowMs: predictive.precursorWindowMs,
    trendWindowMs: predictive.trendWindowMs,
    predictionWindowMs: predictive.predictionWindowHours * HOUR_MS,
    retentionMs,
    maxSamplesPerMetric: Math.min(MAX_SAMPLES, Math.max(10, samples)),
    patternLearningEnabled: predictive.patternLearningEnabled,
    alertConfidence: predictive.alertConfidence,
    thresholds: predictive.thresholds,
  };
}
