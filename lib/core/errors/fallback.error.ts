import { ResilienceError } from './resilience.error.js';

/** The primary call and every fallback layer failed; `errors` holds them in the order tried. */
export class FallbackError extends ResilienceError {
  constructor(readonly errors: unknown[]) {
    super('The call and every fallback layer failed', 'FALLBACK_FAILED', { cause: errors[0] });
  }
}
