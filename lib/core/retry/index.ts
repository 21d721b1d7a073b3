export type { BackoffKind, JitterKind, RetryBudgetOptions, RetryOptions } from './retry.options.js';
export type { GiveUpReason, RetryEvents } from './retry.events.js';
export { RetryPolicy, createRetry } from './retry.policy.js';
export { checkRetryOptions, BACKOFF_KINDS, JITTER_KINDS } from './check-retry-options.js';
export {
  backoffDelay,
  capDelay,
  decorrelatedBackoff,
  exponentialBackoff,
  fibonacciBackoff,
  fixedBackoff,
  linearBackoff,
  type BackoffSettings,
} from './backoff.js';
export { applyJitter } from './jitter.js';
export { retryAfterMsOf, parseRetryAfter } from './retry-after.js';
export { RetryBudget, type RetryBudgetSettings } from './retry-budget.js';
export { RETRY_DEFAULTS } from './retry-settings.js';
export type { EffectiveRetryOptions } from './reconfigure-retry.js';
