import { ResilienceError } from './resilience.error.js';

/** An open (or isolated, or saturated half-open) breaker rejected the call without running it. */
export class CircuitOpenError extends ResilienceError {
  constructor(
    /** The breaker's name. */
    readonly breakerName: string,
    /** How long until the breaker lets a probe through; 0 when unknown (isolated). */
    readonly retryAfterMs: number,
  ) {
    super(`Circuit breaker "${breakerName}" is open`, 'CIRCUIT_OPEN');
  }
}
