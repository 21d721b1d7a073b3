import type { CleanupLevel } from '../memory/cleanable.js';
import { AnomalyPredictions } from './anomaly-predictions.js';
import { priorFor } from './calibration.js';
import { MetricHistory } from './metric-history.js';
import { PatternLearner } from './pattern-learner.js';
import { patternPrediction } from './prediction-builders.js';
import type { LearnedPattern, Prediction, RecordedFailure } from './prediction.js';
import {
  resolvePredictorSettings,
  type PredictorOptions,
  type PredictorSettings,
} from './predictor.settings.js';
import { TrendPredictions } from './trend-predictions.js';

/**
 * Predicts failures from a stream of metric samples (DESIGN §5, §5a), framework-free:
 *
 * - anomalies: each metric's short-term level against its exponentially weighted baseline;
 * - trends: a least-squares line over the trend window, projected to the metric's threshold;
 * - patterns: the anomalies that preceded recorded failures, recognised when they return.
 *
 * Every prediction is an episode that is later settled as come true or not (a failure or a
 * threshold crossing by its deadline), and its confidence is the calibrated share of earlier
 * settled episodes of the same kind, target and precursors that came true.
 *
 * @example
 * const predictor = new Predictor({ thresholds: { heapUsedPercent: 90 } });
 * for (const { at, metrics } of trace) predictor.observe(metrics, at);
 * predictor.recordFailure(['payments'], { reason: 'pool exhausted' }, failedAt);
 * const alerts = predictor.predictions().filter((p) => p.confidence >= 0.7);
 */
export class Predictor {
  readonly settings: PredictorSettings;
  private readonly history: MetricHistory;
  private readonly anomalies: AnomalyPredictions;
  private readonly trends: TrendPredictions;
  private readonly patterns: PatternLearner;
  private readonly failures: RecordedFailure[] = [];

  constructor(options: PredictorOptions = {}) {
    const settings = (this.settings = resolvePredictorSettings(options));
    const prior = priorFor(settings.alertConfidence);
    this.history = new MetricHistory(settings.maxSamplesPerMetric, settings.maxMetrics);
    this.anomalies = new AnomalyPredictions(settings, prior);
    this.trends = new TrendPredictions(settings, prior);
    this.patterns = new PatternLearner(prior, settings.maxPrecursors, settings.maxPatterns);
  }

  /** Takes one sample of any number of metrics, taken at `at` (default: now). */
  observe(metrics: Readonly<Record<string, number>>, at = this.settings.clock.now()): void {
    const { thresholds, retentionMs, precursorWindowMs } = this.settings;
    for (const { metric, since } of this.history.record(metrics, at, thresholds, retentionMs)) {
      this.trends.crossing(metric, at, since);
      this.anomalies.crossing(metric, at, since);
    }
    const recent = this.anomalies.observe(metrics, at);
    if (this.settings.patternLearningEnabled) this.patterns.observe(recent, at, precursorWindowMs);
    this.trends.observe(this.history, at);
    this.anomalies.settle(at);
    this.trends.settle(at);
    this.patterns.settle(at);
  }

  /** Records that `services` failed at `at`: an outcome for open predictions, a pattern to learn. */
  recordFailure(
    services: readonly string[],
    details: Readonly<Record<string, unknown>> = {},
    at = this.settings.clock.now(),
  ): RecordedFailure {
    const precursors = this.anomalies.recent(at).map((anomaly) => anomaly.key);
    const failure = { at, services: [...services], details, precursors };
    this.failures.push(failure);
    if (this.failures.length > this.settings.maxFailures) this.failures.shift();
    this.anomalies.failure(at);
    if (this.settings.patternLearningEnabled) this.patterns.failure(services, at);
    return failure;
  }

  /** The current predictions due at or after `at`, most confident first. */
  predictions(at = this.settings.clock.now()): Prediction[] {
    const recent = this.anomalies.recent(at);
    const predictions = [...this.anomalies.predictions(recent), ...this.trends.predictions()];
    if (this.settings.patternLearningEnabled) {
      const matches = this.patterns.matches(recent, at, this.settings.precursorWindowMs);
      predictions.push(...matches.map(patternPrediction));
    }
    return predictions
      .filter((prediction) => prediction.predictedAt >= at)
      .sort((a, b) => b.confidence - a.confidence);
  }

  /** The learned failure patterns, most confident first. */
  learnedPatterns(): LearnedPattern[] {
    return this.patterns.patterns();
  }

  /** The recorded failures (the latest `maxFailures`), oldest first. */
  recordedFailures(): readonly RecordedFailure[] {
    return this.failures;
  }

  /** How many samples are retained, across every metric. */
  get retainedSamples(): number {
    return this.history.size;
  }

  /** Every metric's retained samples from `from` on. */
  samples(from = -Infinity): Record<string, [number, number][]> {
    return this.history.snapshot(from);
  }

  /**
   * Frees memory: samples older than the trend window first; at `critical` also precursor
   * combinations never followed by a failure; at `emergency` also the failure log. Learned
   * patterns are kept. Returns how many entries were dropped.
   */
  cleanup(level: CleanupLevel, at = this.settings.clock.now()): number {
    let freed = this.history.dropBefore(at - this.settings.trendWindowMs);
    if (level === 'standard') return freed;
    freed += this.patterns.forgetUnfollowed();
    if (level === 'emergency') freed += this.failures.splice(0).length;
    return freed;
  }
}
