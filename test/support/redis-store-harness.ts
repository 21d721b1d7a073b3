import type { Cluster, Redis } from 'ioredis';
import { RedisStore } from '../../lib/store/index.js';
import { bucketStoreKey } from '../../lib/store/store-keys.js';
import { newTestClock, type StoreFactory } from './store-contract/index.js';

type Client = Redis | Cluster;

/** Every key matching `pattern`, on every master. */
export async function scanAll(client: Client, pattern: string): Promise<string[]> {
  const servers = 'nodes' in client ? client.nodes('master') : [client];
  const found: string[] = [];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  return found;
}

/**
 * Stores for the contract over one client: each test gets its own key prefix (no flush
 * between tests) and a test clock that the scripts use instead of the server's.
 */
export function redisStoreFactory(client: () => Client): StoreFactory {
  let tests = 0;
  return async () => {
    const clock = newTestClock();
    const keyPrefix = `contract-${++tests}:`;
    const store = new RedisStore(client(), { keyPrefix, clock });
    return {
      store,
      clock,
      async elapse(ms) {
        clock.set(clock.now() + ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
      bucketCount: async () => (await scanAll(client(), `${keyPrefix}ratelimit:*`)).length,
      async expectForgottenAfter(bucketKey, ms) {
        const ttl = await client().pttl(bucketStoreKey(keyPrefix, bucketKey));
        expect(ttl).toBeLessThanOrEqual(ms);
        expect(ttl).toBeGreaterThan(ms - 250);
      },
      close: () => store.close(),
    };
  };
}
