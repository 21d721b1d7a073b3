export type {
  FallbackFunction,
  FallbackLayer,
  FallbackOptions,
  FallbackResult,
  FallbackSource,
} from './fallback.options.js';
export type { FallbackEvents, FallbackLayerStats } from './fallback.events.js';
export { FallbackPolicy, createFallback } from './fallback.policy.js';
export { checkFallbackOptions } from './check-fallback-options.js';
export type { EffectiveFallbackOptions } from './fallback-cache.js';
export type { CacheScope } from './last-good-result-cache.js';
