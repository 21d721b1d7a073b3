import type { CircuitState } from './circuit-state.js';

/** Weight of the failure rate in a CLOSED breaker's health score. */
const FAILURE_WEIGHT = 0.7;
/** Weight of the slow-call rate: slow calls hurt, but less than failures. */
const SLOW_CALL_WEIGHT = 0.3;
/** A HALF_OPEN breaker is neither healthy nor broken: it is being tested. */
const HALF_OPEN_SCORE = 50;

/**
 * A breaker's health, 0 (broken) to 100 (healthy):
 *
 * - OPEN (including isolated): `0`.
 * - HALF_OPEN: `50`.
 * - CLOSED: `round(100 − 0.7 × failureRate − 0.3 × slowCallRate)`, clamped to 0–100, with
 *   both rates in percent over the current window (an empty window scores 100).
 */
export function healthScoreOf(
  state: CircuitState,
  failureRate: number,
  slowCallRate: number,
): number {
  if (state === 'OPEN') return 0;
  if (state === 'HALF_OPEN') return HALF_OPEN_SCORE;
  const score = 100 - FAILURE_WEIGHT * failureRate - SLOW_CALL_WEIGHT * slowCallRate;
  return Math.min(100, Math.max(0, Math.round(score)));
}
