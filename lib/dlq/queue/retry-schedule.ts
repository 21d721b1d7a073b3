import {
  applyJitter,
  backoffDelay,
  exponentialBackoff,
  RETRY_DEFAULTS,
  type BackoffSettings,
} from '../../core/index.js';
import type { DeadLetterRetryOptions } from './dead-letter.types.js';

/** Retry options with every default applied. */
export type DeadLetterRetrySettings = Required<DeadLetterRetryOptions>;

/** The message's own options, then its handler's, then the module's, then the Retry defaults. */
export function retrySettings(
  own: DeadLetterRetryOptions,
  handler: DeadLetterRetryOptions | undefined,
  maxRetries: number,
): DeadLetterRetrySettings {
  const { maxAttempts: _maxAttempts, ...retryDefaults } = RETRY_DEFAULTS;
  return { ...retryDefaults, maxRetries, ...defined(handler ?? {}), ...defined(own) };
}

/**
 * The wait before the next run after `failedRuns` failed runs, or `null` once they reach
 * `maxRetries` (exhausted). The Retry policy's backoff and jitter, run `failedRuns` being
 * retry number `failedRuns`.
 */
export function nextRetryDelay(
  settings: DeadLetterRetrySettings,
  failedRuns: number,
  random: () => number,
): number | null {
  if (failedRuns >= settings.maxRetries) return null;
  const backoff: BackoffSettings = settings;
  const previous =
    failedRuns <= 1 ? backoff.baseDelayMs : exponentialBackoff(failedRuns - 1, backoff);
  const delay = backoffDelay(settings.backoff, failedRuns, previous, backoff, random);
  return Math.round(applyJitter(settings.jitter, delay, random));
}

function defined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
