import { Predictor, type Prediction } from '../../../lib/core/predict/index.js';
import { INTERVAL_MS, gaussian } from '../../fixtures/scripted-sampler.js';

const MINUTE = 60_000;
const trends = (predictions: Prediction[]) => predictions.filter((p) => p.kind === 'trend');

/** Samples `heap` every interval from `from` for `minutes`, from `start` rising `perMinute`. */
function ramp(
  predictor: Predictor,
  from: number,
  minutes: number,
  start: number,
  perMinute: number,
  seed = 3,
): number {
  const noise = gaussian(seed);
  for (let t = 0; t < minutes * MINUTE; t += INTERVAL_MS) {
    predictor.observe({ heap: start + (perMinute * t) / MINUTE + 0.3 * noise() }, from + t);
  }
  return from + minutes * MINUTE;
}

describe('trends (scripted samples)', () => {
  it('projects a steady rise to the time it reaches its threshold', () => {
    const predictor = new Predictor({ thresholds: { heap: 90 } });
    const now = ramp(predictor, 0, 40, 40, 0.5) - INTERVAL_MS;
    const [trend] = trends(predictor.predictions(now));
    // 40 + 0.5/min reaches 90 after 100 minutes.
    expect(trend.target).toBe('heap');
    expect(Math.abs(trend.predictedAt - 100 * MINUTE)).toBeLessThan(2 * MINUTE);
    expect(trend.details).toMatchObject({ threshold: 90, seen: 0 });
    expect(trend.details.slopePerMinute).toBeCloseTo(0.5, 1);
    expect(trend.confidence).toBeLessThan(0.7);
  });

  it('makes no forecast for a flat or falling metric, one past its threshold, or one beyond the window', () => {
    const forecast = (start: number, perMinute: number, windowHours = 2) => {
      const predictor = new Predictor({
        thresholds: { heap: 90 },
        predictionWindowMs: windowHours * 3_600_000,
      });
      const now = ramp(predictor, 0, 40, start, perMinute) - INTERVAL_MS;
      return trends(predictor.predictions(now)).length;
    };
    expect(forecast(40, 0)).toBe(0);
    expect(forecast(80, -0.5)).toBe(0);
    expect(forecast(95, 0.1)).toBe(0);
    expect(forecast(40, 0.1, 2)).toBe(0); // 90 is 460 minutes away
    expect(forecast(40, 0.1, 10)).toBe(1);
  });

  it('trusts a trend once forecasts of it came true, and distrusts one that did not', () => {
    const predictor = new Predictor({ thresholds: { heap: 90 } });
    let at = 0;
    const confidences: number[] = [];
    for (let leak = 0; leak < 5; leak++) {
      at = ramp(predictor, at, 30, 45, 0.2, leak); // calm, nearly flat
      at = ramp(predictor, at, 30, 50, 1, leak + 10); // a leak: 50 → 80 ...
      confidences.push(trends(predictor.predictions(at - INTERVAL_MS))[0]?.confidence ?? NaN);
      at = ramp(predictor, at, 20, 80, 1, leak + 20); // ... → 100, crossing 90 after 10 more minutes
    }
    // Beta(1, 2) prior: (came true + 1) / (seen + 3) from the settled leaks before each.
    expect(confidences).toEqual([1 / 3, 2 / 4, 3 / 5, 4 / 6, 5 / 7]);
    expect(confidences[4]).toBeGreaterThanOrEqual(0.7);

    at = ramp(predictor, at, 30, 45, 0, 99);
    at = ramp(predictor, at, 20, 50, 1.5, 98); // rises toward 90, then levels off at 80
    at = ramp(predictor, at, 180, 80, 0, 97);
    at = ramp(predictor, at, 30, 50, 1, 96);
    const [after] = trends(predictor.predictions(at - INTERVAL_MS));
    expect(after.details).toMatchObject({ seen: 6, cameTrue: 5 });
    expect(after.confidence).toBeCloseTo(6 / 9, 10);
  });
});
