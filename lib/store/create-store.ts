import { MemoryStore, type MemoryStoreSettings } from './memory/memory-store.js';
import { connectRedisStore, type RedisStoreConnection } from './redis/connect-redis.js';
import type { ResilienceStore } from './resilience-store.js';

/** Which store to create: process memory (the default) or Redis. */
export type StoreConnection =
  ({ type: 'memory' } & MemoryStoreSettings) | ({ type: 'redis' } & RedisStoreConnection);

/**
 * Creates the store `connection` describes. A Redis store connects in the background: it
 * is returned at once, and until Redis answers each policy follows its `onStoreFailure`.
 *
 * @throws ResilienceConfigError naming `store` when the Redis store is chosen without ioredis.
 */
export async function createResilienceStore(
  connection: StoreConnection = { type: 'memory' },
): Promise<ResilienceStore> {
  if (connection.type === 'memory') {
    const { type: _type, ...options } = connection;
    return new MemoryStore(options);
  }
  const { type: _type, ...options } = connection;
  return connectRedisStore(options);
}
