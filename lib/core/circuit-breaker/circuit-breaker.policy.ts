import type { Clock } from '../clock/index.js';
import { CircuitOpenError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
  type ReconfigureResult,
} from '../policy/index.js';
import type { CircuitBreakerEvents } from './circuit-breaker.events.js';
import type { CircuitBreakerOptions } from './circuit-breaker.options.js';
import {
  resolveCircuitBreakerSettings,
  type CircuitBreakerSettings,
} from './circuit-breaker.settings.js';
import { snapshotOf, type CircuitBreakerStats } from './circuit-breaker.stats.js';
import type { CircuitState, StateChangeReason } from './circuit-state.js';
import { CircuitStateMachine, type TransitionHandler } from './circuit-state-machine.js';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker.defaults.js';
import { UNTIMED, timeOrNow } from './call-time.js';
import {
  effectiveBreakerOptionsOf,
  type EffectiveCircuitBreakerOptions,
} from './effective-breaker-options.js';
import { OutcomeRecorder } from './outcome-recorder.js';
import { applyBreakerSettings, resolveBreakerReconfiguration } from './reconfigure-breaker.js';

/**
 * A circuit breaker: CLOSED → OPEN → HALF_OPEN → CLOSED (DESIGN §2).
 *
 * - CLOSED counts outcomes: consecutive failures (default), or failure and slow-call rates
 *   over a count or time window once `minimumCalls` are in it. Thresholds trip at `>=`.
 * - OPEN rejects at once with {@link CircuitOpenError} (`retryAfterMs` = time left until
 *   probes are allowed). No timers: it turns HALF_OPEN when a call arrives, or the state is
 *   read, after `recoveryTimeoutMs`.
 * - HALF_OPEN lets at most `halfOpenMaxCalls` probes run at once and rejects other callers;
 *   `successThreshold` successful probes close it, one failed probe reopens it, and so does
 *   waiting longer than `maxWaitInHalfOpenMs` for a verdict.
 * - An error `isFailure` rejects counts nothing and frees its probe permit. An `isFailure`
 *   that throws counts the error as a failure.
 * - A call admitted before a state change cannot change the new state when it settles.
 *
 * @example
 * const breaker = createCircuitBreaker({ name: 'payments', failureThreshold: 3 });
 * breaker.on('stateChange', ({ from, to }) => log(`payments ${from} → ${to}`));
 * const receipt = await breaker.execute(({ signal }) => pay(order, { signal }));
 */
