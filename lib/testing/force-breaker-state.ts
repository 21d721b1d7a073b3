import type { CircuitBreakerPolicy, CircuitState } from '../core/circuit-breaker/index.js';

/**
 * Puts a breaker in `state` for a test, as if it had just entered it: OPEN with a fresh
 * recovery timeout, HALF_OPEN with every probe permit free (the next calls are probes),
 * CLOSED with an empty window. Ends isolation. Emits `stateChange` with reason `forced`.
 *
 * @example
 * forceBreakerState(breaker, 'OPEN');
 * await expect(service.pay(order)).rejects.toBeInstanceOf(CircuitOpenError);
 */
export function forceBreakerState(breaker: CircuitBreakerPolicy, state: CircuitState): void {
  breaker.transitionTo(state, 'forced');
}
