import type { JitterKind } from '../../core/retry/index.js';

/** The `defaults.retry` settings the retry and backoff strategies read. */
export interface RecoveryRetrySettings {
  /** Attempts in all, the failed call included: recovery makes at most `maxAttempts − 1`. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  readonly jitter: JitterKind;
}

/** Calls recovery makes: the failed call was the first attempt, yet at least one more. */
export function recoveryCalls(settings: RecoveryRetrySettings): number {
  return Math.max(1, settings.maxAttempts - 1);
}
