import type { CircuitState } from './circuit-state.js';
import type { CircuitStateMachine } from './circuit-state-machine.js';
import { healthScoreOf } from './health-score.js';
import type { OutcomeRecorder } from './outcome-recorder.js';
import { percentOf } from './trip-rule.js';

/**
 * A snapshot of a breaker. Counts run since creation or the last `reset()`; rates (in
 * percent, 0–100) describe the current window.
 */
export interface CircuitBreakerStats {
  readonly name: string;
  readonly state: CircuitState;
  /** True after `isolate()`, until `close()` or `reset()`. */
  readonly isolated: boolean;
  /** Calls that ran and settled: `successes + failures + ignored`. */
  readonly totalCalls: number;
  readonly successes: number;
  readonly failures: number;
  /** Settled calls (successful or failed) that took at least `slowCallDurationMs`. */
  readonly slowCalls: number;
  /** Calls rejected without running. */
  readonly rejected: number;
  /** Calls that failed with an error `isFailure` does not count. */
  readonly ignored: number;
  /** Failures in the current window, in percent of its calls (0 when it is empty). */
  readonly failureRate: number;
  /** Slow calls in the current window, in percent of its calls (0 when it is empty). */
  readonly slowCallRate: number;
  readonly consecutiveFailures: number;
  /** The failure threshold in force: a rate in rate mode, a count in consecutive mode. */
  readonly effectiveThreshold: number;
  /** 0–100, see {@link healthScoreOf}. */
  readonly healthScore: number;
  /** Clock time of the last state change (creation time if none). */
  readonly lastStateChangeAt: number;
  /** Clock time the breaker opened, while it is OPEN. */
  readonly openedAt?: number;
}

/** The parts of a breaker a snapshot reads. */
export interface StatsSources {
  readonly name: string;
  readonly state: CircuitState;
  readonly machine: CircuitStateMachine;
  readonly recorder: OutcomeRecorder;
}

/** Builds a {@link CircuitBreakerStats} as of `now` (time windows drop expired buckets). */
export function snapshotOf(
  { name, state, machine, recorder }: StatsSources,
  now: number,
): CircuitBreakerStats {
  const { window, counters } = recorder;
  window.expire(now);
  const failureRate = percentOf(window.failures, window.calls);
  const slowCallRate = percentOf(window.slowCalls, window.calls);
  const stats: CircuitBreakerStats = {
    name,
    state,
    isolated: machine.isolated,
    totalCalls: counters.successes + counters.failures + counters.ignored,
    successes: counters.successes,
    failures: counters.failures,
    slowCalls: counters.slowCalls,
    rejected: counters.rejected,
    ignored: counters.ignored,
    failureRate,
    slowCallRate,
    consecutiveFailures: recorder.consecutiveFailures,
    effectiveThreshold: recorder.threshold.value,
    healthScore: healthScoreOf(state, failureRate, slowCallRate),
    lastStateChangeAt: machine.lastStateChangeAt,
  };
  return state === 'OPEN' ? { ...stats, openedAt: machine.openedAt } : stats;
}
