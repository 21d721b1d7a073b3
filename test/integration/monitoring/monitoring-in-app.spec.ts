import type { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Registry } from 'prom-client';
import { ErrorClassifier, ResilienceEvents, ResilienceMonitor, type Alert } from 'nestjs-bulwark';
import { onRegistry, Scripted, startMetricsApp } from '../metrics/metrics-app.js';

const OUR_INTERVALS = [
  'resilience.metrics.sample',
  'resilience.monitoring.check',
  'resilience.monitoring.report',
];

describe('the monitor in an app', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('hears breakers, retries and fallbacks, and publishes alerts on the event bus', async () => {
    app = await startMetricsApp(onRegistry(new Registry()));
    const alerts: Alert[] = [];
    app.get(ResilienceEvents).on('monitoring.alert', ({ alert }) => alerts.push(alert));
    const scripted = app.get(Scripted);
    for (let i = 0; i < 3; i++) await scripted.pay(false).catch(() => undefined);
    scripted.fetchFailures = 1;
    await scripted.fetch();
    scripted.fetchFailures = 5;
    await expect(scripted.fetch()).rejects.toThrow();
    await scripted.quote();
    expect(alerts.map((a) => `${a.rule}:${a.subject}:${a.status}`)).toEqual([
      'circuitOpen:pay:active',
    ]);
    const report = app.get(ResilienceMonitor).report();
    expect(report.summary.errors).toBe(3 + 1); // pay's three failures, quote's one
    expect(report.recovery.byStrategy).toEqual([
      expect.objectContaining({ strategy: 'fallback', attempts: 1, successes: 1 }),
      expect.objectContaining({ strategy: 'retry', attempts: 2, successes: 1 }),
    ]);
  });

  it("files errors under the app's error classifier, user rules included", async () => {
    app = await startMetricsApp(onRegistry(new Registry()));
    app.get(ErrorClassifier).addRule({
      name: 'declined cards',
      match: (error) => error instanceof Error && error.message === 'card declined',
      category: 'validation',
    });
    await app
      .get(Scripted)
      .pay(false)
      .catch(() => undefined);
    expect(app.get(ResilienceMonitor).report().errors.top).toEqual([
      expect.objectContaining({ service: 'pay', category: 'validation', errorType: 'TypeError' }),
    ]);
  });

  it('schedules its work in the SchedulerRegistry and removes it on close', async () => {
    app = await startMetricsApp(
      onRegistry(new Registry(), { monitoring: { checkIntervalMs: 1_000 } }),
    );
    const scheduler = app.get(SchedulerRegistry);
    expect(scheduler.getIntervals()).toEqual(expect.arrayContaining(OUR_INTERVALS));
    await app.close();
    expect(scheduler.getIntervals().filter((name) => OUR_INTERVALS.includes(name))).toEqual([]);
  });
});
