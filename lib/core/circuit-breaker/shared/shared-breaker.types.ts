import type { BreakerMode } from '../circuit-breaker.settings.js';
import type { CircuitState, StateChangeReason } from '../circuit-state.js';

/**
 * What a store needs to run a shared breaker: the breaker's settings as plain data (no
 * functions), so a server-side script can apply them. Every process sharing a breaker must
 * configure it the same way.
 */
export interface SharedBreakerSpec {
  readonly mode: BreakerMode;
  /** Calls (count window, consecutive mode's stats window) or seconds (time window). */
  readonly windowSize: number;
  /** Failures in a row (consecutive mode) or failure rate in percent. */
  readonly failureThreshold: number;
  readonly minimumCalls: number;
  readonly slowCallRateThreshold: number;
  readonly slowCallsTrip: boolean;
  readonly recoveryTimeoutMs: number;
  /** Always finite for a shared breaker: a process that dies mid-probe must not hold it. */
  readonly maxWaitInHalfOpenMs: number;
  readonly halfOpenMaxCalls: number;
  readonly successThreshold: number;
}

/** A shared breaker's state as the store saw it, with times on the store's clock. */
export interface SharedBreakerSnapshot {
  readonly state: CircuitState;
  /** Bumped by every transition; an outcome of an earlier generation changes nothing. */
  readonly generation: number;
  readonly isolated: boolean;
  /** Why it entered its state; `undefined` for a breaker that never changed. */
  readonly reason: StateChangeReason | undefined;
  /** Store time it last opened (meaningful while OPEN). */
  readonly openedAt: number;
  /** Store time of the last transition. */
  readonly changedAt: number;
  /** Store time of this answer, to translate the other times to the local clock. */
  readonly now: number;
  /** The window's totals. */
  readonly calls: number;
  readonly failures: number;
  readonly slowCalls: number;
  readonly consecutiveFailures: number;
}

/** The answer to a request for a permit. */
export interface BreakerAdmission {
  readonly allowed: boolean;
  /** The permit is one of HALF_OPEN's probe permits. */
  readonly probe: boolean;
  /** When rejected: time until probes are let through (0 when unknown). */
  readonly retryAfterMs: number;
  readonly snapshot: SharedBreakerSnapshot;
}

/** How an admitted call ended: `ignored` is an error `isFailure` does not count. */
export interface BreakerOutcome {
  /** The generation the call was admitted in. */
  readonly generation: number;
  readonly kind: 'success' | 'failure' | 'ignored';
  readonly slow: boolean;
}

/** A manual transition; with `ifGeneration`, only applied if the breaker is still in it. */
export interface BreakerTransition {
  readonly to: CircuitState;
  readonly reason: StateChangeReason;
  /** Holds it OPEN until the next transition to CLOSED (`isolate()`). */
  readonly isolate?: boolean;
  readonly ifGeneration?: number;
}

/** Whether a transition was applied, and the state after it. */
export interface BreakerTransitionResult {
  readonly applied: boolean;
  readonly snapshot: SharedBreakerSnapshot;
}

/**
 * The breaker operations of a store, each atomic: the state check, the probe permit and
 * the write that follows happen together, so two processes cannot both take the last
 * probe or both trip the breaker.
 */
export interface SharedBreakerOperations {
  /** Asks for a permit, applying the transitions time has caused (OPEN → HALF_OPEN ...). */
  admit(name: string, spec: SharedBreakerSpec): Promise<BreakerAdmission>;
  /** Records how an admitted call ended; may trip, close or reopen the breaker. */
  record(
    name: string,
    spec: SharedBreakerSpec,
    outcome: BreakerOutcome,
  ): Promise<SharedBreakerSnapshot>;
  /** The current state (applying due transitions). */
  read(name: string, spec: SharedBreakerSpec): Promise<SharedBreakerSnapshot>;
  /** Moves it to another state, optionally compare-and-set on the generation. */
  transition(
    name: string,
    spec: SharedBreakerSpec,
    change: BreakerTransition,
  ): Promise<BreakerTransitionResult>;
}
