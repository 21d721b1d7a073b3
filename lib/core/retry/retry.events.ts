import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { EffectiveRetryOptions } from './reconfigure-retry.js';

/** Why a retry policy stopped retrying a failed call. */
export type GiveUpReason =
  /** `retryIf` said no: the error is rethrown as it is. */
  | 'notRetryable'
  /** `maxAttempts` attempts failed. */
  | 'exhausted'
  /** The error asked for a wait (`retryAfterMs`) longer than `maxDelayMs`. */
  | 'retryAfterTooLong'
  /** The retry budget of the window is spent. */
  | 'budgetSpent';

/** Events of a {@link RetryPolicy}. */
export interface RetryEvents {
  /** `reconfigure` applied new settings. */
  reconfigured: ReconfiguredEvent<EffectiveRetryOptions>;
  /** Attempt `attempt` failed; the next starts after `delayMs`. */
  retry: { attempt: number; delayMs: number; error: unknown };
  /** The call failed for good after `attempts` attempts; `error` is the last attempt's error. */
  giveUp: { attempts: number; error: unknown; reason: GiveUpReason };
  /** The call succeeded on attempt `attempts`. */
  success: { attempts: number };
  /**
   * The call succeeded after at least one retry (on attempt `attempts` > 1); `error` is the
   * error of the attempt before, the one the retries recovered from.
   */
  recovered: { attempts: number; error: unknown };
}
