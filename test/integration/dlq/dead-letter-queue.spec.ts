import { Redis } from 'ioredis';
import { MemoryStore } from '../../../lib/store/index.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { redisStoreFactory } from '../../support/redis-store-harness.js';
import { newTestClock, type StoreFactory } from '../../support/store-contract/index.js';
import { useStore } from '../../support/store-contract/store-under-test.js';
import { deadLetterCases } from './dead-letter-cases.js';

const memoryFactory: StoreFactory = async () => {
  const clock = newTestClock();
  const store = new MemoryStore({ clock });
  return {
    store,
    clock,
    elapse: (ms) => clock.advance(ms),
    bucketCount: async () => 0,
    expectForgottenAfter: async () => undefined,
    close: () => store.close(),
  };
};

describe('DeadLetterQueue over the memory store', () => {
  deadLetterCases(useStore(memoryFactory));
});

describeWithRedis('DeadLetterQueue over the Redis store', () => {
  let server: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url, { maxRetriesPerRequest: 0 });
  });
  afterAll(async () => {
    await client.quit();
    await server.stop();
  });
  deadLetterCases(useStore(redisStoreFactory(() => client)));
});
