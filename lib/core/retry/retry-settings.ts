import { isTransientFailure } from '../classification/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import { RetryBudget } from './retry-budget.js';
import type { BackoffKind, JitterKind, RetryOptions } from './retry.options.js';

/** Retry options with every default applied. */
export interface RetrySettings {
  readonly maxAttempts: number;
  readonly backoff: BackoffKind;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  readonly jitter: JitterKind;
  readonly retryIf: (error: unknown, attempt: number) => boolean;
  readonly random: () => number;
  readonly clock: Clock;
  readonly budget?: RetryBudget;
}

/** The defaults of DESIGN §4a. */
export const RETRY_DEFAULTS = {
  maxAttempts: 3,
  backoff: 'exponential',
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  multiplier: 2,
  jitter: 'none',
} as const;

/** Fills in the defaults (`??`, so that 0 stays 0). */
export function resolveRetrySettings(options: RetryOptions): RetrySettings {
  const clock = options.clock ?? systemClock;
  const budget = options.budget;
  return {
    maxAttempts: options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
    backoff: options.backoff ?? RETRY_DEFAULTS.backoff,
    baseDelayMs: options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    multiplier: options.multiplier ?? RETRY_DEFAULTS.multiplier,
    jitter: options.jitter ?? RETRY_DEFAULTS.jitter,
    retryIf: options.retryIf ?? isTransientFailure,
    random: options.random ?? Math.random,
    clock,
    budget: budget
      ? new RetryBudget(
          {
            ratio: budget.ratio,
            minRetriesPerWindow: budget.minRetriesPerWindow ?? 10,
            windowMs: budget.windowMs ?? 10_000,
          },
          clock,
        )
      : undefined,
  };
}
