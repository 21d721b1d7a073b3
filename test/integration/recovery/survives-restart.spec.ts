import type { INestApplication } from '@nestjs/common';
import { CheckpointService, RecoveryService } from 'nestjs-bulwark';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { recoveryApp } from './recovery-app.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

/** Some recoveries: retry works for `inventory`, exponential backoff never does. */
async function recoverSome(recovery: RecoveryService): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await recovery.recoverFromError(refused(), {
      serviceId: 'inventory',
      strategies: ['retry'],
      retryFn: async () => 'ok',
    });
  }
  await recovery.recoverFromError(refused(), {
    serviceId: 'inventory',
    strategies: ['exponential_backoff'],
    retryFn: async () => {
      throw refused();
    },
  });
}

describe('checkpoints and learned recovery survive an app restart with the Redis store', () => {
  let redis: RedisServer;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => app?.close());
  afterAll(async () => redis.stop());

  const start = async () =>
    (
      await recoveryApp({
        store: { type: 'redis', url: redis.url, keyPrefix: 'restart-test:' },
        defaults: { retry: { maxAttempts: 2, baseDelayMs: 0 } },
      })
    ).app;

  it('a new app on the same Redis restores checkpoints and knows what was learned', async () => {
    app = await start();
    await app.get(CheckpointService).save('import:42', { offset: 1_200, files: ['a.csv'] });
    await app.get(CheckpointService).save('import:43', { offset: 0 });
    await app.get(CheckpointService).delete('import:43');
    await recoverSome(app.get(RecoveryService));
    const before = app.get(RecoveryService).stats();
    const learnedBefore = app.get(RecoveryService).learnedStrategies();
    await app.close();

    app = await start();
    expect(await app.get(CheckpointService).restore('import:42')).toEqual({
      offset: 1_200,
      files: ['a.csv'],
    });
    expect(await app.get(CheckpointService).restore('import:43')).toBeUndefined();
    expect((await app.get(CheckpointService).list()).map((c) => c.id)).toEqual(['import:42']);
    const recovery = app.get(RecoveryService);
    expect(recovery.learnedStrategies()).toEqual(learnedBefore);
    expect(recovery.learnedStrategies()).toEqual([
      {
        serviceId: 'inventory',
        category: 'connection',
        strategies: {
          retry: { successes: 3, failures: 0, successDurationMs: 0 },
          exponential_backoff: { successes: 0, failures: 1, successDurationMs: 0 },
        },
      },
    ]);
    expect(recovery.stats()).toEqual(before);
    expect(recovery.stats()).toMatchObject({ totalRecoveries: 4, successRate: 0.75 });
  });
});
