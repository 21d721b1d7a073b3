import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { CircuitState, StateChangeReason } from './circuit-state.js';
import type { EffectiveCircuitBreakerOptions } from './effective-breaker-options.js';

/** The breaker moved from one state to another. */
export interface StateChangeEvent {
  readonly name: string;
  readonly from: CircuitState;
  readonly to: CircuitState;
  readonly reason: StateChangeReason;
}

/** A call went through and succeeded. */
export interface CallSucceededEvent {
  readonly name: string;
  readonly durationMs: number;
}

/** A call went through and failed with an error that `isFailure` counts. */
export interface CallFailedEvent {
  readonly name: string;
  readonly error: unknown;
  readonly durationMs: number;
}

/**
 * A call went through and failed with an error that `isFailure` counts: the same calls as
 * {@link CallFailedEvent}, without their duration, so listening costs the breaker no clock
 * read (a `success` or `failure` listener makes it time every call).
 */
export interface CallFailureCountedEvent {
  readonly name: string;
  readonly error: unknown;
}

/** The breaker rejected a call without running it (OPEN, isolated, or HALF_OPEN and full). */
export interface CallRejectedEvent {
  readonly name: string;
  readonly state: CircuitState;
}

/** A call failed with an error that `isFailure` does not count: it counted nothing. */
export interface CallIgnoredEvent {
  readonly name: string;
  readonly error: unknown;
}

/** A shared breaker's store failed or answered again (once per outage). */
export interface BreakerStoreEvent {
  readonly name: string;
  /** The store's error, on `storeFailure`. */
  readonly error?: unknown;
}

/**
 * Events of a {@link CircuitBreakerPolicy}. Payloads are only built when someone listens;
 * a listener that throws changes neither the breaker's state nor the caller's result.
 * `success`, `failure`, `failureCounted` and `ignored` fire for every settled call, including one that
 * started before a state change (which then changes nothing else).
 */
export interface CircuitBreakerEvents {
  stateChange: StateChangeEvent;
  success: CallSucceededEvent;
  failure: CallFailedEvent;
  failureCounted: CallFailureCountedEvent;
  rejected: CallRejectedEvent;
  ignored: CallIgnoredEvent;
  /** `reconfigure` applied new settings (a keyed breaker reports once, for all its keys). */
  reconfigured: ReconfiguredEvent<EffectiveCircuitBreakerOptions>;
  /** Shared breakers: the store failed; the local copy judges calls until it answers. */
  storeFailure: BreakerStoreEvent;
  /** Shared breakers: the store answered again after an outage. */
  storeRecovered: BreakerStoreEvent;
}
