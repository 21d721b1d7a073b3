import type { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  DependencyHealthService,
  ResilienceService,
  type DependencyOptions,
  type DependencyStatusChange,
} from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { FakeDependency } from './support/fake-dependency.js';
import { startHealthApp } from './support/health-app.js';
import { waitFor } from './support/wait-for.js';

const express = adapters[0][1];

function httpDependency(
  name: string,
  url: string,
  healthCheck: Partial<DependencyOptions['healthCheck']> = {},
): DependencyOptions {
  return {
    name,
    type: 'external_api',
    criticality: 'critical',
    // A long interval: only the first check (at start-up) runs by itself; the test runs the rest.
    healthCheck: {
      endpoint: url,
      intervalMs: 60_000,
      timeoutMs: 200,
      failureThreshold: 3,
      successThreshold: 2,
      ...healthCheck,
    },
  };
}

describe('dependency checks against real HTTP dependencies', () => {
  let fake: FakeDependency;
  let app: INestApplication | undefined;
  let service: DependencyHealthService;
  let changes: DependencyStatusChange[];

  beforeEach(async () => {
    fake = await FakeDependency.start();
    changes = [];
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await fake.down();
  });

  async function start(dependencies: DependencyOptions[]): Promise<void> {
    app = await startHealthApp(express, { dependencies });
    service = app.get(DependencyHealthService);
    app.get(ResilienceService).on('dependency.statusChange', (change) => changes.push(change));
  }

  const check = async (name = 'api') => (await service.checkNow(name))!;

  it('flips exactly at the success and failure thresholds', async () => {
    await start([httpDependency('api', fake.url)]);
    expect((await check()).status).toBe('unknown'); // joins the start-up check: 1 success
    expect((await check()).status).toBe('healthy'); // 2nd success
    fake.mode = 'failing';
    expect((await check()).status).toBe('healthy');
    expect((await check()).status).toBe('healthy');
    const down = await check();
    expect(down).toMatchObject({
      status: 'unhealthy',
      consecutiveFailures: 3,
      lastError: 'unexpected status 500',
    });
    fake.mode = 'healthy';
    expect((await check()).status).toBe('unhealthy');
    expect((await check()).status).toBe('healthy');
    expect(changes.map(({ from, to }) => `${from}->${to}`)).toEqual([
      'unknown->healthy',
      'healthy->unhealthy',
      'unhealthy->healthy',
    ]);
    expect(changes[1]).toMatchObject({
      name: 'api',
      criticality: 'critical',
      error: 'unexpected status 500',
    });
  });

  it('a slow answer beyond the timeout fails the check', async () => {
    fake.mode = 'slow';
    await start([httpDependency('api', fake.url, { failureThreshold: 1, timeoutMs: 100 })]);
    const snapshot = await check();
    expect(snapshot).toMatchObject({ status: 'unhealthy', lastError: 'timed out after 100 ms' });
    expect(snapshot.responseTimeMs.last).toBeGreaterThanOrEqual(95);
    expect(snapshot.responseTimeMs.last).toBeLessThan(1_000);
  });

  it('a closed dependency fails with the connection error', async () => {
    await fake.down();
    await start([httpDependency('api', fake.url, { failureThreshold: 1 })]);
    expect(await check()).toMatchObject({
      status: 'unhealthy',
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    await fake.up();
    await check();
    expect((await check()).status).toBe('healthy');
  });

  it('honours expectedStatus, method and headers', async () => {
    fake.mode = 'failing';
    await start([
      httpDependency('api', fake.url, {
        expectedStatus: [500, 503],
        method: 'HEAD',
        headers: { 'x-probe': '1' },
        successThreshold: 1,
      }),
    ]);
    expect(await check()).toMatchObject({
      status: 'healthy',
      responseTimeMs: { last: expect.any(Number) },
    });
  });

  it('runs custom checks, and scheduled checks flip the status by themselves', async () => {
    let healthy = true;
    await start([
      {
        name: 'queue',
        type: 'message_queue',
        healthCheck: {
          check: () => healthy,
          intervalMs: 20,
          timeoutMs: 10,
          failureThreshold: 2,
          successThreshold: 2,
        },
      },
    ]);
    await waitFor(
      () => service.get('queue')?.status,
      (status) => status === 'healthy',
    );
    healthy = false;
    const down = await waitFor(
      () => service.get('queue'),
      (d) => d?.status === 'unhealthy',
    );
    expect(down?.lastError).toBe('check returned false');
    healthy = true;
    await waitFor(
      () => service.get('queue')?.status,
      (status) => status === 'healthy',
    );
    expect(service.history('queue').length).toBeGreaterThanOrEqual(6);
  });

  it('reports dependents impacted while what they need is down', async () => {
    await start([
      httpDependency('db', fake.url, { failureThreshold: 1, successThreshold: 1 }),
      {
        ...httpDependency('api', fake.url, { successThreshold: 1 }),
        criticality: 'high',
        dependsOn: ['db'],
      },
    ]);
    await check('db');
    await check('api');
    fake.mode = 'failing';
    await check('db');
    expect(service.get('api')).toMatchObject({
      status: 'healthy',
      impacted: true,
      impactedBy: ['db'],
    });
    expect(service.get('db')?.dependents).toEqual(['api']);
    expect(service.summary()).toMatchObject({
      criticalDown: ['db'],
      impacted: 1,
      score: Math.round((2 / 12) * 100),
    });
  });

  it('unregister stops the dependency’s scheduled check', async () => {
    await start([httpDependency('api', fake.url), httpDependency('db', fake.url)]);
    const scheduler = app!.get(SchedulerRegistry);
    expect(scheduler.getIntervals()).toEqual(
      expect.arrayContaining(['bulwark:dependency:api', 'bulwark:dependency:db']),
    );
    expect(service.unregister('api')).toBe(true);
    expect(scheduler.getIntervals()).not.toContain('bulwark:dependency:api');
    expect(service.list().map((d) => d.name)).toEqual(['db']);
    expect(service.unregister('api')).toBe(false);
  });

  it('app.close() removes every scheduled check and aborts the one in flight', async () => {
    fake.mode = 'slow';
    fake.slowMs = 10_000;
    await start([httpDependency('api', fake.url, { timeoutMs: 5_000, intervalMs: 10_000 })]);
    const scheduler = app!.get(SchedulerRegistry);
    await waitFor(
      () => fake.hits,
      (hits) => hits > 0,
    );
    const started = Date.now();
    await app!.close();
    app = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(scheduler.getIntervals().filter((name) => name.startsWith('bulwark:'))).toEqual([]);
    expect(service.scheduledChecks()).toEqual([]);
  });
});
