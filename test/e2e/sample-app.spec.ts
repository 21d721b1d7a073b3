import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../sample/app.module.js';
import { FlakyDownstream } from '../../sample/downstream/flaky-downstream.service.js';
import { ErrorReporter } from '../../sample/monitoring/error-reporter.js';

const ADMIN_KEY = 'sample-admin-key';

describe('the sample app, used as a user would', () => {
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    server = app.getHttpServer();
  });

  afterAll(async () => app.close());

  const setDownstream = (settings: object) =>
    request(server).post('/downstream/settings').send(settings).expect(201);

  it('lists its routes at GET /', async () => {
    const response = await request(server).get('/').expect(200);
    expect(response.body.routes).toEqual(
      expect.arrayContaining(['POST /payments/:orderId/charge']),
    );
  });

  it('rejects a bad settings body with 400 and changes nothing', async () => {
    await setDownstream({ failureRate: 0, latencyMs: 0 });
    await request(server).post('/downstream/settings').send({ failureRate: 3 }).expect(400);
    const current = await request(server).get('/downstream/settings').expect(200);
    expect(current.body).toMatchObject({ failureRate: 0, latencyMs: 0 });
  });

  it('charges through the named payments policies while the downstream is healthy', async () => {
    await setDownstream({ failureRate: 0, latencyMs: 0 });
    await request(server)
      .post('/payments/o-1/charge')
      .expect(201, { orderId: 'o-1', status: 'charged' });
  });

  it('falls back to queueing when the downstream keeps failing, then the breaker opens', async () => {
    await setDownstream({ failureRate: 1, latencyMs: 0 });
    const downstream = app.get(FlakyDownstream);
    for (let i = 0; i < 3; i++) {
      await request(server)
        .post(`/payments/o-${i}/charge`)
        .expect(201, { orderId: `o-${i}`, status: 'queued' });
    }
    const breakers = await request(server)
      .get('/admin/reliability/circuit-breakers')
      .set('x-api-key', ADMIN_KEY)
      .expect(200);
    expect(breakers.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'payments', state: 'OPEN' })]),
    );
    const callsWhileOpen = downstream.calls;
    await request(server)
      .post('/payments/o-9/charge')
      .expect(201, { orderId: 'o-9', status: 'queued' });
    expect(downstream.calls).toBe(callsWhileOpen);
    await request(server)
      .post('/admin/reliability/circuit-breakers/payments/reset')
      .set('x-api-key', ADMIN_KEY)
      .expect(200, { name: 'payments', state: 'CLOSED' });
  });

  it('limits /rates/live to 5 requests per client with 429 and headers', async () => {
    await setDownstream({ failureRate: 0, latencyMs: 0 });
    for (let i = 0; i < 5; i++) await request(server).get('/rates/live/EUR').expect(200);
    const limited = await request(server).get('/rates/live/EUR').expect(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['ratelimit-limit']).toBe('5');
  });

  it('answers /rates/guarded from the fallback while the per-currency breaker is open', async () => {
    await setDownstream({ failureRate: 1, latencyMs: 0 });
    for (let i = 0; i < 4; i++) {
      const response = await request(server).get('/rates/guarded/USD').expect(200);
      expect(response.body).toEqual({ currency: 'USD', rate: 1, source: 'fallback' });
    }
    const breakers = await request(server)
      .get('/admin/reliability/circuit-breakers')
      .set('x-api-key', ADMIN_KEY);
    expect(breakers.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'RatesController.guarded:USD', state: 'OPEN' }),
      ]),
    );
    // The three failures that opened it reached the error reporter; the rejections did not.
    const reported = app
      .get(ErrorReporter)
      .recent()
      .filter((failure) => failure.breaker === 'RatesController.guarded:USD');
    expect(reported).toHaveLength(3);
  });

  it('protects /webhooks/ through protectedPaths, and the policy can be changed at runtime', async () => {
    await setDownstream({ failureRate: 1, latencyMs: 0 });
    await request(server)
      .patch('/admin/reliability/policies/webhooks')
      .set('x-api-key', ADMIN_KEY)
      .send({ circuitBreaker: { failureThreshold: 2 } })
      .expect(200);
    await request(server).post('/webhooks/stripe').send({ id: 1 }).expect(500);
    await request(server).post('/webhooks/github').send({ id: 2 }).expect(500);
    const open = await request(server).post('/webhooks/stripe').send({ id: 3 }).expect(503);
    expect(open.headers['retry-after']).toBe('10');
  });
});
