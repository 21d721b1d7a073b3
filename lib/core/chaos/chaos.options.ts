import type { Clock } from '../clock/clock.js';

/** A fixed delay, or one drawn uniformly between `minMs` and `maxMs`. */
export type ChaosLatency = number | { minMs: number; maxMs: number };

/** Options of the chaos policy (fault and latency injection for tests and staging). */
export interface ChaosOptions {
  /** Thrown instead of calling the function; a factory gives a fresh error each time. */
  fault?: Error | (() => Error);
  /** Waited (abortably) before the call, or before the fault. */
  latency?: ChaosLatency;
  /** Share of calls injected, 0..1. Default 1. */
  rate?: number;
  /** Seed of the random source: the same seed injects into the same calls. Default: `Math.random`. */
  seed?: number;
  clock?: Clock;
  /** Checked on every call; injection happens only while it returns true (blast-radius control). */
  enabled?: () => boolean;
}

/** Events of a chaos policy. */
export interface ChaosEvents {
  /** A call was injected: delayed by `latencyMs` (0 when no latency) and/or failed with a fault. */
  injected: { latencyMs: number; fault: boolean };
}
