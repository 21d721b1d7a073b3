/**
 * The state of a breaker. `CLOSED` lets every call through, `OPEN` rejects every call with
 * `CircuitOpenError`, `HALF_OPEN` lets a few probe calls through to test the dependency.
 */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/** Why a breaker changed state (the `reason` of a `stateChange` event). */
export type StateChangeReason =
  /** Consecutive mode: `failureThreshold` failures in a row. */
  | 'consecutiveFailures'
  /** Rate mode: the window's failure rate reached the (effective) threshold. */
  | 'failureRate'
  /** Rate mode: the window's slow-call rate reached `slowCallRateThreshold`. */
  | 'slowCallRate'
  /** `recoveryTimeoutMs` elapsed while OPEN: probes are let through. */
  | 'recoveryTimeout'
  /** `successThreshold` probes succeeded. */
  | 'probesSucceeded'
  /** A probe failed. */
  | 'probeFailed'
  /** Rate mode with `slowCallDurationMs`: a probe succeeded, but slowly. */
  | 'slowProbe'
  /** No verdict within `maxWaitInHalfOpenMs` (a hung probe). */
  | 'halfOpenTimeout'
  /** `open()` was called. */
  | 'manualOpen'
  /** `close()` was called. */
  | 'manualClose'
  /** `reset()` was called. */
  | 'reset'
  /** `isolate()` was called. */
  | 'isolated'
  /** A test forced the state (`forceBreakerState`). */
  | 'forced'
  /** `reconfigure` changed the window kind or size: the breaker restarted CLOSED. */
  | 'reconfigured';
