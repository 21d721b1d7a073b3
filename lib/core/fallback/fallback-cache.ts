import type { Clock } from '../clock/clock.js';
import type { FallbackOptions } from './fallback.options.js';
import { LastGoodResultCache, type LastGoodResultCacheSettings } from './last-good-result-cache.js';

/** The settings a fallback chain applies, as data (what `reconfigure` reports). */
export interface EffectiveFallbackOptions {
  /** The layers in the order tried, by label: a function layer's name (else `fallback`), `cache`, `default`, `degraded`. */
  readonly layers: readonly string[];
  /** The last-good-result cache, with its defaults applied; absent without one. */
  readonly cache?: LastGoodResultCacheSettings;
}

/** `options.cache` with its defaults applied, or `undefined` without a cache. */
export function cacheSettingsOf(options: FallbackOptions): LastGoodResultCacheSettings | undefined {
  const cache = options.cache;
  if (!cache) return undefined;
  return {
    ttlMs: cache.ttlMs,
    staleTtlMs: cache.staleTtlMs ?? 0,
    maxEntries: cache.maxEntries ?? 1_000,
  };
}

/**
 * The cache for new options: the current one, resized, while the options still ask for a
 * cache (its entries stay, judged by the new TTLs); a new one if there was none; none (the
 * entries are dropped) when the options no longer ask for one.
 */
export function cacheAfter(
  current: LastGoodResultCache | undefined,
  options: FallbackOptions,
  clock: Clock,
): LastGoodResultCache | undefined {
  const settings = cacheSettingsOf(options);
  if (settings === undefined) return undefined;
  if (current === undefined) return new LastGoodResultCache(settings, clock);
  current.resize(settings);
  return current;
}
