import type { StateChangeReason } from '../circuit-state.js';
import { CircuitStateMachine } from '../circuit-state-machine.js';
import { createOutcomeWindow } from '../create-outcome-window.js';
import type { OutcomeWindow } from '../outcome-window.js';
import { tripReasonOf } from '../trip-rule.js';
import type {
  BreakerAdmission,
  BreakerOutcome,
  BreakerTransition,
  BreakerTransitionResult,
  SharedBreakerSnapshot,
  SharedBreakerSpec,
} from './shared-breaker.types.js';

/**
 * One shared breaker's state in process memory: the same state machine, windows and trip
 * rule as a local breaker, driven by the store's operations. The in-memory store keeps one
 * per breaker; the Redis store's scripts implement the same rules (and run the same tests).
 * Each operation judges with the settings it brings; another window kind or size starts an
 * empty window.
 */
export class SharedBreakerCell {
  private readonly machine: CircuitStateMachine;
  private window: OutcomeWindow;
  private consecutiveFailures = 0;
  private reason: StateChangeReason | undefined;

  constructor(
    private spec: SharedBreakerSpec,
    now: number,
  ) {
    this.window = createOutcomeWindow(spec);
    this.machine = new CircuitStateMachine(
      spec,
      (_from, to, reason) => this.entered(to, reason),
      now,
    );
  }

  /** Judges from now on with `spec` (the settings an operation brings). */
  adopt(spec: SharedBreakerSpec): void {
    if (spec === this.spec) return;
    const relayout = spec.mode !== this.spec.mode || spec.windowSize !== this.spec.windowSize;
    this.spec = spec;
    this.machine.timing = spec;
    if (!relayout) return;
    this.window = createOutcomeWindow(spec);
    this.consecutiveFailures = 0;
  }

  admit(now: number): BreakerAdmission {
    const machine = this.machine;
    machine.refresh(now);
    const allowed =
      machine.state === 'CLOSED' || (machine.state === 'HALF_OPEN' && machine.tryTakeProbe());
    const probe = allowed && machine.state === 'HALF_OPEN';
    const retryAfterMs = allowed ? 0 : machine.retryAfterMs(now);
    return { allowed, probe, retryAfterMs, snapshot: this.snapshot(now) };
  }

  record(outcome: BreakerOutcome, now: number): SharedBreakerSnapshot {
    const machine = this.machine;
    machine.refresh(now);
    if (outcome.generation !== machine.generation) return this.snapshot(now);
    if (outcome.kind === 'ignored') {
      if (machine.state === 'HALF_OPEN') machine.releaseProbe();
    } else if (machine.state === 'CLOSED') {
      this.count(outcome.kind === 'failure', outcome.slow, now);
    } else if (outcome.kind === 'failure') {
      machine.moveTo('OPEN', 'probeFailed', now);
    } else if (outcome.slow && this.spec.slowCallsTrip) {
      machine.moveTo('OPEN', 'slowProbe', now);
    } else {
      machine.probeSucceeded(now);
    }
    return this.snapshot(now);
  }

  read(now: number): SharedBreakerSnapshot {
    this.machine.refresh(now);
    return this.snapshot(now);
  }

  transition(change: BreakerTransition, now: number): BreakerTransitionResult {
    const machine = this.machine;
    machine.refresh(now);
    if (change.ifGeneration !== undefined && change.ifGeneration !== machine.generation) {
      return { applied: false, snapshot: this.snapshot(now) };
    }
    machine.moveTo(change.to, change.reason, now);
    if (change.isolate && change.to === 'OPEN') machine.isolated = true;
    return { applied: true, snapshot: this.snapshot(now) };
  }

  private count(failed: boolean, slow: boolean, now: number): void {
    this.consecutiveFailures = failed ? this.consecutiveFailures + 1 : 0;
    this.window.record(failed, slow, now);
    const threshold = this.spec.failureThreshold;
    const reason = tripReasonOf(this.spec, this.window, this.consecutiveFailures, threshold);
    if (reason !== undefined) this.machine.moveTo('OPEN', reason, now);
  }

  private entered(to: string, reason: StateChangeReason): void {
    this.reason = reason;
    if (to !== 'CLOSED') return;
    this.window.clear();
    this.consecutiveFailures = 0;
  }

  private snapshot(now: number): SharedBreakerSnapshot {
    const { machine, window } = this;
    window.expire(now);
    return {
      state: machine.state,
      generation: machine.generation,
      isolated: machine.isolated,
      reason: this.reason,
      openedAt: machine.openedAt,
      changedAt: machine.lastStateChangeAt,
      now,
      calls: window.calls,
      failures: window.failures,
      slowCalls: window.slowCalls,
      consecutiveFailures: this.consecutiveFailures,
    };
  }
}
