import { TestClock } from '../../../lib/core/clock/index.js';
import {
  Predictor,
  calibratedProbability,
  priorFor,
  type PredictorOptions,
} from '../../../lib/core/predict/index.js';
import { INTERVAL_MS, feed, steady } from '../../fixtures/scripted-sampler.js';

const LEVELS: Record<string, [number, number]> = {
  dbLatencyMs: [40, 4],
  dbErrorPercent: [1, 0.3],
  cpuPercent: [35, 2],
};
const PRECURSORS = { dbLatencyMs: 40, dbErrorPercent: 4 };

/** A scripted system on a test clock: calm stretches, precursors, failures. */
function system(options: PredictorOptions = {}) {
  const clock = new TestClock();
  const predictor = new Predictor({ clock, precursorWindowMs: 300_000, ...options });
  const next = steady(LEVELS, 11);
  const samples = (count: number, change: Record<string, number> = {}) =>
    clock.set(feed(predictor, next, clock.now(), count, () => change));
  const incident = (change: Record<string, number>, failing?: string) => {
    samples(60);
    samples(6, change);
    if (failing) predictor.recordFailure([failing], { cause: 'pool exhausted' });
    samples(6, change);
  };
  return { clock, predictor, samples, incident };
}
const patterns = (predictor: Predictor) =>
  predictor.predictions().filter((p) => p.kind === 'pattern');

describe('learned failure patterns (scripted samples)', () => {
  it('remembers which anomalies preceded a failure', () => {
    const { predictor, incident } = system();
    incident(PRECURSORS, 'db');
    const [failure] = predictor.recordedFailures();
    expect(failure.services).toEqual(['db']);
    expect(failure.details).toEqual({ cause: 'pool exhausted' });
    expect(failure.precursors).toEqual(['dbErrorPercent:up', 'dbLatencyMs:up']);
  });

  it('forecasts the failure when the precursors return, with the observed share as confidence', () => {
    const { predictor, samples, incident } = system();
    const prior = priorFor(0.7);
    for (let seen = 0; seen < 5; seen++) {
      samples(60);
      samples(6, PRECURSORS);
      const [pattern] = patterns(predictor);
      if (seen === 0) expect(pattern).toBeUndefined();
      else {
        expect(pattern).toMatchObject({ target: 'db', details: { seen, cameTrue: seen } });
        expect(pattern.confidence).toBeCloseTo(calibratedProbability(seen, seen, prior), 10);
        expect(pattern.details.precursors).toEqual(['dbErrorPercent:up', 'dbLatencyMs:up']);
      }
      predictor.recordFailure(['db']);
      samples(6, PRECURSORS);
    }
    incident(PRECURSORS);
    samples(60);
    samples(6, PRECURSORS);
    const [pattern] = patterns(predictor);
    expect(pattern.details).toMatchObject({ seen: 6, cameTrue: 5 });
    expect(pattern.confidence).toBeCloseTo(6 / 9, 10);
  });

  it('prefers the precursors that separate failures from noise', () => {
    const { predictor, samples, incident } = system();
    for (let i = 0; i < 6; i++) {
      incident(PRECURSORS, 'db');
      incident({ dbLatencyMs: 40 }); // a slow query, no failure
    }
    samples(60);
    samples(6, { dbLatencyMs: 40 });
    const [alone] = patterns(predictor);
    expect(alone.details.precursors).toEqual(['dbLatencyMs:up']);
    expect(alone.confidence).toBeLessThan(0.7);
    samples(60);
    samples(6, PRECURSORS);
    const [both] = patterns(predictor);
    expect(both.details.precursors).toEqual(['dbErrorPercent:up', 'dbLatencyMs:up']);
    expect(both.confidence).toBeGreaterThanOrEqual(0.7);
    const learned = predictor.learnedPatterns()[0];
    expect(learned).toMatchObject({ service: 'db', seen: 6, followedByFailure: 6 });
  });

  it('credits a failure only to anomalies seen before it', () => {
    const { predictor, samples } = system();
    samples(60);
    predictor.recordFailure(['db']);
    samples(6, { cpuPercent: 30 });
    samples(40);
    expect(predictor.recordedFailures()[0].precursors).toEqual([]);
    expect(predictor.learnedPatterns()).toEqual([]);
  });

  it('learns no patterns with patternLearningEnabled false', () => {
    const { predictor, samples, incident } = system({ patternLearningEnabled: false });
    for (let i = 0; i < 5; i++) incident(PRECURSORS, 'db');
    samples(60);
    samples(6, PRECURSORS);
    expect(patterns(predictor)).toEqual([]);
    expect(predictor.learnedPatterns()).toEqual([]);
  });

  it('predicts for the time at which the precursors would lapse', () => {
    const { predictor, samples, clock } = system();
    for (let i = 0; i < 2; i++) {
      samples(60);
      samples(6, PRECURSORS);
      predictor.recordFailure(['db']);
      samples(6, PRECURSORS);
    }
    samples(60);
    samples(3, PRECURSORS);
    const [pattern] = patterns(predictor);
    const lastSample = clock.now() - INTERVAL_MS;
    expect(pattern.predictedAt).toBe(lastSample + 300_000);
  });
});
