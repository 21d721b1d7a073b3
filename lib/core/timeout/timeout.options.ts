import type { Clock } from '../clock/clock.js';

/** Options of a timeout policy. */
export interface TimeoutOptions {
  /** Milliseconds before the call is abandoned with `PolicyTimeoutError`. */
  ms: number;
  clock?: Clock;
}

/** The settings a timeout policy applies (what `reconfigure` reports). */
export interface EffectiveTimeoutOptions {
  readonly ms: number;
}
