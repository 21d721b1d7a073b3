import { ResilienceError } from './resilience.error.js';

/** How long to wait before trying again: the store is asked afresh on every call. */
const RETRY_AFTER_MS = 1_000;

/** The shared store could not be reached and the policy is configured to fail closed. */
export class StoreUnavailableError extends ResilienceError {
  constructor(
    readonly retryAfterMs: number = RETRY_AFTER_MS,
    cause?: unknown,
  ) {
    super('The resilience store is unavailable', 'STORE_UNAVAILABLE', { cause });
  }

  /** The store failed with `cause`; callers may try again after the default delay. */
  static causedBy(cause: unknown): StoreUnavailableError {
    return new StoreUnavailableError(RETRY_AFTER_MS, cause);
  }
}
