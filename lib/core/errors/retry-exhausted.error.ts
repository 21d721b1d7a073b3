import { ResilienceError } from './resilience.error.js';

/** Every attempt failed; `errors` holds each attempt's error, in order. */
export class RetryExhaustedError extends ResilienceError {
  constructor(readonly errors: unknown[]) {
    super(`Gave up after ${errors.length} attempt(s)`, 'RETRY_EXHAUSTED', {
      cause: errors[errors.length - 1],
    });
  }

  /** The last attempt's error. */
  get lastError(): unknown {
    return this.errors[this.errors.length - 1];
  }
}
