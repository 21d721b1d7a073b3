import type { INestApplication } from '@nestjs/common';
import { Counter, Registry, register } from 'prom-client';
import { ResilienceMetrics } from 'nestjs-bulwark';
import { onRegistry, Scripted, startMetricsApp } from './metrics-app.js';
import { parsePrometheusText, valueOf } from './prometheus-text.js';

const successes = async (registry: Registry) =>
  valueOf(parsePrometheusText(await registry.metrics()), 'circuit_breaker_requests_total', {
    name: 'pay',
    outcome: 'success',
  });
const closedBreakers = async (registry: Registry) =>
  valueOf(parsePrometheusText(await registry.metrics()), 'circuit_breaker_state', {
    name: 'pay',
    state: 'CLOSED',
  });

describe('metrics registered once per registry', () => {
  const apps: INestApplication[] = [];
  const start = async (options: Parameters<typeof startMetricsApp>[0]) => {
    const app = await startMetricsApp(options);
    apps.push(app);
    return app;
  };
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('two apps on one registry share the metrics and add up', async () => {
    const registry = new Registry();
    const [first, second] = [await start(onRegistry(registry)), await start(onRegistry(registry))];
    expect(first.get(ResilienceMetrics).metricSet).toBe(second.get(ResilienceMetrics).metricSet);
    await first.get(Scripted).pay(true);
    await second.get(Scripted).pay(true);
    await second.get(Scripted).pay(true);
    expect(await successes(registry)).toBe(3);
    expect(await closedBreakers(registry)).toBe(2);
  });

  it('an app started after an earlier one closed reuses them and counts on', async () => {
    const registry = new Registry();
    const first = await start(onRegistry(registry));
    await first.get(Scripted).pay(true);
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const second = await start(onRegistry(registry));
    await second.get(Scripted).pay(true);
    expect(await successes(registry)).toBe(2);
    // The closed app's breaker is no longer reported.
    expect(await closedBreakers(registry)).toBe(1);
  });

  it("works the same on prom-client's global registry", async () => {
    register.clear();
    const first = await start({});
    const second = await start({});
    await first.get(Scripted).pay(true);
    await second.get(Scripted).pay(true);
    expect(await successes(register)).toBe(2);
    register.clear();
  });

  it('registers afresh after registry.clear()', async () => {
    const registry = new Registry();
    await start(onRegistry(registry));
    registry.clear();
    const app = await start(onRegistry(registry));
    await app.get(Scripted).pay(true);
    expect(await successes(registry)).toBe(1);
  });

  it('refuses a name other code registered, pointing at metrics.prefix', async () => {
    const registry = new Registry();
    new Counter({ name: 'retry_attempts_total', help: 'theirs', registers: [registry] });
    await expect(start(onRegistry(registry))).rejects.toThrow(
      /metrics\.prefix.*retry_attempts_total/s,
    );
    const app = await start(onRegistry(registry, { metrics: { prefix: 'bulwark_' } }));
    await app.get(Scripted).pay(true);
    expect(registry.getSingleMetric('bulwark_retry_attempts_total')).toBeDefined();
  });
});
