import { systemClock, type Clock } from '../clock/index.js';
import { PolicyTimeoutError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
  type ReconfigureResult,
  callerSignalOf,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import { keepFixedOptions } from '../validation/keep-fixed-options.js';
import { checkTimeoutOptions } from './check-timeout-options.js';
import type { TimeoutEvents } from './timeout.events.js';
import type { EffectiveTimeoutOptions, TimeoutOptions } from './timeout.options.js';

/**
 * Bounds a call to `ms`. The function gets a signal of its own, linked to the caller's:
 * after `ms` that signal aborts with a {@link PolicyTimeoutError} reason and the call
 * rejects with it. If the caller's signal aborts first, the call rejects with the caller's
 * reason (never `PolicyTimeoutError`). The timeout is cooperative: a function that ignores
 * its signal keeps running, but nobody waits for it.
 *
 * On every path (success, failure, timeout, caller abort) the timer is cleared and the
 * listener on the caller's signal removed, so a long-lived signal shared by many calls
 * (a request's, or one a retry passes to each attempt) collects nothing.
 *
 * @example
 * const timeout = createTimeout(2_000);
 * await timeout.execute(({ signal }) => fetch(url, { signal }));
 */
export class TimeoutPolicy implements Policy {
  private timeoutMs: number;
  private readonly clock: Clock;
  private readonly events = new TypedEventEmitter<TimeoutEvents>();

  /** @throws ResilienceConfigError when `ms` is missing, not > 0, or too long for a timer. */
  constructor(options: TimeoutOptions | number) {
    const checker = new OptionChecker('timeout');
    checkTimeoutOptions(options, checker);
    checker.throwIfInvalid();
    const resolved = typeof options === 'number' ? { ms: options } : options;
    this.timeoutMs = resolved.ms;
    this.clock = resolved.clock ?? systemClock;
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
    const ms = this.timeoutMs;
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        this.clock.clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onCallerAbort);
        return true;
      };
      const onCallerAbort = (): void => {
        if (!settle()) return;
        controller.abort(callerSignal?.reason);
        reject(callerSignal?.reason);
      };
      const timer = this.clock.setTimeout(() => {
        if (!settle()) return;
        const error = new PolicyTimeoutError(ms);
        controller.abort(error);
        if (this.events.hasListeners('timeout')) this.events.emit('timeout', { ms });
        reject(error);
      }, ms);
      callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
      invokeGuarded(fn, toExecutionContext({ ...options, signal: controller.signal })).then(
        (value) => settle() && resolve(value),
        (error: unknown) => settle() && reject(error),
      );
    });
  }
}

/** Creates a {@link TimeoutPolicy} from `{ ms }` or just the milliseconds. */
export function createTimeout(options: TimeoutOptions | number): TimeoutPolicy {
  return new TimeoutPolicy(options);
}