export class CircuitBreakerPolicy implements Policy {
  /** The breaker's name, used in errors, events, metrics and the registry. */
  readonly name: string;
  /** Replaced in place by {@link reconfigure}; shared by breakers configured alike. */
  protected settings: CircuitBreakerSettings;
  protected readonly events = new TypedEventEmitter<CircuitBreakerEvents>();
  private readonly createdAt: number;
  // Created on first use: an idle breaker (one of thousands, per tenant or per key) holds
  // no more than its name and its (shared) settings.
  private trackedMachine?: CircuitStateMachine;
  private trackedRecorder?: OutcomeRecorder;
  /** Whether a `success` or `failure` listener wants durations, as of the emitter's `version`. */
  private durationListened = false;
  private durationListenersAt = -1;

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: CircuitBreakerOptions = {}) {
    this.settings = resolveCircuitBreakerSettings(options);
    this.name = options.name ?? CIRCUIT_BREAKER_DEFAULTS.name;
    this.createdAt = this.settings.clock.now();
  }

  protected get clock(): Clock {
    return this.settings.clock;
  }

  protected get machine(): CircuitStateMachine {
    return this.trackedMachine ?? this.startTracking().machine;
  }

  protected get recorder(): OutcomeRecorder {
    return this.trackedRecorder ?? this.startTracking().recorder;
  }

  /** The current state (reading it applies a due OPEN → HALF_OPEN transition). */
  get state(): CircuitState {
    if (!this.trackedMachine) return 'CLOSED';
    return this.refresh(this.clock.now());
  }

  /** True after `isolate()`, until `close()` or `reset()`. */
  get isIsolated(): boolean {
    return this.trackedMachine?.isolated ?? false;
  }

  /** 0–100; see {@link healthScoreOf}. */
  get healthScore(): number {
    return this.stats().healthScore;
  }

  /** Listens to `stateChange`, `success`, `failure`, `rejected` or `ignored`. */
  on<K extends keyof CircuitBreakerEvents>(
    event: K,
    listener: Listener<CircuitBreakerEvents[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** Stops `listener` listening to `event`. */
  off<K extends keyof CircuitBreakerEvents>(
    event: K,
    listener: Listener<CircuitBreakerEvents[K]>,
  ): void {
    this.events.off(event, listener);
  }

  /**
   * Runs `fn` unless the breaker rejects the call. @throws CircuitOpenError when rejected.
   * Written with `then` rather than `await`: an async function costs more than the rest of
   * a CLOSED breaker's work (about 13 ns a call here).
   */
  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    let startedAt: number;
    let generation: number;
    try {
      startedAt = this.startOfCall();
      generation = this.admit(startedAt);
    } catch (error) {
      return Promise.reject(error);
    }
    return invokeGuarded(fn, toExecutionContext(options)).then(
      (value) => {
        this.recordSuccess(generation, startedAt);
        return value;
      },
      (error: unknown) => {
        this.recordFailure(error, generation, startedAt);
        throw error;
      },
    );
  }

  /**
   * The synchronous halves of {@link execute}, for a pipeline that runs several in-process
   * policies around one call: `startOfCall`, then `admit` (which throws the rejection),
   * then `recordSuccess` or `recordFailure` with what they returned.
   * @internal
   */
  startOfCall(): number {
    return this.machine.state === 'CLOSED' && !this.timesCalls() ? UNTIMED : this.clock.now();
  }

  /** See {@link startOfCall}. @internal */
  recordSuccess(generation: number, startedAt: number): void {
    this.recorder.succeeded(generation, startedAt, this.successEndOf(startedAt));
  }

  /** See {@link startOfCall}. @internal */
  recordFailure(error: unknown, generation: number, startedAt: number): void {
    this.recorder.failed(error, generation, startedAt, this.endOf(startedAt));
  }

  /**
   * Applies `options` in place, from the next call on. They are the complete new options
   * (what they leave out takes its default, as in `createCircuitBreaker`), checked with the
   * same rules; `name`, `clock` and `onStoreFailure` cannot change (left out, they stay).
   *
   * State, window and counts stay, unless the window kind or size changes: then the breaker
   * restarts CLOSED with an empty window (`restarted`; a `stateChange` with reason
   * `reconfigured` if it was not CLOSED; an isolated breaker stays isolated). New thresholds
   * judge the next outcome: the change alone never opens or closes the breaker. Calls in
   * flight keep working. Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: CircuitBreakerOptions): ReconfigureResult<EffectiveCircuitBreakerOptions> {
    const { clock, onStoreFailure } = this.settings;
    const fixed = { name: this.name, clock, onStoreFailure };
    return this.applySettings(resolveBreakerReconfiguration(options, fixed).settings);
  }

  /** Puts resolved, valid settings in force, as {@link reconfigure} describes. */
  protected applySettings(
    settings: CircuitBreakerSettings,
  ): ReconfigureResult<EffectiveCircuitBreakerOptions> {
    const previous = this.settings;
    this.settings = settings;
    const restarted = applyBreakerSettings(this.machine, this.recorder, settings, this.clock.now());
    const result = {
      restarted,
      previous: effectiveBreakerOptionsOf(this.name, previous),
      current: effectiveBreakerOptionsOf(this.name, settings),
    };
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The settings in force, in option names (see {@link EffectiveCircuitBreakerOptions}). */
  effectiveOptions(): EffectiveCircuitBreakerOptions {
    return effectiveBreakerOptionsOf(this.name, this.settings);
  }

  /** Opens the breaker with a fresh recovery timeout. */
  open(): void {
    const now = this.clock.now();
    if (this.refresh(now) === 'OPEN') this.machine.openedAt = now;
    else this.machine.moveTo('OPEN', 'manualOpen', now);
  }

  /** Closes the breaker (ending isolation) with an empty window. */
  close(): void {
    const now = this.clock.now();
    if (this.refresh(now) !== 'CLOSED') this.machine.moveTo('CLOSED', 'manualClose', now);
  }

  /** Closes the breaker and clears every count, the window and the adaptive threshold. */
  reset(): void {
    const now = this.clock.now();
    this.recorder.reset(now);
    this.machine.moveTo('CLOSED', 'reset', now);
  }

  /** Holds the breaker OPEN, never half-open, until `close()` or `reset()`. */
  isolate(): void {
    this.machine.isolated = true;
    if (this.machine.state !== 'OPEN') this.machine.moveTo('OPEN', 'isolated', this.clock.now());
  }

  /**
   * Puts the breaker in `state` as if it had just entered it (HALF_OPEN with no probe taken,
   * OPEN with a fresh recovery timeout, CLOSED with an empty window), ending isolation.
   * @internal Used by `forceBreakerState` in `nestjs-bulwark/testing`.
   */
  transitionTo(state: CircuitState, reason: StateChangeReason = 'forced'): void {
    this.machine.isolated = false;
    this.machine.moveTo(state, reason, this.clock.now());
  }

  /** A snapshot: counts since the last reset, rates from the current window. */
  stats(): CircuitBreakerStats {
    const now = this.clock.now();
    const state = this.refresh(now);
    if (state === 'CLOSED') this.recorder.threshold.relax(now);
    return snapshotOf(
      { name: this.name, state, machine: this.machine, recorder: this.recorder },
      now,
    );
  }

  /** Takes a permit, returning the generation the call belongs to; throws when rejected. */
  /** Admits a call started at `now`; returns its generation. See {@link startOfCall}. @internal */
  admit(now: number): number {
    const machine = this.machine;
    if (machine.state === 'CLOSED') {
      const threshold = this.recorder.threshold;
      if (threshold.isTightened) threshold.relax(timeOrNow(now, this.clock));
      return machine.generation;
    }
    machine.refresh(now);
    if (machine.state === 'HALF_OPEN' && machine.tryTakeProbe()) return machine.generation;
    this.recorder.counters.rejected++;
    if (this.events.hasListeners('rejected'))
      this.events.emit('rejected', { name: this.name, state: machine.state });
    throw new CircuitOpenError(this.name, machine.retryAfterMs(now));
  }

  /** Whether this call's start and end must be read from the clock (see `timesCalls`). */
  private timesCalls(): boolean {
    if (this.settings.timesCalls) return true;
    // Asked on every call; the listeners change rarely (two Map lookups become a compare).
    const events = this.events;
    if (this.durationListenersAt !== events.version) {
      this.durationListened = events.hasListeners('success') || events.hasListeners('failure');
      this.durationListenersAt = events.version;
    }
    return this.durationListened;
  }

  private endOf(startedAt: number): number {
    return Number.isNaN(startedAt) ? UNTIMED : this.clock.now();
  }

  /** A success's duration matters to the settings and `success` listeners only. */
  private successEndOf(startedAt: number): number {
    if (Number.isNaN(startedAt)) return UNTIMED;
    const timed = this.settings.timesCalls || this.events.hasListeners('success');
    return timed ? this.clock.now() : UNTIMED;
  }

  private startTracking(): { machine: CircuitStateMachine; recorder: OutcomeRecorder } {
    const { name, settings, events, createdAt } = this;
    const onTransition: TransitionHandler = (from, to, reason, at) =>
      this.entered(from, to, reason, at);
    const machine = new CircuitStateMachine(settings, onTransition, createdAt);
    const recorder = new OutcomeRecorder(name, settings, machine, events, createdAt);
    this.trackedMachine = machine;
    this.trackedRecorder = recorder;
    return { machine, recorder };
  }

  private refresh(now: number): CircuitState {
    if (this.machine.state !== 'CLOSED') this.machine.refresh(now);
    return this.machine.state;
  }

  private entered(
    from: CircuitState,
    to: CircuitState,
    reason: StateChangeReason,
    at: number,
  ): void {
    if (to === 'CLOSED') this.recorder.startAfresh(at);
    if (from !== to && this.events.hasListeners('stateChange')) {
      this.events.emit('stateChange', { name: this.name, from, to, reason });
    }
  }
}

/** Creates a {@link CircuitBreakerPolicy}. @throws ResilienceConfigError on invalid options. */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreakerPolicy {
  return new CircuitBreakerPolicy(options);
}
