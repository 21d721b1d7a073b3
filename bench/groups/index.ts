import type { BenchGroup } from './group.js';

/** Loaded on demand so that a group's child process imports only its own contenders. */
export const groupLoaders: Record<string, () => Promise<BenchGroup>> = {
  overhead: async () => (await import('./overhead.js')).overheadGroup,
  memory: async () => (await import('./memory.js')).memoryGroup,
  'rate-limit': async () => (await import('./rate-limit.js')).rateLimitGroup,
  http: async () => (await import('./http.js')).httpGroup,
  'rate-limit-redis': async () => (await import('./rate-limit-redis.js')).rateLimitRedisGroup,
  'rate-limit-redis-100': async () =>
    (await import('./rate-limit-redis.js')).rateLimitRedisInFlightGroup,
  metrics: async () => (await import('./metrics.js')).metricsGroup,
  'store-keys': async () => (await import('./store-keys.js')).storeKeysGroup,
  decorated: async () => (await import('./decorated.js')).decoratedGroup,
};
