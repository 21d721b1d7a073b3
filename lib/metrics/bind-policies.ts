import type { FallbackPolicy, RateLimiterPolicy, RetryPolicy } from '../core/index.js';
import type { MetricSet } from './metric-set.js';

/** `retryAfterTooLong` → `retry_after_too_long`: label values in Prometheus style. */
const snakeCase = (value: string): string => value.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Feeds `retry_attempts_total` and `retry_delay_seconds`. Every attempt is counted once:
 * `success`, `retry` (failed, tried again) or the reason it gave up (`exhausted`,
 * `not_retryable`, `retry_after_too_long`, `budget_spent`).
 */
export function bindRetry(set: MetricSet, name: string, retry: RetryPolicy): () => void {
  const succeeded = set.retryAttempts.tally(name, 'success');
  const retried = set.retryAttempts.tally(name, 'retry');
  const delay = set.retryDelay.labels(name);
  const unsubscribe = [
    retry.on('success', () => void succeeded.value++),
    retry.on('retry', ({ delayMs }) => {
      retried.value++;
      delay.observe(delayMs / 1000);
    }),
    retry.on('giveUp', ({ reason }) => {
      set.retryAttempts.tally(name, snakeCase(reason)).value++;
    }),
  ];
  return () => unsubscribe.forEach((off) => off());
}

/** Feeds `fallback_usage_total` by the layer that answered. */
export function bindFallback(set: MetricSet, name: string, fallback: FallbackPolicy): () => void {
  return fallback.on('fallback', ({ source }) => set.fallbackUsage.inc({ name, source }));
}

/**
 * Feeds `rate_limit_decisions_total` from the limiter's own counters, read at scrape time:
 * the hot path pays nothing for it.
 */
export function bindLimiter(set: MetricSet, name: string, limiter: RateLimiterPolicy): () => void {
  const algorithm = limiter.rule.algorithm;
  const detach = [
    set.rateLimitDecisions.tally(name, algorithm, 'allowed').attach(() => limiter.stats().allowed),
    set.rateLimitDecisions.tally(name, algorithm, 'limited').attach(() => limiter.stats().limited),
  ];
  return () => detach.forEach((off) => off());
}
