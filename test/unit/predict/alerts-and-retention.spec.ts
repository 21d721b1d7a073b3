import { AlertDispatcher, Predictor, type Prediction } from '../../../lib/core/predict/index.js';
import { INTERVAL_MS, feed, steady } from '../../fixtures/scripted-sampler.js';

const prediction = (target: string, confidence: number): Prediction => ({
  target,
  kind: 'pattern',
  predictedAt: 0,
  confidence,
  recommendation: '',
  details: { seen: 0, cameTrue: 0 },
});

describe('alerts', () => {
  it('alerts once when a prediction reaches a listener’s confidence, and again after it dropped', () => {
    const alerts = new AlertDispatcher();
    const heard: string[] = [];
    alerts.subscribe((p) => heard.push(`${p.target}@${p.confidence}`), 0.7);
    alerts.dispatch([prediction('db', 0.5)]);
    alerts.dispatch([prediction('db', 0.75)]);
    alerts.dispatch([prediction('db', 0.8)]);
    alerts.dispatch([prediction('db', 0.6)]);
    alerts.dispatch([prediction('db', 0.9), prediction('api', 0.71)]);
    expect(heard).toEqual(['db@0.75', 'db@0.9', 'api@0.71']);
  });

  it('gives each listener its own confidence, and isolates one that throws', () => {
    const alerts = new AlertDispatcher();
    const heard: string[] = [];
    alerts.subscribe(() => {
      throw new Error('broken consumer');
    }, 0);
    const stop = alerts.subscribe((p) => heard.push(`strict:${p.target}`), 0.9);
    alerts.subscribe((p) => heard.push(`lenient:${p.target}`), 0.5);
    alerts.dispatch([prediction('db', 0.6)]);
    stop();
    alerts.dispatch([prediction('api', 0.95)]);
    expect(heard).toEqual(['lenient:db', 'lenient:api']);
  });
});

describe('bounded memory', () => {
  it('keeps at most maxSamplesPerMetric samples, and none older than the retention', () => {
    const predictor = new Predictor({ maxSamplesPerMetric: 50, retentionMs: 10 * INTERVAL_MS });
    const next = steady({ a: [1, 0.1] });
    const end = feed(predictor, next, 0, 200);
    const kept = predictor.samples().a;
    expect(kept.length).toBe(11);
    expect(kept[0][0]).toBe(end - 11 * INTERVAL_MS);
    const capped = new Predictor({ maxSamplesPerMetric: 50 });
    feed(capped, next, 0, 200);
    expect(capped.samples().a.length).toBe(50);
    expect(capped.retainedSamples).toBe(50);
  });

  it('frees progressively more at standard, critical and emergency, keeping learned patterns', () => {
    const build = () => {
      const predictor = new Predictor({
        trendWindowMs: 20 * INTERVAL_MS,
        precursorWindowMs: 5 * INTERVAL_MS,
      });
      const next = steady({ a: [10, 1], b: [10, 1], c: [10, 1], d: [10, 1] });
      let at = 0;
      for (let i = 0; i < 3; i++) {
        at = feed(predictor, next, at, 60);
        at = feed(predictor, next, at, 4, () => ({ a: 20, b: 20, c: 20 }));
        predictor.recordFailure(['svc'], {}, at);
        at = feed(predictor, next, at, 4, () => ({ a: 20, c: 20 }));
        at = feed(predictor, next, at, 60);
        at = feed(predictor, next, at, 4, () => ({ d: 20 })); // never followed by a failure
      }
      return { predictor, at: feed(predictor, next, at, 30) };
    };
    const freed = (['standard', 'critical', 'emergency'] as const).map((level) => {
      const { predictor, at } = build();
      const patterns = predictor.learnedPatterns().length;
      const count = predictor.cleanup(level, at);
      expect(predictor.learnedPatterns().length).toBe(patterns);
      expect(predictor.samples().a.length).toBe(20);
      return count;
    });
    expect(freed[0]).toBeGreaterThan(0);
    expect(freed[1]).toBeGreaterThan(freed[0]);
    expect(freed[2]).toBeGreaterThan(freed[1]);
  });
});
