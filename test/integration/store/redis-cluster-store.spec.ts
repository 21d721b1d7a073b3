import { resolveRateLimitRule } from '../../../lib/core/index.js';
import { Cluster } from 'ioredis';
import { connectRedisStore } from '../../../lib/store/index.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster.js';
import { redisStoreFactory } from '../../support/redis-store-harness.js';
import { storeContract } from '../../support/store-contract/index.js';

describeWithRedis(
  'RedisStore on a three-master Redis Cluster',
  () => {
    let cluster: RedisCluster;
    let client: Cluster;

    beforeAll(async () => {
      cluster = await startRedisCluster();
      client = new Cluster(
        cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
        { redisOptions: { maxRetriesPerRequest: 0 } },
      );
      await new Promise((resolve) => client.once('ready', resolve));
    }, 30_000);

    afterAll(async () => {
      await client?.quit();
      await cluster?.stop();
    });

    storeContract(redisStoreFactory(() => client));

    it('connects from { cluster: [urls] } and spreads policies over the masters', async () => {
      const store = await connectRedisStore({ cluster: [...cluster.urls], keyPrefix: 'spread:' });
      expect(await store.whenReady(5_000)).toBe(true);
      const rule = resolveRateLimitRule({ algorithm: 'token-bucket', limit: 1, windowMs: 1_000 });
      for (let i = 0; i < 30; i++) {
        expect((await store.rateLimits.consume(`policy-${i}:user`, rule, 1)).allowed).toBe(true);
      }
      const perMaster = await Promise.all(client.nodes('master').map((node) => node.dbsize()));
      expect(perMaster.filter((keys) => keys > 0).length).toBeGreaterThan(1);
      await store.close();
    });

    it('decides many limiters asked in one tick, each batch on its own slot, exactly', async () => {
      const store = await connectRedisStore({ cluster: [...cluster.urls], keyPrefix: 'batch:' });
      try {
        expect(await store.whenReady(5_000)).toBe(true);
        const rule = resolveRateLimitRule({
          algorithm: 'fixed-window',
          limit: 30,
          windowMs: 60_000,
        });
        // 10 limiters (spread over the masters), 50 decisions each on one key, in one tick.
        const decisions = await Promise.all(
          Array.from({ length: 500 }, (_, i) =>
            store.rateLimits.consume(`policy-${i % 10}:user`, rule, 1),
          ),
        );
        for (let limiter = 0; limiter < 10; limiter++) {
          const own = decisions.filter((_, i) => i % 10 === limiter);
          expect(own.filter((d) => d.allowed)).toHaveLength(30);
          expect(own.slice(0, 30).map((d) => d.remaining)).toEqual(
            Array.from({ length: 30 }, (_, i) => 29 - i),
          );
        }
      } finally {
        await store.close();
      }
    });
  },
  ['server', 'cli'],
);
