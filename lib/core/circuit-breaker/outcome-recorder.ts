import type { TypedEventEmitter } from '../events/index.js';
import { AdaptiveThreshold } from './adaptive-threshold.js';
import { CallCounters } from './call-counters.js';
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
 */
export class OutcomeRecorder {
  readonly counters = new CallCounters();
  readonly window: OutcomeWindow;
  readonly threshold: AdaptiveThreshold;
  consecutiveFailures = 0;

  constructor(
    private readonly settings: CircuitBreakerSettings,
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
    const durationMs = now - startedAt;
    const slow = durationMs >= this.settings.slowCallDurationMs;
    this.counters.successes++;
    if (slow) this.counters.slowCalls++;
    if (this.events.hasListeners('success')) {
      this.events.emit('success', { name: this.settings.name, durationMs });
    }
    if (this.isStale(generation, now)) return;
    if (this.machine.state === 'CLOSED') {
      this.consecutiveFailures = 0;
      this.window.record(false, slow, now);
      this.tripIfDue(now);
    } else if (slow && this.settings.slowCallsTrip) {
      this.machine.moveTo('OPEN', 'slowProbe', now);
    } else {
      this.machine.probeSucceeded(now);
    }
  }

  failed(error: unknown, generation: number, startedAt: number, now: number): void {
    if (!this.countsAsFailure(error)) {
      this.counters.ignored++;
      if (this.events.hasListeners('ignored'))
        this.events.emit('ignored', { name: this.settings.name, error });
      if (!this.isStale(generation, now) && this.machine.state === 'HALF_OPEN')
        this.machine.releaseProbe();
      return;
    }
    const durationMs = now - startedAt;
    const slow = durationMs >= this.settings.slowCallDurationMs;
    this.counters.failures++;
    if (slow) this.counters.slowCalls++;
    if (this.events.hasListeners('failure')) {
      this.events.emit('failure', { name: this.settings.name, error, durationMs });
    }
    if (this.isStale(generation, now)) return;
    if (this.machine.state === 'HALF_OPEN') {
      this.machine.moveTo('OPEN', 'probeFailed', now);
      return;
    }
    this.consecutiveFailures++;
    this.window.record(true, slow, now);
    this.tripIfDue(now);
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

  private countsAsFailure(error: unknown): boolean {
    try {
      return this.settings.isFailure(error);
    } catch {
      return true;
    }
  }

  /** True when the call belongs to an earlier generation (the state changed meanwhile). */
  private isStale(generation: number, now: number): boolean {
    if (this.machine.state !== 'CLOSED') this.machine.refresh(now);
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
    this.threshold.recordTrip(now);
    this.machine.moveTo('OPEN', reason, now);
  }
}
