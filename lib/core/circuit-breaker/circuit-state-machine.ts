import type { CircuitState, StateChangeReason } from './circuit-state.js';

/** The settings the state machine needs. */
export interface StateMachineTiming {
  readonly recoveryTimeoutMs: number;
  readonly maxWaitInHalfOpenMs: number;
  readonly halfOpenMaxCalls: number;
  readonly successThreshold: number;
}

/** Runs after every transition, including one into the state the breaker was already in. */
export type TransitionHandler = (
  from: CircuitState,
  to: CircuitState,
  reason: StateChangeReason,
  at: number,
) => void;

/**
 * A breaker's states and the rules for moving between them. There are no timers: what
 * time alone causes (OPEN → HALF_OPEN after the recovery timeout, HALF_OPEN → OPEN when no
 * verdict came within `maxWaitInHalfOpenMs`) happens in `refresh`, which the breaker runs
 * when a call arrives or settles and when its state is read.
 *
 * Every transition starts a new generation: an outcome of a call admitted in an earlier
 * generation is stale and must not change the new state.
 */
export class CircuitStateMachine {
  state: CircuitState = 'CLOSED';
  generation = 0;
  /** OPEN until `close()` or `reset()`: never goes half-open. */
  isolated = false;
  openedAt = 0;
  lastStateChangeAt: number;
  private halfOpenedAt = 0;
  private probesInFlight = 0;
  private probeSuccesses = 0;

  constructor(
    /** Replaced in place by `reconfigure` (see reconfigure-breaker.ts). */
    public timing: StateMachineTiming,
    private readonly onTransition: TransitionHandler,
    now: number,
  ) {
    this.lastStateChangeAt = now;
  }

  /** Applies the transitions that the passing of time has caused by `now`. */
  refresh(now: number): void {
    const timing = this.timing;
    if (this.state === 'HALF_OPEN' && now - this.halfOpenedAt >= timing.maxWaitInHalfOpenMs) {
      // Reopened as of when the wait ran out, so that a breaker nobody called for a long
      // time may let a probe through at once instead of waiting another recovery timeout.
      this.moveTo('OPEN', 'halfOpenTimeout', this.halfOpenedAt + timing.maxWaitInHalfOpenMs);
    }
    if (
      this.state === 'OPEN' &&
      !this.isolated &&
      now - this.openedAt >= timing.recoveryTimeoutMs
    ) {
      this.moveTo('HALF_OPEN', 'recoveryTimeout', now);
    }
  }

  /** Time left until probes are let through; 0 when unknown (isolated, or HALF_OPEN and full). */
  retryAfterMs(now: number): number {
    if (this.state !== 'OPEN' || this.isolated) return 0;
    return Math.max(0, this.openedAt + this.timing.recoveryTimeoutMs - now);
  }

  /** Takes a probe permit in HALF_OPEN; false when `halfOpenMaxCalls` probes are in flight. */
  tryTakeProbe(): boolean {
    if (this.probesInFlight >= this.timing.halfOpenMaxCalls) return false;
    this.probesInFlight++;
    return true;
  }

  /** A probe of the current generation succeeded: enough of them close the breaker. */
  probeSucceeded(now: number): void {
    this.probesInFlight--;
    this.probeSuccesses++;
    if (this.probeSuccesses >= this.timing.successThreshold)
      this.moveTo('CLOSED', 'probesSucceeded', now);
  }

  /** A probe of the current generation ended without a verdict: its permit is free again. */
  releaseProbe(): void {
    this.probesInFlight--;
  }

  moveTo(to: CircuitState, reason: StateChangeReason, at: number): void {
    const from = this.state;
    this.state = to;
    this.generation++;
    this.lastStateChangeAt = at;
    this.probesInFlight = 0;
    this.probeSuccesses = 0;
    if (to === 'OPEN') {
      this.openedAt = at;
    } else {
      this.isolated = false;
      if (to === 'HALF_OPEN') this.halfOpenedAt = at;
    }
    this.onTransition(from, to, reason, at);
  }
}
