import type { CircuitBreakerSettings } from './circuit-breaker.settings.js';
import type { StateChangeReason } from './circuit-state.js';
import type { OutcomeWindow } from './outcome-window.js';

/** The settings the trip rule reads. */
export type TripSettings = Pick<
  CircuitBreakerSettings,
  'mode' | 'minimumCalls' | 'slowCallsTrip' | 'slowCallRateThreshold'
>;

/**
 * Why a CLOSED breaker must open now, or `undefined` if it stays closed. Thresholds trip
 * at `>=`. Rates are compared without dividing (`failures × 100 >= threshold × calls`), so
 * a rate exactly at the threshold trips regardless of float rounding.
 */
export function tripReasonOf(
  settings: TripSettings,
  window: OutcomeWindow,
  consecutiveFailures: number,
  threshold: number,
): StateChangeReason | undefined {
  if (settings.mode === 'consecutive') {
    return consecutiveFailures >= threshold ? 'consecutiveFailures' : undefined;
  }
  const calls = window.calls;
  if (calls < settings.minimumCalls) return undefined;
  if (window.failures * 100 >= threshold * calls) return 'failureRate';
  if (settings.slowCallsTrip && window.slowCalls * 100 >= settings.slowCallRateThreshold * calls) {
    return 'slowCallRate';
  }
  return undefined;
}

/** `part` in percent of `whole`; 0 when `whole` is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (part * 100) / whole;
}
