import { LineFitter, slopeSignificance } from './linear-fit.js';
import type { MetricSeries } from './metric-series.js';

/** A metric projected to reach its threshold within the horizon. */
export interface TrendForecast {
  readonly metric: string;
  readonly threshold: number;
  /** When the fitted line reaches the threshold. */
  readonly crossingAt: number;
  /** The fitted value now. */
  readonly value: number;
  readonly slopePerMinute: number;
  readonly r2: number;
}

/** Fewer samples than this in the window make no forecast. */
const MIN_POINTS = 5;
/** A slope fewer standard errors than this from zero makes no forecast. */
const MIN_SIGNIFICANCE = 3;
const MINUTE_MS = 60_000;

/**
 * Fits a least-squares line to the samples of the last `windowMs` since the metric was last
 * at or above `threshold` (an upper limit), and projects it to the threshold. Forecasts only
 * a metric below its threshold, rising steadily (the fit spans a quarter of the window and
 * its slope is three standard errors above zero), whose line reaches it within `horizonMs`.
 */
export function forecastCrossing(
  metric: string,
  series: MetricSeries,
  threshold: number,
  at: number,
  windowMs: number,
  horizonMs: number,
): TrendForecast | undefined {
  let fitter = new LineFitter(at);
  series.forEachSince(at - windowMs, (time, value) => {
    // The approach to the threshold starts afresh after each visit above it (a restart, a purge).
    if (value >= threshold) fitter = new LineFitter(at);
    else if (time <= at) fitter.add(time, value);
  });
  const fit = fitter.fit();
  if (fit === undefined || fit.points < MIN_POINTS || fit.slope <= 0) return undefined;
  // Only a sustained rise makes a forecast; how often forecasts come true is what sets confidence.
  if (fit.spanMs < windowMs / 4 || slopeSignificance(fit) < MIN_SIGNIFICANCE) return undefined;
  const value = fit.intercept;
  if ((series.last ?? -Infinity) >= threshold) return undefined;
  // A line already past the threshold while the last sample is not: the crossing is imminent.
  const msToCrossing = Math.max(0, (threshold - value) / fit.slope);
  if (msToCrossing > horizonMs) return undefined;
  return {
    metric,
    threshold,
    crossingAt: at + msToCrossing,
    value,
    slopePerMinute: fit.slope * MINUTE_MS,
    r2: fit.r2,
  };
}
