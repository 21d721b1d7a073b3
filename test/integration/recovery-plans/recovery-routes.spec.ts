import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { RecoveryOrchestrator, ResilienceService, type TestClock } from 'nestjs-bulwark';
import { recoveryApp } from '../recovery/recovery-app.js';

const KEY = 'ops-key';
const plan = {
  serviceName: 'payments',
  strategy: 'IMMEDIATE',
  estimatedRecoveryTimeMs: 10_000,
  steps: [{ type: 'reset_circuit_breaker' }],
  successCriteria: [{ type: 'circuit_breakers_closed' }],
};

describe('recovery plan routes (express)', () => {
  let app: INestApplication;
  let clock: TestClock;
  let orchestrator: RecoveryOrchestrator;

  beforeEach(async () => {
    ({ app, clock } = await recoveryApp({
      admin: { apiKey: KEY },
      policies: { payments: { circuitBreaker: { failureThreshold: 1 } } },
    }));
    orchestrator = app.get(RecoveryOrchestrator);
  });
  afterEach(() => app.close());

  it('POST /resilience/recovery-plans: 401 without the key, and nothing is registered', async () => {
    await request(app.getHttpServer()).post('/resilience/recovery-plans').send(plan).expect(401);
    await request(app.getHttpServer())
      .post('/resilience/recovery-plans')
      .set('x-api-key', 'wrong')
      .send(plan)
      .expect(401);
    expect(orchestrator.plans()).toEqual([]);
  });

  it('POST /resilience/recovery-plans: 400 naming every problem of a bad body, and no change', async () => {
    orchestrator.registerPlan(plan as never);
    const response = await request(app.getHttpServer())
      .post('/resilience/recovery-plans')
      .set('x-api-key', KEY)
      .send({ ...plan, strategy: 'SOON', steps: [{ type: 'reboot' }] })
      .expect(400);
    expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'strategy',
      'steps[0].type',
    ]);
    expect(response.body.message).toMatch(/^Invalid recovery plan: strategy: must be one of/);
    expect(orchestrator.plan('payments')?.strategy).toBe('IMMEDIATE');
    await request(app.getHttpServer())
      .post('/resilience/recovery-plans')
      .set('x-api-key', KEY)
      .send('not json')
      .expect(400);
  });

  it('registers a plan with the key, then runs it on demand', async () => {
    await request(app.getHttpServer())
      .post('/resilience/recovery-plans')
      .set('authorization', `Bearer ${KEY}`)
      .send(plan)
      .expect(201, plan);
    const breaker = app.get(ResilienceService).breaker('payments');
    breaker?.open();
    await request(app.getHttpServer()).post('/resilience/recovery/payments').expect(401);
    expect(breaker?.state).toBe('OPEN');
    const run = await request(app.getHttpServer())
      .post('/resilience/recovery/payments')
      .set('x-api-key', KEY)
      .expect(200);
    expect(run.body).toMatchObject({
      serviceName: 'payments',
      trigger: 'manual',
      status: 'succeeded',
      startedAt: clock.now(),
      timeoutMs: 15_000,
      steps: [{ type: 'reset_circuit_breaker', status: 'succeeded' }],
      criteria: [{ type: 'circuit_breakers_closed', met: true }],
    });
    expect(breaker?.state).toBe('CLOSED');
    expect(orchestrator.history('payments')).toHaveLength(1);
  });

  it('POST /resilience/recovery/:service answers 404 without a plan', async () => {
    await request(app.getHttpServer())
      .post('/resilience/recovery/ghost')
      .set('x-api-key', KEY)
      .expect(404);
  });
});
