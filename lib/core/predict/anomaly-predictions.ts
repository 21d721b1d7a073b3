import { AnomalyDetector, type Anomaly } from './anomaly-detector.js';
import type { BetaPrior } from './calibration.js';
import { EpisodeLedger } from './episode-ledger.js';
import { anomalyPrediction } from './prediction-builders.js';
import type { Prediction } from './prediction.js';
import type { PredictorSettings } from './predictor.settings.js';

const HIT = 'hit';
const metricOf = (key: string) => key.slice(0, key.lastIndexOf(':'));

/**
 * Anomaly predictions: while a metric is anomalous (and for the precursor window after),
 * a failure, or the metric reaching its threshold, may follow. Each metric and direction
 * has its own tally of how often that came true.
 */
export class AnomalyPredictions {
  private readonly detector: AnomalyDetector;
  private readonly ledger: EpisodeLedger;
  private readonly windowMs: number;

  constructor(settings: PredictorSettings, prior: BetaPrior) {
    this.windowMs = settings.precursorWindowMs;
    this.detector = new AnomalyDetector(
      settings.anomalyThreshold,
      settings.precursorWindowMs,
      settings.maxMetrics,
      settings.maxRecentAnomalies,
    );
    this.ledger = new EpisodeLedger(prior, settings.maxMetrics * 2);
  }

  /** Scores the sample and returns the recent anomalies (this sample's included). */
  observe(metrics: Readonly<Record<string, number>>, at: number): Anomaly[] {
    this.detector.observe(metrics, at);
    const recent = this.detector.recent(at);
    for (const anomaly of recent) this.ledger.touch(anomaly.key, at, anomaly.at + this.windowMs);
    return recent;
  }

  recent(at: number): Anomaly[] {
    return this.detector.recent(at);
  }

  /** A failure at `at`: every open anomaly prediction came true. */
  failure(at: number): void {
    this.ledger.occurred(HIT, at);
  }

  /** `metric` reached its threshold at `at`: its open anomaly predictions came true. */
  crossing(metric: string, at: number, since: number): void {
    this.ledger.occurred(HIT, at, (episode) => metricOf(episode.key) === metric, since);
  }

  settle(now: number): void {
    this.ledger.settle(now);
  }

  predictions(recent: readonly Anomaly[]): Prediction[] {
    const predictions: Prediction[] = [];
    for (const anomaly of recent) {
      const episode = this.ledger.find(anomaly.key);
      if (episode?.outcomes.has(HIT)) continue;
      const due = episode?.deadline ?? anomaly.at + this.windowMs;
      predictions.push(anomalyPrediction(anomaly, due, this.ledger.confidence(anomaly.key, HIT)));
    }
    return predictions;
  }
}
