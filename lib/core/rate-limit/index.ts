export type {
  RateLimitAlgorithm,
  RateLimitDecision,
  RateLimitOptions,
} from './rate-limit.options.js';
export type { RateLimitRule } from './rate-limit-rule.js';
export {
  DEFAULT_RATE_LIMIT_KEY,
  RATE_LIMIT_DEFAULTS,
  capacityOf,
  resolveRateLimitRule,
} from './rate-limit-rule.js';
export type { BucketAlgorithm, BucketState } from './bucket-algorithm.js';
export { fixedWindow, type FixedWindowState } from './fixed-window.js';
export { slidingWindowLog, type SlidingWindowLogState } from './sliding-window-log.js';
export { slidingWindowCounter, type SlidingWindowCounterState } from './sliding-window-counter.js';
export { tokenBucket, type TokenBucketState } from './token-bucket.js';
export {
  adaptiveLimitAt,
  createAdaptiveLimitState,
  recordAdaptiveOutcome,
  type AdaptiveLimitState,
} from './adaptive-limit.js';
export { BUCKET_ALGORITHMS } from './bucket-algorithms.js';
export type {
  InProcessRateLimitBackend,
  RateLimitBackend,
  RateLimitOperations,
} from './rate-limit-backend.js';
export {
  MemoryRateLimitBackend,
  type MemoryRateLimitBackendOptions,
} from './memory-rate-limit-backend.js';
export { StoreFailoverBackend } from './store-failover.js';
export type { RateLimiterEvents, RateLimiterStats } from './rate-limiter.events.js';
export { RateLimiterPolicy, type RateLimitDecisionObserver } from './rate-limiter.policy.js';
export { createRateLimiter } from './create-rate-limiter.js';
export { checkRateLimitOptions } from './check-rate-limit-options.js';
export type { EffectiveRateLimitOptions } from './reconfigure-rate-limiter.js';
