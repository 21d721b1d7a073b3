import { CircuitOpenError, StoreUnavailableError } from '../../errors/index.js';
import {
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type GuardedFunction,
  type ReconfigureResult,
} from '../../policy/index.js';
import type { CircuitBreakerOptions } from '../circuit-breaker.options.js';
import { CircuitBreakerPolicy } from '../circuit-breaker.policy.js';
import type { CircuitBreakerSettings } from '../circuit-breaker.settings.js';
import type { CircuitBreakerStats } from '../circuit-breaker.stats.js';
import type { CircuitState, StateChangeReason } from '../circuit-state.js';
import type { EffectiveCircuitBreakerOptions } from '../effective-breaker-options.js';
import { sharedBreakerOptions, sharedBreakerSpecOf } from './shared-breaker-spec.js';
import { withSharedWindow } from './shared-breaker-stats.js';
import type {
  BreakerAdmission,
  BreakerOutcome,
  SharedBreakerOperations,
} from './shared-breaker.types.js';
import { SharedStateLink } from './shared-state-link.js';

/** An outcome as this process counted it, before the store judges it. */
interface CountedOutcome {
  kind: BreakerOutcome['kind'];
  slow: boolean;
}

/**
 * A circuit breaker whose state and window live in a store, so that every process sharing
 * the store (and the name) sees the same breaker: one that opens in one process rejects
 * calls in the others. A call waits for one store round trip (its permit); its outcome is
 * sent after it, and waited for only when it may change the state (a failure, a slow call,
 * a probe's verdict).
 *
 * `state` and `stats()` show the shared state as of this process's last store answer
 * (`sync()` reads it afresh). While the store fails, a call follows `onStoreFailure`:
 * `local` (default) lets the in-process breaker judge it, starting from the last shared
 * state seen; `fail-open` runs it unjudged; `fail-closed` rejects it with
 * {@link StoreUnavailableError}. The store is tried again on every call and used as soon as
 * it answers. Manual controls apply here at once and return a promise that settles once the
 * store has them.
 */
export class SharedCircuitBreakerPolicy extends CircuitBreakerPolicy {
  private readonly link: SharedStateLink;

  /** @throws ResilienceConfigError naming every invalid option (and `adaptive`). */
  constructor(options: CircuitBreakerOptions, store: SharedBreakerOperations) {
    super(sharedBreakerOptions(options));
    const spec = sharedBreakerSpecOf(this.settings);
    this.link = new SharedStateLink(this.name, spec, store, this.machine, this.clock, this.events);
  }

  override async execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const startedAt = this.clock.now();
    const admission = await this.link.admit();
    if (!admission) return this.executeWithoutStore(fn, options);
    if (!admission.allowed) throw this.rejection(admission);
    let value: Awaited<T>;
    try {
      value = await fn(toExecutionContext(options));
    } catch (error) {
      const failure = this.countFailure(error, startedAt);
      await this.judge(admission, failure);
      throw error;
    }
    const success = this.countSuccess(startedAt);
    const judged = this.judge(admission, success);
    // A success that is neither slow nor a probe's changes no state: the caller need not wait
    // for the store to hear of it. The process's next call is sent after it on the same
    // connection, so this process never sees its window without it.
    if (success.slow || admission.probe) await judged;
    return value;
  }

  override open(): Promise<void> {
    super.open();
    return this.link.push({ to: 'OPEN', reason: 'manualOpen' });
  }

  override close(): Promise<void> {
    super.close();
    return this.link.push({ to: 'CLOSED', reason: 'manualClose' });
  }

  override reset(): Promise<void> {
    super.reset();
    return this.link.push({ to: 'CLOSED', reason: 'reset' });
  }

  override isolate(): Promise<void> {
    super.isolate();
    return this.link.push({ to: 'OPEN', reason: 'isolated', isolate: true });
  }

  override transitionTo(state: CircuitState, reason: StateChangeReason = 'forced'): Promise<void> {
    super.transitionTo(state, reason);
    return this.link.push({ to: state, reason });
  }

  /** As the base class does, for a shared breaker (no `adaptive`; finite half-open wait). */
  override reconfigure(
    options: CircuitBreakerOptions,
  ): ReconfigureResult<EffectiveCircuitBreakerOptions> {
    return super.reconfigure(sharedBreakerOptions(options));
  }

  /** Reads the shared state afresh (after this process's pending manual changes). */
  async sync(): Promise<CircuitState> {
    await this.link.read();
    return this.state;
  }

  /** Counts from this process; window rates from the shared window while the store answers. */
  override stats(): CircuitBreakerStats {
    const local = super.stats();
    const shared = this.link.lastSeen;
    return shared && !this.link.isDown ? withSharedWindow(local, shared) : local;
  }

  /** A restart (another window) restarts the shared state too: the old window cannot serve. */
  protected override applySettings(
    settings: CircuitBreakerSettings,
  ): ReconfigureResult<EffectiveCircuitBreakerOptions> {
    const result = super.applySettings(settings);
    this.link.spec = sharedBreakerSpecOf(settings);
    if (result.restarted) {
      const isolate = this.machine.isolated;
      void this.link.push({ to: isolate ? 'OPEN' : 'CLOSED', reason: 'reconfigured', isolate });
    }
    return result;
  }

  private countSuccess(startedAt: number): CountedOutcome {
    const slow = this.recorder.countSuccess(this.clock.now() - startedAt);
    return { kind: 'success', slow };
  }

  private countFailure(error: unknown, startedAt: number): CountedOutcome {
    const { recorder } = this;
    if (!recorder.countsAsFailure(error)) {
      recorder.countIgnored(error);
      return { kind: 'ignored', slow: false };
    }
    return { kind: 'failure', slow: recorder.countFailure(error, this.clock.now() - startedAt) };
  }

  /** Judges a counted outcome in the store, or locally while the store fails. */
  private async judge(admission: BreakerAdmission, { kind, slow }: CountedOutcome): Promise<void> {
    // An ignored error outside HALF_OPEN changes nothing anywhere: no round trip.
    if (kind === 'ignored' && !admission.probe) return;
    const generation = admission.snapshot.generation;
    if (await this.link.record({ generation, kind, slow })) return;
    const now = this.clock.now();
    const { recorder } = this;
    if (kind === 'success') recorder.judgeSuccess(this.machine.generation, slow, now);
    else if (kind === 'failure') recorder.judgeFailure(this.machine.generation, slow, now);
  }

  private executeWithoutStore<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const mode = this.settings.onStoreFailure;
    if (mode === 'local') return super.execute(fn, options);
    if (mode === 'fail-open') return invokeGuarded(fn, toExecutionContext(options));
    return Promise.reject(StoreUnavailableError.causedBy(this.link.lastError));
  }

  private rejection(admission: BreakerAdmission): CircuitOpenError {
    this.recorder.counters.rejected++;
    const state = admission.snapshot.state;
    if (this.events.hasListeners('rejected'))
      this.events.emit('rejected', { name: this.name, state });
    return new CircuitOpenError(this.name, admission.retryAfterMs);
  }
}
