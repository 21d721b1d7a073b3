import type { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PredictorService, ResilienceService, type Prediction } from 'nestjs-bulwark';
import { eventually } from '../../fixtures/eventually.js';
import { replayPaymentsIncidents } from '../../fixtures/precursor-training.js';
import { Inventory, startPredictApp as start } from './predict-app.js';

const SAMPLING = 'nestjs-bulwark:predictor-sampling';

describe('PredictorService in an app', () => {
  let app: INestApplication;

  afterEach(async () => app?.close());

  it('samples on its schedule while predictive.enabled, and stops on close', async () => {
    const started = await start({ predictive: { enabled: true, sampleIntervalMs: 20 } });
    app = started.app;
    const { sampler } = started;
    expect(sampler.started).toBe(true);
    expect(app.get(SchedulerRegistry).getIntervals()).toContain(SAMPLING);
    await eventually(() => sampler.calls >= 3);
    await app.close();
    const calls = sampler.calls;
    expect(sampler.stopped).toBe(true);
    expect(app.get(SchedulerRegistry).getIntervals()).not.toContain(SAMPLING);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sampler.calls).toBe(calls);
  });

  it('does not sample when predictive.enabled is false, yet takes observations', async () => {
    const started = await start({ predictive: { enabled: false } });
    app = started.app;
    expect(app.get(SchedulerRegistry).getIntervals()).not.toContain(SAMPLING);
    expect(started.sampler.started).toBe(false);
    replayPaymentsIncidents(app.get(PredictorService));
    expect(app.get(PredictorService).getPredictions().length).toBeGreaterThan(0);
    expect(started.sampler.calls).toBe(0);
  });

  it('alerts once per alert to callbacks and the event bus, and not below alertConfidence', async () => {
    app = (await start({})).app;
    const predictor = app.get(PredictorService);
    const alerts: Prediction[] = [];
    const lenient: Prediction[] = [];
    const published: Prediction[] = [];
    predictor.onAlert((alert) => alerts.push(alert));
    predictor.onAlert((alert) => lenient.push(alert), 0.3);
    app.get(ResilienceService).on('prediction.alert', (alert) => published.push(alert));
    replayPaymentsIncidents(predictor);
    const targets = (list: Prediction[]) => list.map((p) => `${p.kind}:${p.target}`).sort();
    // Four learned failures already make 5/7 = 0.71: the fifth incident and the sixth alert,
    // each once (not once per sample).
    expect(targets(alerts)).toEqual([
      'anomaly:process.heapUsedPercent',
      'anomaly:process.heapUsedPercent',
      'anomaly:service.payments.latencyMs',
      'anomaly:service.payments.latencyMs',
      'pattern:payments',
      'pattern:payments',
    ]);
    expect(alerts.every((alert) => alert.confidence >= 0.7)).toBe(true);
    expect(targets(published)).toEqual(targets(alerts));
    expect(lenient.length).toBeGreaterThan(alerts.length);
  });

  it('records a breaker that trips as a failure of its service', async () => {
    app = (await start({})).app;
    const inventory = app.get(Inventory);
    for (let i = 0; i < 2; i++) await expect(inventory.reserve(true)).rejects.toThrow();
    const [failure] = app.get(PredictorService).getRecordedFailures();
    expect(failure).toMatchObject({
      services: ['inventory'],
      details: { reason: 'circuit breaker opened (consecutiveFailures)' },
    });
  });
});
