import type { RetryBudgetSettings } from './retry-budget.js';
import type { BackoffKind, JitterKind, RetryOptions } from './retry.options.js';
import { resolveRetrySettings, type RetrySettings } from './retry-settings.js';

/** The settings a retry policy applies, as data (what `reconfigure` reports). */
export interface EffectiveRetryOptions {
  readonly maxAttempts: number;
  readonly backoff: BackoffKind;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  readonly jitter: JitterKind;
  readonly budget?: RetryBudgetSettings;
}

/** `settings` without the functions and the clock. */
export function effectiveRetryOptionsOf(settings: RetrySettings): EffectiveRetryOptions {
  const { maxAttempts, backoff, baseDelayMs, maxDelayMs, multiplier, jitter, budget } = settings;
  const effective = { maxAttempts, backoff, baseDelayMs, maxDelayMs, multiplier, jitter };
  return budget ? { ...effective, budget: budget.settings } : effective;
}

/**
 * The settings that follow `previous` under `options` (validated). A budget over the same
 * window keeps its counts (taking the new ratio); `budgetRestarted` tells when counts were
 * dropped (another window, or no budget any more).
 */
export function retrySettingsAfter(
  previous: RetrySettings,
  options: RetryOptions,
): { settings: RetrySettings; budgetRestarted: boolean } {
  const next = resolveRetrySettings(options);
  const kept = previous.budget;
  if (kept === undefined) return { settings: next, budgetRestarted: false };
  if (next.budget && kept.adopt(next.budget.settings)) {
    return { settings: { ...next, budget: kept }, budgetRestarted: false };
  }
  return { settings: next, budgetRestarted: true };
}
