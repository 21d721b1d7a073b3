import type { INestApplication } from '@nestjs/common';
import { Registry } from 'prom-client';
import request from 'supertest';
import { ResilienceEvents, ResilienceMetrics } from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { onRegistry, Scripted, startMetricsApp } from './metrics-app.js';
import { parsePrometheusText, valueOf, type Sample } from './prometheus-text.js';

async function scrape(app: INestApplication, path = '/metrics'): Promise<Sample[]> {
  const response = await request(app.getHttpServer()).get(path).expect(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return parsePrometheusText(response.text);
}

async function scriptCalls(app: INestApplication): Promise<void> {
  const scripted = app.get(Scripted);
  await scripted.pay(true);
  await scripted.pay(true);
  for (let i = 0; i < 3; i++) await expect(scripted.pay(false)).rejects.toThrow('card declined');
  for (let i = 0; i < 2; i++) await expect(scripted.pay(true)).rejects.toThrow(/open/i);
  scripted.fetchFailures = 2;
  await scripted.fetch();
  await scripted.quote();
  await scripted.quote();
  await scripted.search();
  await scripted.search();
  await expect(scripted.search()).rejects.toThrow();
}

describe.each(adapters)('GET /metrics (%s)', (_name, adapter) => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('counts every scripted call in the Prometheus text format', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    await scriptCalls(app);
    const samples = await scrape(app);
    const requests = (outcome: string) =>
      valueOf(samples, 'circuit_breaker_requests_total', { name: 'pay', outcome });
    expect([
      requests('success'),
      requests('failure'),
      requests('rejected'),
      requests('ignored'),
    ]).toEqual([2, 3, 2, 0]);
    expect(valueOf(samples, 'circuit_breaker_state', { name: 'pay', state: 'OPEN' })).toBe(1);
    expect(valueOf(samples, 'circuit_breaker_state', { name: 'pay', state: 'CLOSED' })).toBe(0);
    expect(valueOf(samples, 'circuit_breaker_state', { name: 'quote', state: 'CLOSED' })).toBe(1);
    expect(
      valueOf(samples, 'circuit_breaker_failures_total', { name: 'pay', error: 'TypeError' }),
    ).toBe(3);
    const time = { name: 'pay', outcome: 'success' };
    expect(valueOf(samples, 'circuit_breaker_response_time_count', time)).toBe(2);
    expect(valueOf(samples, 'circuit_breaker_response_time_bucket', { ...time, le: '+Inf' })).toBe(
      2,
    );
    expect(valueOf(samples, 'circuit_breaker_response_time_bucket', { ...time, le: '0.005' })).toBe(
      2,
    );
    expect(valueOf(samples, 'retry_attempts_total', { name: 'fetch', outcome: 'retry' })).toBe(2);
    expect(valueOf(samples, 'retry_attempts_total', { name: 'fetch', outcome: 'success' })).toBe(1);
    expect(valueOf(samples, 'retry_delay_seconds_count', { name: 'fetch' })).toBe(2);
    expect(valueOf(samples, 'retry_delay_seconds_sum', { name: 'fetch' })).toBeCloseTo(0.01);
    expect(valueOf(samples, 'fallback_usage_total', { source: 'fallback' })).toBe(2);
    const decisions = (decision: string) =>
      valueOf(samples, 'rate_limit_decisions_total', {
        name: 'search',
        algorithm: 'fixed-window',
        decision,
      });
    expect([decisions('allowed'), decisions('limited')]).toEqual([2, 1]);
  });

  it('records dependency checks, degradation changes and dead letters', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    const events = app.get(ResilienceEvents);
    events.emit('dependency.checked', {
      name: 'db',
      ok: true,
      responseTimeMs: 30,
      status: 'healthy',
    });
    events.emit('dependency.checked', {
      name: 'db',
      ok: false,
      responseTimeMs: 2_000,
      status: 'healthy',
    });
    events.emit('degradation.levelChange', {
      from: 'NORMAL',
      to: 'MODERATE',
      source: 'rules',
      reason: 'db down',
    });
    const metrics = app.get(ResilienceMetrics);
    metrics.recordDeadLetterAdded('email');
    metrics.setDeadLetterCount('email', 4);
    metrics.recordDeadLetterProcessed('email', 'success', 250);
    const samples = await scrape(app);
    expect(valueOf(samples, 'health_check_status', { dependency: 'db' })).toBe(0);
    expect(
      valueOf(samples, 'health_check_duration_seconds_count', { dependency: 'db', status: 'up' }),
    ).toBe(1);
    expect(
      valueOf(samples, 'health_check_duration_seconds_sum', { dependency: 'db', status: 'down' }),
    ).toBe(2);
    expect(valueOf(samples, 'system_degradation_level')).toBe(2);
    expect(valueOf(samples, 'degradation_events_total', { from: 'NORMAL', to: 'MODERATE' })).toBe(
      1,
    );
    expect(valueOf(samples, 'dlq_messages_total', { type: 'email' })).toBe(4);
    expect(valueOf(samples, 'dlq_messages_added_total', { type: 'email' })).toBe(1);
    expect(
      valueOf(samples, 'dlq_processing_duration_seconds_count', {
        type: 'email',
        outcome: 'success',
      }),
    ).toBe(1);
  });
});

describe('metrics options', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('prefixes every name', async () => {
    app = await startMetricsApp(onRegistry(new Registry(), { metrics: { prefix: 'shop_' } }));
    await app.get(Scripted).pay(true);
    const samples = await scrape(app);
    expect(
      valueOf(samples, 'shop_circuit_breaker_requests_total', { name: 'pay', outcome: 'success' }),
    ).toBe(1);
    expect(samples.some((s) => s.name.startsWith('circuit_breaker'))).toBe(false);
  });

  it('serves the metrics at the configured path, and not at all when the group is off', async () => {
    app = await startMetricsApp(
      onRegistry(new Registry(), { http: { metrics: { path: 'internal/prom' } } }),
    );
    await scrape(app, '/internal/prom');
    await request(app.getHttpServer()).get('/metrics').expect(404);
    await app.close();
    app = await startMetricsApp(
      onRegistry(new Registry(), { http: { metrics: { enabled: false } } }),
    );
    await request(app.getHttpServer()).get('/metrics').expect(404);
  });

  it('registers nothing and answers 404 with metrics.enabled false', async () => {
    const registry = new Registry();
    app = await startMetricsApp(onRegistry(registry, { metrics: { enabled: false } }));
    await app.get(Scripted).pay(true);
    await request(app.getHttpServer()).get('/metrics').expect(404);
    expect(registry.getMetricsAsArray()).toHaveLength(0);
  });
});
