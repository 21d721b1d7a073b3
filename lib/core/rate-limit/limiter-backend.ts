import type { Clock } from '../clock/clock.js';
import type { TypedEventEmitter } from '../events/index.js';
import { MemoryRateLimitBackend } from './memory-rate-limit-backend.js';
import type { RateLimitOperations } from './rate-limit-backend.js';
import { RATE_LIMIT_DEFAULTS } from './rate-limit-rule.js';
import type { RateLimitOptions } from './rate-limit.options.js';
import type { RateLimiterEvents } from './rate-limiter.events.js';
import { StoreFailoverBackend } from './store-failover.js';

/** The backend a limiter talks to, what closing the limiter closes, and whether others share it. */
export interface LimiterBackend {
  backend: RateLimitOperations;
  /** Closes what the limiter created (never a store passed in). */
  close(): Promise<void>;
  /** Other limiters' buckets may live there too, so bucket keys carry the limiter's name. */
  shared: boolean;
}

/**
 * No store: a private in-memory backend. An in-process store (one that decides
 * synchronously and cannot fail): used as it is. Any other store: behind the failover that
 * applies `onStoreFailure` and reports outages as the limiter's events.
 */
export function limiterBackendFor(
  store: RateLimitOperations | undefined,
  options: RateLimitOptions & { name: string; clock: Clock },
  events: TypedEventEmitter<RateLimiterEvents>,
): LimiterBackend {
  const { name, clock } = options;
  if (!store) {
    const backend = new MemoryRateLimitBackend({ clock, maxKeys: options.maxKeys });
    return { backend, close: () => backend.close(), shared: false };
  }
  if (store.consumeNow) return { backend: store, close: () => Promise.resolve(), shared: true };
  const mode = options.onStoreFailure ?? RATE_LIMIT_DEFAULTS.onStoreFailure;
  const failover = new StoreFailoverBackend(store, mode, clock, {
    failed: (error) => events.emit('storeFailure', { name, mode, error }),
    recovered: () => events.emit('storeRecovered', { name }),
  });
  // The failover's close() only closes its local copy; the store stays with its owner.
  return { backend: failover, close: () => failover.close(), shared: true };
}
