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
  },
  ['server', 'cli'],
);
