import { ResilienceError } from './resilience.error.js';

/** The shared store could not be reached and the policy is configured to fail closed. */
export class StoreUnavailableError extends ResilienceError {
  constructor(
    readonly retryAfterMs: number = 1_000,
    cause?: unknown,
  ) {
    super('The resilience store is unavailable', 'STORE_UNAVAILABLE', { cause });
  }
}
