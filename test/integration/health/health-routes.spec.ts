import { Injectable, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  CircuitBreaker,
  DegradationService,
  DependencyHealthService,
  ResilienceService,
  type DependencyOptions,
} from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { FakeDependency } from './support/fake-dependency.js';
import { startHealthApp } from './support/health-app.js';
import { waitFor } from './support/wait-for.js';

const EMPTY_DLQ = {
  status: 'up',
  enabled: true,
  pending: 0,
  processing: 0,
  exhausted: 0,
  unhandledTypes: [],
};

@Injectable()
class Clients {
  @CircuitBreaker({ name: 'payments', failureThreshold: 1 })
  async pay(): Promise<string> {
    return 'paid';
  }

  @CircuitBreaker({ name: 'rates', failureThreshold: 1 })
  async rate(): Promise<number> {
    return 1;
  }
}

// Generous timeouts: only the states the test sets may flip a dependency, never a slow machine.
const fast = { intervalMs: 100, timeoutMs: 100, failureThreshold: 2, successThreshold: 1 };
const dependency = (
  name: string,
  url: string,
  criticality: DependencyOptions['criticality'],
): DependencyOptions => ({
  name,
  type: 'database',
  criticality,
  healthCheck: { endpoint: url, ...fast },
});

describe.each(adapters)('health routes (%s)', (_name, adapter) => {
  let db: FakeDependency;
  let cache: FakeDependency;
  let app: INestApplication;
  const get = (path: string) => request(app.getHttpServer()).get(path);
  const statusOf = async (path: string) => (await get(path)).status;

  beforeEach(async () => {
    [db, cache] = await Promise.all([FakeDependency.start(), FakeDependency.start()]);
    app = await startHealthApp(
      adapter,
      {
        dependencies: [
          dependency('db', db.url, 'critical'),
          dependency('cache', cache.url, 'medium'),
        ],
        healthChecking: { criticalBreakers: ['payments'] },
      },
      { providers: [Clients] },
    );
    const dependencies = app.get(DependencyHealthService);
    await waitFor(
      () => dependencies.summary().healthy,
      (healthy) => healthy === 2,
    );
  });
  afterEach(async () => {
    await app.close();
    await Promise.all([db.down(), cache.down()]);
  });

  it('GET /health reports every indicator: memory from the memory controller, an empty DLQ', async () => {
    const { body } = await get('/health').expect(200);
    expect(body.details).toMatchObject({
      dependencies: { status: 'up', total: 2, healthy: 2, score: 100 },
      circuitBreakers: { status: 'up', total: 2, open: [] },
      degradation: { status: 'up', level: 'NORMAL', override: null },
      memory: { enabled: true, pressureLevel: expect.any(String) },
      dlq: EMPTY_DLQ,
    });
    // The test process's own heap decides the memory indicator; everything else is up.
    expect(body.status).toBe(body.details.memory.status === 'up' ? 'ok' : 'degraded');
  });

  it('readiness fails while a critical dependency is down and recovers; liveness stays 200', async () => {
    await db.down();
    const { body } = await waitFor(
      () => get('/health/ready'),
      (r) => r.status === 503,
    );
    expect(body.status).toBe('error');
    expect(body.error.dependencies).toMatchObject({ status: 'down', criticalDown: ['db'] });
    expect(body.error.degradation).toMatchObject({ level: 'SEVERE' });
    await get('/health/live').expect(200);
    await db.up();
    const dependencies = app.get(DependencyHealthService);
    await waitFor(
      () => dependencies.summary().healthy,
      (healthy) => healthy === 2,
    );
  });

  it('liveness stays 200 while every dependency is down', async () => {
    await Promise.all([db.down(), cache.down()]);
    await waitFor(
      () => statusOf('/health'),
      (status) => status === 503,
    );
    const { body } = await get('/health/live').expect(200);
    expect(body).toMatchObject({
      status: 'ok',
      details: { process: { status: 'up', pid: process.pid } },
    });
    expect(Object.keys(body.details)).toEqual(['process']);
  });

  it('a non-critical dependency down is degraded: 200 with status degraded', async () => {
    cache.mode = 'failing';
    const { body } = await waitFor(
      () => get('/health/ready'),
      (r) => r.status === 200 && r.body.status === 'degraded',
    );
    expect(body.info.dependencies).toMatchObject({ status: 'degraded', down: ['cache'] });
    expect(body.info.degradation).toMatchObject({ status: 'degraded', level: 'MINOR' });
  });

  it('a critical breaker open fails readiness; another open breaker only degrades', async () => {
    const resilience = app.get(ResilienceService);
    resilience.breaker('rates')!.open();
    const degraded = await get('/health/circuit-breakers').expect(200);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      details: { circuitBreakers: { open: ['rates'], criticalOpen: [] } },
    });
    expect(degraded.body.details.circuitBreakers.items).toHaveLength(2);
    expect(app.get(DegradationService).level).toBe('MINOR');
    resilience.breaker('payments')!.open();
    expect(app.get(DegradationService).status().reasons).toEqual([
      'critical circuit breaker open: payments',
      'circuit breaker open: rates',
    ]);
    const down = await get('/health/circuit-breakers').expect(503);
    expect(down.body.error.circuitBreakers.criticalOpen).toEqual(['payments']);
    await get('/health/ready').expect(503);
    resilience.breaker('payments')!.close();
    resilience.breaker('rates')!.close();
    await get('/health/ready').expect(200);
    expect(app.get(DegradationService).level).toBe('NORMAL');
  });

  it('GET /health/degradation, /health/dlq and /health/detailed', async () => {
    const degradation = await get('/health/degradation').expect(200);
    expect(degradation.body.details.degradation).toMatchObject({
      level: 'NORMAL',
      computedLevel: 'NORMAL',
      reasons: [],
      features: [],
    });
    await get('/health/dlq').expect(200, {
      status: 'ok',
      info: { dlq: EMPTY_DLQ },
      error: {},
      details: { dlq: EMPTY_DLQ },
    });
    const detailed = await get('/health/detailed').expect(200);
    expect(detailed.body.details.process).toMatchObject({ status: 'up' });
    expect(detailed.body.details.dependencies.items.map((d: { name: string }) => d.name)).toEqual([
      'db',
      'cache',
    ]);
  });

  it('GET /resilience/health and /resilience/dependencies', async () => {
    cache.mode = 'failing';
    await waitFor(
      () => get('/resilience/health'),
      (r) => r.body.status === 'degraded',
    );
    const { body } = await get('/resilience/health').expect(200);
    expect(body).toMatchObject({
      status: 'degraded',
      score: Math.round((8 / 10) * 100),
      degradation: { level: 'MINOR', disabledFeatures: [] },
      dependencies: { unhealthy: 1, down: ['cache'] },
      circuitBreakers: { total: 2, open: [] },
    });
    const listing = await get('/resilience/dependencies').expect(200);
    expect(
      listing.body.dependencies.map((d: { name: string; status: string }) => [d.name, d.status]),
    ).toEqual([
      ['db', 'healthy'],
      ['cache', 'unhealthy'],
    ]);
    expect(listing.body.dependencies[1]).toMatchObject({
      criticality: 'medium',
      lastError: 'unexpected status 500',
      trend: expect.stringMatching(/improving|stable|degrading/),
      responseTimeMs: { last: expect.any(Number) },
    });
    expect(listing.body.edges).toEqual([]);
  });
});
