import type { BetaPrior } from './calibration.js';
import { EpisodeLedger } from './episode-ledger.js';
import type { MetricHistory } from './metric-history.js';
import { trendPrediction } from './prediction-builders.js';
import type { Prediction } from './prediction.js';
import type { PredictorSettings } from './predictor.settings.js';
import { forecastCrossing, type TrendForecast } from './trend-forecast.js';

const HIT = 'hit';

/**
 * Trend predictions: a metric with a threshold whose fitted line reaches it within the
 * prediction window. Each metric has its own tally of how often such a forecast was
 * followed by the crossing by its latest predicted time.
 */
export class TrendPredictions {
  private readonly ledger: EpisodeLedger;
  private readonly forecasts = new Map<string, TrendForecast>();

  constructor(
    private readonly settings: PredictorSettings,
    prior: BetaPrior,
  ) {
    this.ledger = new EpisodeLedger(prior, settings.maxMetrics);
  }

  /** Refits every metric that has a threshold, as of `at`. */
  observe(history: MetricHistory, at: number): void {
    const { thresholds, trendWindowMs, predictionWindowMs } = this.settings;
    this.forecasts.clear();
    for (const [metric, threshold] of Object.entries(thresholds)) {
      const series = history.get(metric);
      if (series === undefined) continue;
      const forecast = forecastCrossing(
        metric,
        series,
        threshold,
        at,
        trendWindowMs,
        predictionWindowMs,
      );
      if (forecast === undefined) continue;
      this.forecasts.set(metric, forecast);
      this.ledger.touch(metric, at, forecast.crossingAt);
    }
  }

  /** `metric` reached its threshold at `at`: its open trend prediction came true. */
  crossing(metric: string, at: number, since: number): void {
    this.ledger.occurred(HIT, at, (episode) => episode.key === metric, since);
  }

  settle(now: number): void {
    this.ledger.settle(now);
  }

  predictions(): Prediction[] {
    return [...this.forecasts.values()].map((forecast) =>
      trendPrediction(forecast, this.ledger.confidence(forecast.metric, HIT)),
    );
  }
}
