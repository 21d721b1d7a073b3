import { DeadlineList, systemClock, type Clock } from '../clock/index.js';
import { PolicyTimeoutError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
  type ReconfigureResult,
  callerSignalOf,
} from '../policy/index.js';
import { promiseSettledBy } from '../policy/promise-settled-by.js';
import { OptionChecker } from '../validation/index.js';
import { keepFixedOptions } from '../validation/keep-fixed-options.js';
import { checkTimeoutOptions } from './check-timeout-options.js';
import { TimedCall } from './timed-call.js';
import type { TimeoutEvents } from './timeout.events.js';
import type { EffectiveTimeoutOptions, TimeoutOptions } from './timeout.options.js';

/**
 * Bounds a call to `ms`. The function gets a signal of its own, linked to the caller's:
 * after `ms` that signal aborts with a {@link PolicyTimeoutError} reason and the call
 * rejects with it. If the caller's signal aborts first, the call rejects with the caller's
 * reason (never `PolicyTimeoutError`). The timeout is cooperative: a function that ignores
 * its signal keeps running, but nobody waits for it.
 *
 * The signal is built only if the function reads it. Calls share one timer per policy (see
 * {@link DeadlineList}): a settled call leaves nothing behind, and once no call is in flight
 * the timer no longer keeps the process alive. On every path (success, failure, timeout,
 * caller abort) the listener on the caller's signal is removed, so a long-lived signal
 * shared by many calls (a request's, or one a retry passes to each attempt) collects
 * nothing.
 *
 * @example
 * const timeout = createTimeout(2_000);
 * await timeout.execute(({ signal }) => fetch(url, { signal }));
 */
export class TimeoutPolicy implements Policy {
  private timeoutMs: number;
  private readonly clock: Clock;
  /** Calls in flight under the current `ms` (a reconfigured policy starts a new list). */
  private deadlines: DeadlineList<TimedCall<unknown>>;
  private readonly events = new TypedEventEmitter<TimeoutEvents>();

  /** @throws ResilienceConfigError when `ms` is missing, not > 0, or too long for a timer. */
  constructor(options: TimeoutOptions | number) {
    const checker = new OptionChecker('timeout');
    checkTimeoutOptions(options, checker);
    checker.throwIfInvalid();
    const resolved = typeof options === 'number' ? { ms: options } : options;
    this.timeoutMs = resolved.ms;
    this.clock = resolved.clock ?? systemClock;
    this.deadlines = this.deadlinesOf(this.timeoutMs);
  }

  /** Milliseconds before a call is abandoned. */
  get ms(): number {
    return this.timeoutMs;
  }

  /**
   * Applies new options (`{ ms }` or the milliseconds) from the next call on; a call already
   * running keeps its timer. The clock cannot be changed. Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: TimeoutOptions | number): ReconfigureResult<EffectiveTimeoutOptions> {
    const checker = new OptionChecker('timeout');
    checkTimeoutOptions(options, checker);
    const given = typeof options === 'number' ? { ms: options } : options;
    const { ms } = keepFixedOptions(given, { clock: this.clock }, checker);
    checker.throwIfInvalid();
    const result = { restarted: false, previous: { ms: this.timeoutMs }, current: { ms } };
    this.timeoutMs = ms;
    this.deadlines = this.deadlinesOf(ms);
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The settings in force. */
  effectiveOptions(): EffectiveTimeoutOptions {
    return { ms: this.timeoutMs };
  }

  /** Listens to `timeout`; returns a function that stops listening. */
  on<K extends keyof TimeoutEvents>(event: K, listener: Listener<TimeoutEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const callerSignal = callerSignalOf(options);
    if (callerSignal?.aborted) return Promise.reject(callerSignal.reason);
    const deadlines = this.deadlines as DeadlineList<TimedCall<T>>;
    const call = new TimedCall<T>(options, deadlines, callerSignal);
    const settlement = promiseSettledBy<T>(call);
    call.start();
    invokeGuarded(fn, call).then(call.succeeded, call.failed);
    return settlement;
  }

  private deadlinesOf(ms: number): DeadlineList<TimedCall<unknown>> {
    return new DeadlineList(this.clock, ms, (call) => this.expired(call, ms));
  }

  private expired(call: TimedCall<unknown>, ms: number): void {
    call.expired(new PolicyTimeoutError(ms));
    if (this.events.hasListeners('timeout')) this.events.emit('timeout', { ms });
  }
}

/** Creates a {@link TimeoutPolicy} from `{ ms }` or just the milliseconds. */
export function createTimeout(options: TimeoutOptions | number): TimeoutPolicy {
  return new TimeoutPolicy(options);
}
