import type { INestApplication } from '@nestjs/common';
import { Registry } from 'prom-client';
import request from 'supertest';
import { adapters } from '../support/adapters.js';
import { onRegistry, Scripted, startMetricsApp } from '../metrics/metrics-app.js';

const ROUTE = '/admin/reliability/reports/reliability';

describe.each(adapters)('GET %s (%s)', (_name, adapter) => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('401 without the key, 200 with the report, 400 for a bad period', async () => {
    app = await startMetricsApp(onRegistry(new Registry(), { admin: { apiKey: 'k3y' } }), adapter);
    const scripted = app.get(Scripted);
    for (let i = 0; i < 3; i++) await scripted.pay(false).catch(() => undefined);
    const server = app.getHttpServer();
    await request(server).get(ROUTE).expect(401);
    await request(server).get(ROUTE).set('x-api-key', 'wrong').expect(401);
    const report = await request(server).get(ROUTE).set('x-api-key', 'k3y').expect(200);
    expect(report.body.period.to - report.body.period.from).toBe(3_600_000);
    expect(report.body.summary).toMatchObject({
      errors: 3,
      breakerOpens: 1,
      openBreakers: ['pay'],
    });
    expect(report.body.errors.top).toEqual([
      expect.objectContaining({ service: 'pay', errorType: 'TypeError', count: 3 }),
    ]);
    expect(report.body.alerts.active).toEqual([
      expect.objectContaining({ rule: 'circuitOpen', subject: 'pay', severity: 'warning' }),
    ]);
    const shorter = await request(server)
      .get(`${ROUTE}?hours=0.5`)
      .set('x-api-key', 'k3y')
      .expect(200);
    expect(shorter.body.period.to - shorter.body.period.from).toBe(1_800_000);
    for (const hours of ['0', '-1', 'soon', '', '10000']) {
      await request(server).get(`${ROUTE}?hours=${hours}`).set('x-api-key', 'k3y').expect(400);
    }
  });

  it('answers 401 without admin authorization configured', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    await request(app.getHttpServer()).get(ROUTE).set('x-api-key', 'k3y').expect(401);
  });
});
