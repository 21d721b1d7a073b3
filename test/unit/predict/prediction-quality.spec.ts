import { Predictor } from '../../../lib/core/predict/index.js';
import { replay } from '../../fixtures/prediction-replay.js';
import { alarmsOf, atOrAbove, eachPrediction } from '../../fixtures/alarms.js';
import { reliability, score, type Score } from '../../fixtures/prediction-scoring.js';
import { staticThresholdAlarms } from '../../fixtures/static-threshold.js';
import { syntheticTrace, type SyntheticTrace } from '../../fixtures/synthetic-trace.js';

const HOUR = 3_600_000;
const ALERT = 0.7;
const PRECURSOR_WINDOW = 600_000;

/** Eight days of one seed to learn from, three more held out; four days of another seed. */
const TRAINING_HOURS = 192;
const first = syntheticTrace(2, TRAINING_HOURS + 72);
const second = syntheticTrace(3, 96, 300 * HOUR);

function trained(): Predictor {
  const predictor = new Predictor({ thresholds: first.thresholds, alertConfidence: ALERT });
  replay(predictor, first, 0, TRAINING_HOURS * HOUR);
  return predictor;
}

function evaluate(trace: SyntheticTrace, from: number, label: string) {
  const predictions = replay(trained(), trace, from, Infinity);
  const alarms = score(alarmsOf(atOrAbove(predictions, ALERT), trace.intervalMs), trace, from);
  const trainUntil = TRAINING_HOURS * HOUR;
  const staticAlarms = staticThresholdAlarms(first, trainUntil, trace, from, PRECURSOR_WINDOW);
  const baseline = score(alarmsOf(staticAlarms, trace.intervalMs), trace, from);
  const bands = reliability(eachPrediction(predictions), trace, [0, 0.5, 0.7, 1]);
  const line = (name: string, s: Score) =>
    `${name.padEnd(24)} precision ${s.precision.toFixed(2)} (${s.trueAlarms}/${s.alarms} alarms)  ` +
    `recall ${s.recall.toFixed(2)} (${s.detected}/${s.failures} failures)`;
  console.log(
    [
      `${label}: ${JSON.stringify(trace.incidents)}`,
      line('predictor (>= 0.7)', alarms),
      line('static threshold (3 sd)', baseline),
      'per-sample predictions by confidence -> share that came true:',
      ...bands.map(
        (band) =>
          `  ${band.band}: ${band.predictions}, mean confidence ${band.meanConfidence.toFixed(2)}, came true ${band.cameTrue.toFixed(2)}`,
      ),
    ].join('\n'),
  );
  return { alarms, baseline, bands };
}

describe('prediction quality on synthetic traces (injected failures, precursors, decoys and noise)', () => {
  it('reaches precision and recall of 0.85 on the held-out part of the trace it learned from', () => {
    const { alarms, baseline, bands } = evaluate(
      first,
      TRAINING_HOURS * HOUR,
      'held-out part, seed 2',
    );
    expect(alarms.failures).toBeGreaterThanOrEqual(10);
    expect(alarms.precision).toBeGreaterThanOrEqual(0.85);
    expect(alarms.recall).toBeGreaterThanOrEqual(0.85);
    expect(alarms.precision).toBeGreaterThan(baseline.precision);
    // Calibrated: alerts come true at least as often as their confidence says, the rest less.
    expect(bands[2].cameTrue).toBeGreaterThanOrEqual(ALERT);
    expect(bands[0].cameTrue).toBeLessThan(0.5);
  });

  it('reaches precision and recall of 0.85 on a trace of another seed', () => {
    const { alarms, baseline } = evaluate(second, second.samples[0].at, 'second trace, seed 3');
    expect(alarms.failures).toBeGreaterThanOrEqual(10);
    expect(alarms.precision).toBeGreaterThanOrEqual(0.85);
    expect(alarms.recall).toBeGreaterThanOrEqual(0.85);
    expect(alarms.precision).toBeGreaterThan(baseline.precision);
  });
});
