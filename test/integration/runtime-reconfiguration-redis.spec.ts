import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CircuitBreaker, ResilienceModule, ResilienceService } from 'nestjs-bulwark';
import { describeWithRedis } from '../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { waitUntil } from '../support/resp-probe.js';
import { RuntimePolicySync } from '../../lib/nest/runtime-config/runtime-policy-sync.js';

@Injectable()
class Payments {
  @CircuitBreaker('payments')
  async charge(): Promise<never> {
    throw new Error('provider down');
  }
}

/** One instance of a fleet sharing a real Redis. */
async function startInstance(url: string): Promise<INestApplication> {
  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        store: { type: 'redis', url, keyPrefix: 'reconfig-test:' },
        policies: {
          payments: { circuitBreaker: { failureThreshold: 5, recoveryTimeoutMs: 60_000 } },
        },
      }),
    ],
    providers: [Payments],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const thresholdOf = (app: INestApplication) =>
  app
    .get(ResilienceService)
    .policies()
    .find((p) => p.name === 'payments')?.settings.circuitBreaker?.failureThreshold;

describeWithRedis('runtime policy changes across instances sharing Redis', () => {
  let redis: RedisServer;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await redis.stop();
  });

  it('reaches a running instance within a second, and an instance started later', async () => {
    const first = await startInstance(redis.url);
    const second = await startInstance(redis.url);
    apps.push(first, second);
    await second.get(RuntimePolicySync).ready;
    first.get(ResilienceService).configure('payments', { circuitBreaker: { failureThreshold: 1 } });
    const started = Date.now();
    await waitUntil(
      async () => thresholdOf(second) === 1,
      'the change on the second instance',
      1_000,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    await second
      .get(Payments)
      .charge()
      .catch(() => undefined);
    expect(second.get(ResilienceService).breaker('payments')?.state).toBe('OPEN');
    expect(
      second.get(ResilienceService).policies()[0].sources['circuitBreaker.failureThreshold'],
    ).toBe('runtime');

    const later = await startInstance(redis.url);
    apps.push(later);
    expect(thresholdOf(later)).toBe(1);
  });
});
