import { ResilienceError } from './resilience.error.js';

/** The call did not settle within the timeout. */
export class PolicyTimeoutError extends ResilienceError {
  constructor(readonly timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`, 'TIMEOUT');
  }
}
