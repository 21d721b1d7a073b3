import type { Provider } from '@nestjs/common';
import {
  MemoryStore,
  connectRedisStore,
  type RedisConnection,
  type ResilienceStore,
} from '../../store/index.js';
import type { ResolvedResilienceOptions } from '../options/index.js';
import { RESILIENCE_OPTIONS, RESILIENCE_STORE } from '../resilience.constants.js';

/**
 * The store the options describe. A Redis store is given up to `storeTimeoutMs` to connect
 * at start-up, no more: an app whose Redis is down still starts, and each policy follows
 * its `onStoreFailure` until Redis answers.
 */
export async function storeFromOptions(
  store: ResolvedResilienceOptions['store'],
): Promise<ResilienceStore> {
  if (store.type === 'memory') return new MemoryStore();
  const redis = await connectRedisStore({
    url: store.url,
    cluster: store.cluster,
    // Validated at start-up as an object; ioredis clients are checked by use.
    client: store.client as RedisConnection | undefined,
    keyPrefix: store.keyPrefix,
    storeTimeoutMs: store.storeTimeoutMs,
  });
  await redis.whenReady(store.storeTimeoutMs);
  return redis;
}

export const resilienceStoreProvider: Provider = {
  provide: RESILIENCE_STORE,
  useFactory: (options: ResolvedResilienceOptions) => storeFromOptions(options.store),
  inject: [RESILIENCE_OPTIONS],
};
