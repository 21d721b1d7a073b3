import { Injectable, Module, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  CircuitBreaker,
  CircuitOpenError,
  ResilienceConfigError,
  ResilienceModule,
  ResilienceService,
  Retry,
  type PolicyChange,
} from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';

const KEY = 'admin-key';

@Injectable()
class Payments {
  calls = 0;

  @CircuitBreaker('payments')
  async charge(): Promise<never> {
    this.calls++;
    throw new Error('provider down');
  }

  @Retry('payments')
  async refund(): Promise<never> {
    this.calls++;
    throw new Error('provider down');
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({
      configFile: false,
      admin: { apiKey: KEY },
      policies: {
        payments: {
          circuitBreaker: { failureThreshold: 5, recoveryTimeoutMs: 60_000 },
          retry: { maxAttempts: 2, baseDelayMs: 0 },
        },
      },
    }),
  ],
  providers: [Payments],
})
class AppModule {}

const failTimes = async (payments: Payments, times: number) => {
  for (let i = 0; i < times; i++) await payments.charge().catch(() => undefined);
};

describe.each(adapters)('runtime reconfiguration of a named policy (%s)', (_name, adapter) => {
  let app: INestApplication;
  let resilience: ResilienceService;
  let payments: Payments;
  const patch = (name: string, body: unknown) =>
    request(app.getHttpServer())
      .patch(`/admin/reliability/policies/${name}`)
      .set('x-api-key', KEY)
      .send(body as object);

  beforeEach(async () => {
    app = await startApp(AppModule, adapter);
    resilience = app.get(ResilienceService);
    payments = app.get(Payments);
  });

  afterEach(async () => app.close());

  it('a lower threshold takes effect on the next call, and the window is kept', async () => {
    await failTimes(payments, 2);
    const change: PolicyChange = resilience.configure('payments', {
      circuitBreaker: { failureThreshold: 3 },
    });
    expect(change.restarted).toEqual([]);
    expect(resilience.breaker('payments')?.state).toBe('CLOSED');
    await failTimes(payments, 1);
    expect(resilience.breaker('payments')?.state).toBe('OPEN');
    await expect(payments.charge()).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('an open breaker stays open across a change of thresholds', async () => {
    await failTimes(payments, 5);
    resilience.configure('payments', { circuitBreaker: { failureThreshold: 10 } });
    expect(resilience.breaker('payments')?.state).toBe('OPEN');
  });

  it('a new window type restarts the breaker closed and says so (null removes a field)', async () => {
    await failTimes(payments, 5);
    const response = await patch('payments', {
      circuitBreaker: {
        failureThreshold: null,
        slidingWindow: { type: 'count', size: 10 },
        failureRateThreshold: 50,
      },
    }).expect(200);
    expect(response.body.restarted).toEqual(['payments']);
    expect(resilience.breaker('payments')?.state).toBe('CLOSED');
  });

  it('retry settings change for the next call', async () => {
    resilience.configure('payments', { retry: { maxAttempts: 4 } });
    payments.calls = 0;
    await payments.refund().catch(() => undefined);
    expect(payments.calls).toBe(4);
  });

  it('PATCH changes the policy and GET lists it with runtime as the source', async () => {
    await patch('payments', { circuitBreaker: { failureThreshold: 2 } }).expect(200);
    const list = await request(app.getHttpServer())
      .get('/admin/reliability/policies')
      .set('x-api-key', KEY)
      .expect(200);
    const payments = list.body.find((p: { name: string }) => p.name === 'payments');
    expect(payments.settings.circuitBreaker.failureThreshold).toBe(2);
    expect(payments.sources['circuitBreaker.failureThreshold']).toBe('runtime');
    expect(payments.sources['circuitBreaker.recoveryTimeoutMs']).toBe('code');
    expect(payments.sources['circuitBreaker.halfOpenMaxCalls']).toBe('default');
  });

  it.each([
    ['a negative threshold', { circuitBreaker: { failureThreshold: -1 } }],
    ['an unknown window type', { circuitBreaker: { slidingWindow: { type: 'weekly', size: 3 } } }],
    ['zero attempts', { retry: { maxAttempts: 0 } }],
    ['a typo', { circuitBreaker: { failureTreshold: 2 } }],
    ['an unknown kind', { circuitBreakers: { failureThreshold: 2 } }],
    ['a kind the policy does not have', { bulkhead: { maxConcurrent: 2 } }],
    ['an array', [1, 2]],
    ['a breaker given as a number', { circuitBreaker: 3 }],
  ])('PATCH with %s gets 400 and changes nothing', async (_case, body) => {
    const response = await patch('payments', body).expect(400);
    expect(JSON.stringify(response.body)).toContain('policies.payments');
    await failTimes(payments, 4);
    expect(resilience.breaker('payments')?.state).toBe('CLOSED');
  });

  it('404 for an unknown policy, 401 without the key', async () => {
    await patch('nope', { retry: { maxAttempts: 2 } }).expect(404);
    await request(app.getHttpServer())
      .patch('/admin/reliability/policies/payments')
      .send({ circuitBreaker: { failureThreshold: 1 } })
      .expect(401);
    await failTimes(payments, 1);
    expect(resilience.breaker('payments')?.state).toBe('CLOSED');
  });

  it('announces every change as an event', async () => {
    const changes: PolicyChange[] = [];
    resilience.on('policy.reconfigured', (change) => changes.push(change));
    resilience.configure('payments', { retry: { maxAttempts: 3 } });
    expect(changes).toHaveLength(1);
    expect(changes[0].previous.retry?.maxAttempts).toBe(2);
    expect(changes[0].current.retry?.maxAttempts).toBe(3);
  });

  it('configure() throws ResilienceConfigError for a bad change', () => {
    expect(() => resilience.configure('payments', { retry: { maxAttempts: 0 } })).toThrow(
      ResilienceConfigError,
    );
  });

  it("a breaker's onStoreFailure is fixed once it is built: changing it is refused", () => {
    expect(() =>
      resilience.configure('payments', { circuitBreaker: { onStoreFailure: 'fail-closed' } }),
    ).toThrow(/onStoreFailure/);
    expect(() =>
      resilience.configure('payments', { circuitBreaker: { onStoreFailure: 'local' } }),
    ).not.toThrow();
  });
});
