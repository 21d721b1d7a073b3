import type { TypedEventEmitter } from '../events/index.js';
import { AdaptiveThreshold } from './adaptive-threshold.js';
import { CallCounters } from './call-counters.js';
import { durationBetween, timeOrNow } from './call-time.js';
import type { CircuitBreakerEvents } from './circuit-breaker.events.js';
import type { CircuitBreakerSettings } from './circuit-breaker.settings.js';
import type { CircuitStateMachine } from './circuit-state-machine.js';
import { CountWindow } from './count-window.js';
import type { OutcomeWindow } from './outcome-window.js';
import { TimeWindow } from './time-window.js';
import { tripReasonOf } from './trip-rule.js';

/**
 * What a settled call means to the breaker: it counts the outcome, reports it, and in
 * CLOSED feeds the window and opens the breaker when a threshold is reached; in HALF_OPEN
 * it gives the probe's verdict. Outcomes of stale calls (admitted in an earlier
 * generation) are counted and reported, and change nothing else.
 *
 * Times may be `UNTIMED` (call-time.ts) when the settings need none (see `timesCalls`): the clock is
 * then read only for a state change.
 */
export class OutcomeRecorder {
  readonly counters = new CallCounters();
  /** The window, the threshold and the settings are replaced in place by `reconfigure`. */
  window: OutcomeWindow;
  threshold: AdaptiveThreshold;
  consecutiveFailures = 0;

  constructor(
    private readonly name: string,
    public settings: CircuitBreakerSettings,
    private readonly machine: CircuitStateMachine,
    private readonly events: TypedEventEmitter<CircuitBreakerEvents>,
    now: number,
  ) {
    const size = settings.windowSize;
    this.window = settings.mode === 'time' ? new TimeWindow(size) : new CountWindow(size);
    this.threshold = new AdaptiveThreshold(settings.failureThreshold, settings.adaptive);
    this.threshold.startStablePeriod(now);
  }

  succeeded(generation: number, startedAt: number, now: number): void {
    const slow = this.countSuccess(durationBetween(startedAt, now));
    this.judgeSuccess(generation, slow, now);
  }

  failed(error: unknown, generation: number, startedAt: number, now: number): void {
    if (!this.countsAsFailure(error)) {
      this.countIgnored(error);
      this.judgeIgnored(generation, now);
      return;
    }
    const slow = this.countFailure(error, durationBetween(startedAt, now));
    this.judgeFailure(generation, slow, now);
  }

  /** Counts and reports a success; returns whether it was slow. */
  countSuccess(durationMs: number): boolean {
    const slow = durationMs >= this.settings.slowCallDurationMs;
    this.counters.successes++;
    if (slow) this.counters.slowCalls++;
    if (this.events.hasListeners('success')) {
      this.events.emit('success', { name: this.name, durationMs });
    }
    return slow;
  }

  /** Counts and reports a failure that `isFailure` counts; returns whether it was slow. */
  countFailure(error: unknown, durationMs: number): boolean {
    const slow = durationMs >= this.settings.slowCallDurationMs;
    this.counters.failures++;
    if (slow) this.counters.slowCalls++;
    if (this.events.hasListeners('failure')) {
      this.events.emit('failure', { name: this.name, error, durationMs });
    }
    if (this.events.hasListeners('failureCounted')) {
      this.events.emit('failureCounted', { name: this.name, error });
    }
    return slow;
  }

  countIgnored(error: unknown): void {
    this.counters.ignored++;
    if (this.events.hasListeners('ignored'))
      this.events.emit('ignored', { name: this.name, error });
  }

  /** What a success of `generation` does to the state: feeds the window, or is a probe's verdict. */
  judgeSuccess(generation: number, slow: boolean, now: number): void {
    if (this.isStale(generation, now)) return;
    if (this.machine.state === 'CLOSED') {
      this.consecutiveFailures = 0;
      this.window.record(false, slow, now);
      // A success can only trip a rate (reaching minimumCalls, or a slow call).
      if (this.settings.mode !== 'consecutive') this.tripIfDue(now);
    } else if (slow && this.settings.slowCallsTrip) {
      this.machine.moveTo('OPEN', 'slowProbe', now);
    } else {
      this.machine.probeSucceeded(timeOrNow(now, this.settings.clock));
    }
  }

  judgeFailure(generation: number, slow: boolean, now: number): void {
    if (this.isStale(generation, now)) return;
    if (this.machine.state === 'HALF_OPEN') {
      this.machine.moveTo('OPEN', 'probeFailed', timeOrNow(now, this.settings.clock));
      return;
    }
    this.consecutiveFailures++;
    this.window.record(true, slow, now);
    this.tripIfDue(now);
  }

  /** An ignored error counts nothing; a probe's permit is free again. */
  judgeIgnored(generation: number, now: number): void {
    if (!this.isStale(generation, now) && this.machine.state === 'HALF_OPEN')
      this.machine.releaseProbe();
  }

  /** The breaker entered CLOSED at `at`: it starts with an empty window. */
  startAfresh(at: number): void {
    this.window.clear();
    this.consecutiveFailures = 0;
    this.threshold.startStablePeriod(at);
  }

  /** Forgets every count and every trip. */
  reset(now: number): void {
    this.counters.clear();
    this.threshold.reset(now);
  }

  /** Whether `error` counts as a failure; an `isFailure` that throws counts it. */
  countsAsFailure(error: unknown): boolean {
    try {
      return this.settings.isFailure(error);
    } catch {
      return true;
    }
  }

  /** True when the call belongs to an earlier generation (the state changed meanwhile). */
  private isStale(generation: number, now: number): boolean {
    if (this.machine.state !== 'CLOSED') this.machine.refresh(timeOrNow(now, this.settings.clock));
    return generation !== this.machine.generation;
  }

  private tripIfDue(now: number): void {
    const reason = tripReasonOf(
      this.settings,
      this.window,
      this.consecutiveFailures,
      this.threshold.value,
    );
    if (reason === undefined) return;
    const at = timeOrNow(now, this.settings.clock);
    this.threshold.recordTrip(at);
    this.machine.moveTo('OPEN', reason, at);
  }
}
