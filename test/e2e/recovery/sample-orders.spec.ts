import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startSampleApp } from '../support/sample-app.js';

const ADMIN_KEY = 'sample-admin-key';

describe('the sample order flow: transaction, checkpoints, recovery, plans', () => {
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    ({ app, server } = await startSampleApp());
  });
  afterAll(async () => app.close());

  const setDownstream = (settings: object) =>
    request(server).post('/downstream/settings').send(settings).expect(201);
  const stock = async () =>
    (await request(server).get('/orders/recovery-stats').expect(200)).body.stock;

  it('places an order, keeping a checkpoint of how far it got', async () => {
    await setDownstream({ failureRate: 0, latencyMs: 0 });
    const before = await stock();
    await request(server)
      .post('/orders/o-100')
      .send({ items: ['book', 'mug'] })
      .expect(201, {
        orderId: 'o-100',
        status: 'placed',
        reservation: 'res-o-100',
        charge: 'ch-o-100',
        chargedBy: 'first try',
      });
    await request(server)
      .get('/orders/o-100/checkpoint')
      .expect(200, { stage: 'charged', items: ['book', 'mug'] });
    expect((await stock()).book).toBe(before.book - 1);
  });

  it('when the charge fails for good, recovery is tried, the reservation is released and the answer says why', async () => {
    await setDownstream({ failureRate: 1, latencyMs: 0 });
    const before = await stock();
    const response = await request(server)
      .post('/orders/o-101')
      .send({ items: ['lamp'] })
      .expect(502);
    expect(response.body).toMatchObject({
      message: 'downstream failed during charge',
      classification: { category: 'server_error', retryable: true },
      compensated: ['reserve stock'],
      compensationFailures: [],
    });
    expect(await stock()).toEqual(before);
    await request(server)
      .get('/orders/o-101/checkpoint')
      .expect(200, { stage: 'reserved', items: ['lamp'] });
    const stats = (await request(server).get('/orders/recovery-stats').expect(200)).body;
    expect(stats.totalRecoveries).toBeGreaterThanOrEqual(1);
    expect(stats.successRate).toBe(0);
  });

  it('runs the payments recovery plan on demand (admin key), closing the breaker', async () => {
    await request(server).post('/resilience/recovery/payments').expect(401);
    await request(server)
      .post('/admin/reliability/circuit-breakers/payments/reset')
      .set('x-api-key', ADMIN_KEY)
      .expect(200);
    const run = await request(server)
      .post('/resilience/recovery/payments')
      .set('x-api-key', ADMIN_KEY)
      .expect(200);
    expect(run.body).toMatchObject({
      serviceName: 'payments',
      status: 'succeeded',
      strategy: 'GRADUAL',
      steps: [
        { type: 'custom', name: 'notify_on_call', status: 'succeeded' },
        // The breaker is closed already: GRADUAL stops once the criteria hold.
        { type: 'reset_circuit_breaker', status: 'skipped' },
        { type: 'wait', status: 'skipped' },
      ],
    });
  });
});
