import type { Clock } from '../clock/clock.js';

/** Backoff strategies for the delay before each retry. */
export type BackoffKind = 'fixed' | 'linear' | 'exponential' | 'fibonacci' | 'decorrelated';

/** Jitter applied on top of the backoff delay. */
export type JitterKind = 'none' | 'full' | 'equal';

/** Retries at most `ratio` of the calls (plus `minRetriesPerWindow`) within `windowMs`. */
export interface RetryBudgetOptions {
  /** Retries allowed per call made, e.g. 0.2: at most one retry for five calls. */
  ratio: number;
  /** Retries always allowed per window, so a quiet service can still retry. Default 10. */
  minRetriesPerWindow?: number;
  /** Window over which calls and retries are counted. Default 10 000. */
  windowMs?: number;
}

/** Options of a retry policy. */
export interface RetryOptions {
  /** Attempts in all, the first call included. Default 3. */
  maxAttempts?: number;
  /** Default `exponential`. */
  backoff?: BackoffKind;
  /** Default 1 000. */
  baseDelayMs?: number;
  /**
   * Longest wait between attempts. Default 60 000. An error asking for a longer wait
   * (`retryAfterMs`, `Retry-After`) makes the policy give up at once with `RetryExhaustedError`.
   */
  maxDelayMs?: number;
  /** Growth factor of exponential backoff. Default 2. */
  multiplier?: number;
  /** Default `none`. */
  jitter?: JitterKind;
  /**
   * Decides whether to retry; default: not client errors (4xx other than 408/429, validation).
   * An error it rejects is rethrown as it is, not wrapped.
   */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** Guard against retry storms: once spent, a failed call gives up instead of retrying. */
  budget?: RetryBudgetOptions;
  /** Random source in [0, 1) for jitter; tests pass a seeded one. */
  random?: () => number;
  clock?: Clock;
}
