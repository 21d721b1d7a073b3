import type { Clock } from '../clock/clock.js';
import type { ExecutionContext } from '../policy/policy.js';

/** Where a fallback result came from. `fallback` is a function (or method) layer. */
export type FallbackSource =
  'primary' | 'fallback' | 'cache' | 'stale_cache' | 'default' | 'degraded';

/** A function layer: receives the error that sent the call here. */
export type FallbackFunction<T = unknown> = (
  error: unknown,
  context: ExecutionContext,
) => T | PromiseLike<T>;

/** One layer of the chain, tried in the order given. */
export type FallbackLayer<T = unknown> =
  | { type: 'function'; fn: FallbackFunction<T>; name?: string }
  | { type: 'cache' }
  | { type: 'default'; value: T }
  | { type: 'degraded'; value: T };

/** Options of a fallback chain. */
export interface FallbackOptions<T = unknown> {
  /**
   * Layers in priority order; when given, the whole chain (combining it with the `fallback`,
   * `defaultValue` or `degradedValue` shorthands is a config error). Without it: function,
   * cache, default, degraded (those configured).
   */
  layers?: FallbackLayer<T>[];
  /** Shorthand for a leading function layer. */
  fallback?: FallbackFunction<T>;
  /**
   * Keep the last good result per key: served fresh within `ttlMs`, stale (with a warning)
   * within `staleTtlMs` more (default 0). At most `maxEntries` keys (default 1,000; the one
   * stored longest ago is evicted).
   */
  cache?: { ttlMs: number; staleTtlMs?: number; maxEntries?: number };
  defaultValue?: T;
  /** Served only while `isDegraded()` says the system is degraded. */
  degradedValue?: T;
  /** Whether the system is in degraded mode now; without it the degraded value is never served. */
  isDegraded?: () => boolean;
  /** Which errors may be answered by a fallback (default: all); others are rethrown as they are. */
  shouldFallback?: (error: unknown) => boolean;
  clock?: Clock;
}

/** A result together with where it came from. */
export interface FallbackResult<T> {
  value: T;
  source: FallbackSource;
  warnings: string[];
}
