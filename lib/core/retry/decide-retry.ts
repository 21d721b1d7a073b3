import { backoffDelay, capDelay } from './backoff.js';
import { applyJitter } from './jitter.js';
import { retryAfterMsOf } from './retry-after.js';
import type { GiveUpReason } from './retry.events.js';
import type { RetrySettings } from './retry-settings.js';

/** Either how long to wait before the next attempt, or why not to make one. */
export type RetryDecision =
  { retry: true; delayMs: number; backoffMs: number } | { retry: false; reason: GiveUpReason };

/**
 * Decides what follows failed attempt `attempt` (whose error `retryIf` accepted). The wait
 * is the jittered backoff, but at least the `retryAfterMs` the error carries; a requested
 * wait beyond `maxDelayMs` gives up at once rather than retry early into a refusal. The
 * budget is asked last, so a retry that happens is a retry that was counted.
 */
export function decideRetry(
  settings: RetrySettings,
  attempt: number,
  previousBackoffMs: number,
  error: unknown,
): RetryDecision {
  if (attempt >= settings.maxAttempts) return { retry: false, reason: 'exhausted' };
  const retryAfterMs = retryAfterMsOf(error, settings.clock.now());
  if (retryAfterMs !== undefined && retryAfterMs > settings.maxDelayMs) {
    return { retry: false, reason: 'retryAfterTooLong' };
  }
  if (settings.budget && !settings.budget.tryRetry())
    return { retry: false, reason: 'budgetSpent' };
  const backoffMs = backoffDelay(
    settings.backoff,
    attempt,
    previousBackoffMs,
    settings,
    settings.random,
  );
  const jitteredMs = capDelay(applyJitter(settings.jitter, backoffMs, settings.random), backoffMs);
  return { retry: true, delayMs: Math.max(jitteredMs, retryAfterMs ?? 0), backoffMs };
}
