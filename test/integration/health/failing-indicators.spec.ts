import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEAD_LETTER_QUEUE_HEALTH_SOURCE, MEMORY_PRESSURE_SOURCE } from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { startHealthApp } from './support/health-app.js';

const express = adapters[0][1];

describe('indicators never throw and never hang', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  // The app's own memory controller (and later its DLQ) offer these tokens; the stubs replace them.
  async function start(memory: unknown, dlq: unknown): Promise<void> {
    app = await startHealthApp(
      express,
      { healthChecking: { indicatorTimeoutMs: 100 } },
      { providers: [{ provide: DEAD_LETTER_QUEUE_HEALTH_SOURCE, useValue: dlq }] },
      [
        [MEMORY_PRESSURE_SOURCE, memory],
        [DEAD_LETTER_QUEUE_HEALTH_SOURCE, dlq],
      ],
    );
  }

  it('an indicator that throws reports down: 503, not 500', async () => {
    await start(
      {
        getMemoryStats: () => {
          throw new TypeError('stats unavailable');
        },
      },
      { getQueueHealth: async () => ({ healthy: true, pending: 0 }) },
    );
    const { body } = await request(app!.getHttpServer()).get('/health').expect(503);
    expect(body.error.memory).toEqual({ status: 'down', message: 'stats unavailable' });
    expect(body.info.dlq).toEqual({ status: 'up', enabled: true, pending: 0 });
  });

  it('an indicator that hangs reports down after its own timeout', async () => {
    await start(
      { getMemoryStats: () => ({ pressureLevel: 'warning', heapPercent: 75 }) },
      { getQueueHealth: () => new Promise(() => undefined) },
    );
    const started = Date.now();
    const { body } = await request(app!.getHttpServer()).get('/health/dlq').expect(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(body.error.dlq).toEqual({ status: 'down', message: 'timeout of 100 ms exceeded' });
    const health = await request(app!.getHttpServer()).get('/health').expect(503);
    expect(health.body.details.memory).toEqual({
      status: 'degraded',
      enabled: true,
      pressureLevel: 'warning',
      heapPercent: 75,
    });
  });

  it('memory pressure critical is down, a DLQ with exhausted messages degraded', async () => {
    await start(
      { getMemoryStats: () => ({ pressureLevel: 'critical', status: 'ignored' }) },
      { getQueueHealth: () => ({ healthy: true, pending: 3, exhausted: 1 }) },
    );
    const { body } = await request(app!.getHttpServer()).get('/health').expect(503);
    expect(body.error.memory).toEqual({ status: 'down', enabled: true, pressureLevel: 'critical' });
    expect(body.info.dlq).toEqual({ status: 'degraded', enabled: true, pending: 3, exhausted: 1 });
    await request(app!.getHttpServer()).get('/health/ready').expect(200);
  });
});
