import type { Anomaly } from './anomaly-detector.js';
import type { PatternMatch } from './pattern-learner.js';
import type { Prediction } from './prediction.js';
import type { TrendForecast } from './trend-forecast.js';

/** The calibrated confidence of a prediction and the settled outcomes behind it. */
export interface Evidence {
  readonly confidence: number;
  readonly seen: number;
  readonly cameTrue: number;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const track = ({ seen, cameTrue }: Evidence) =>
  seen === 0
    ? 'not seen before, so not yet trusted'
    : `came true ${cameTrue} of ${seen} times before`;

/** A metric's anomaly: a failure, or the metric reaching its threshold, may follow. */
export function anomalyPrediction(
  anomaly: Anomaly,
  predictedAt: number,
  evidence: Evidence,
): Prediction {
  const { metric, direction, z, value, baseline } = anomaly;
  const side = direction === 'up' ? 'above' : 'below';
  return {
    target: metric,
    kind: 'anomaly',
    predictedAt,
    confidence: evidence.confidence,
    recommendation: `${metric} is ${Math.abs(z).toFixed(1)} standard deviations ${side} its baseline (${track(evidence)}); check what changed.`,
    details: {
      seen: evidence.seen,
      cameTrue: evidence.cameTrue,
      zScore: round(z, 2),
      value,
      baseline: round(baseline),
      direction,
    },
  };
}

/** A metric projected to reach its threshold. */
export function trendPrediction(forecast: TrendForecast, evidence: Evidence): Prediction {
  const { metric, threshold, crossingAt, slopePerMinute, r2 } = forecast;
  return {
    target: metric,
    kind: 'trend',
    predictedAt: Math.round(crossingAt),
    confidence: evidence.confidence,
    recommendation: `${metric} is rising ${round(slopePerMinute)} per minute toward ${threshold} (${track(evidence)}); find what drives it or add headroom before then.`,
    details: {
      seen: evidence.seen,
      cameTrue: evidence.cameTrue,
      value: round(forecast.value),
      threshold,
      slopePerMinute: round(slopePerMinute, 6),
      r2: round(r2),
    },
  };
}

/** A service predicted to fail because precursors that preceded its failures are back. */
export function patternPrediction(match: PatternMatch): Prediction {
  const { service, precursors, seen, followedByFailure, confidence, predictedAt } = match;
  return {
    target: service,
    kind: 'pattern',
    predictedAt,
    confidence,
    recommendation: `${service} failed after ${precursors.join(', ')} ${followedByFailure} of ${seen} times; check ${service} now, shed load or prepare its fallback.`,
    details: { seen, cameTrue: followedByFailure, precursors },
  };
}
