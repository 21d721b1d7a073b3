import { TestClock } from '../../../lib/core/clock/index.js';
import { Predictor, type Prediction } from '../../../lib/core/predict/index.js';
import { INTERVAL_MS, feed, steady } from '../../fixtures/scripted-sampler.js';

const LEVELS: Record<string, [number, number]> = { latencyMs: [100, 5], cpuPercent: [40, 2] };
const anomalies = (predictions: Prediction[]) => predictions.filter((p) => p.kind === 'anomaly');

describe('anomaly detection (scripted samples)', () => {
  it('flags a sustained shift of one metric against its baseline, and only that metric', () => {
    const predictor = new Predictor();
    const next = steady(LEVELS);
    let at = feed(predictor, next, 0, 100);
    at = feed(predictor, next, at, 4, () => ({ latencyMs: 40 }));
    const found = anomalies(predictor.predictions(at - INTERVAL_MS));
    expect(found.map((p) => p.target)).toEqual(['latencyMs']);
    expect(found[0].details).toMatchObject({ direction: 'up', seen: 0, cameTrue: 0 });
    expect(found[0].details.zScore).toBeGreaterThanOrEqual(2);
    expect(found[0].recommendation).toContain('latencyMs');
  });

  it('flags a drop as an anomaly downwards', () => {
    const predictor = new Predictor();
    const next = steady(LEVELS);
    const at = feed(predictor, next, 0, 100);
    const end = feed(predictor, next, at, 4, () => ({ cpuPercent: -20 }));
    const [drop] = anomalies(predictor.predictions(end - INTERVAL_MS));
    expect(drop).toMatchObject({ target: 'cpuPercent', details: { direction: 'down' } });
  });

  it('stays quiet on steady noise', () => {
    const predictor = new Predictor();
    const next = steady(LEVELS, 7);
    let flagged = 0;
    for (let step = 0; step < 2_000; step++) {
      predictor.observe(next(), step * INTERVAL_MS);
      flagged += anomalies(predictor.predictions(step * INTERVAL_MS)).length;
    }
    expect(flagged).toBe(0);
  });

  it('keeps an anomaly never seen before a failure below alertConfidence, however large', () => {
    const predictor = new Predictor({ alertConfidence: 0.7 });
    const next = steady(LEVELS);
    let at = feed(predictor, next, 0, 100);
    at = feed(predictor, next, at, 3, () => ({ latencyMs: 1e9 }));
    const [huge] = anomalies(predictor.predictions(at - INTERVAL_MS));
    expect(huge.details.zScore).toBeGreaterThan(1e6);
    expect(huge.confidence).toBeCloseTo(1 / 3, 10);
    expect(huge.confidence).toBeLessThan(0.7);
  });

  it('uses anomalyThreshold: a shift of four deviations is an anomaly at 2, not at 8', () => {
    const found = (anomalyThreshold: number) => {
      const predictor = new Predictor({ anomalyThreshold });
      const next = steady(LEVELS);
      const at = feed(predictor, next, 0, 100);
      const end = feed(predictor, next, at, 8, () => ({ latencyMs: 20 }));
      return anomalies(predictor.predictions(end - INTERVAL_MS)).length;
    };
    expect(found(2)).toBe(1);
    expect(found(8)).toBe(0);
  });

  it('learns from outcomes: an anomaly that keeps preceding failures earns an alert, one that does not loses confidence', () => {
    const clock = new TestClock();
    const predictor = new Predictor({ clock, precursorWindowMs: 300_000 });
    const next = steady(LEVELS);
    const episode = (metric: string, fails: boolean) => {
      feed(predictor, next, clock.now(), 60);
      clock.set(clock.now() + 60 * INTERVAL_MS);
      const end = feed(predictor, next, clock.now(), 6, () => ({
        [metric]: metric === 'latencyMs' ? 50 : 20,
      }));
      clock.set(end);
      if (fails) predictor.recordFailure(['api']);
    };
    for (let i = 0; i < 6; i++) episode('latencyMs', true);
    for (let i = 0; i < 6; i++) episode('cpuPercent', false);
    feed(predictor, next, clock.now(), 40);
    clock.set(clock.now() + 40 * INTERVAL_MS);
    episode('latencyMs', false);
    const latency = anomalies(predictor.predictions()).find((p) => p.target === 'latencyMs');
    expect(latency?.details).toMatchObject({ seen: 6, cameTrue: 6 });
    expect(latency?.confidence).toBeCloseTo(7 / 9, 10);
    episode('cpuPercent', false);
    const cpu = anomalies(predictor.predictions()).find((p) => p.target === 'cpuPercent');
    expect(cpu?.details).toMatchObject({ seen: 6, cameTrue: 0 });
    expect(cpu?.confidence).toBeCloseTo(1 / 9, 10);
  });
});
