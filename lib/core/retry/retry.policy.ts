import { abortableSleep } from '../abort/index.js';
import { RetryExhaustedError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  abortOf,
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
import { checkRetryOptions } from './check-retry-options.js';
import { decideRetry } from './decide-retry.js';
import {
  effectiveRetryOptionsOf,
  retrySettingsAfter,
  type EffectiveRetryOptions,
} from './reconfigure-retry.js';
import type { GiveUpReason, RetryEvents } from './retry.events.js';
import type { RetryOptions } from './retry.options.js';
import { resolveRetrySettings, type RetrySettings } from './retry-settings.js';

/**
 * Calls a function again when it fails with an error `retryIf` accepts, waiting a backoff
 * delay between attempts.
 *
 * - `maxAttempts` counts the first call. The function receives `{ signal, attempt, key }`,
 *   `attempt` being 1, 2, ….
 * - An error `retryIf` rejects is rethrown as it is. Otherwise, once retrying stops, the
 *   call rejects with {@link RetryExhaustedError}, whose `errors` lists every attempt's error
 *   in order.
 * - An error carrying `retryAfterMs` (a 429 with `Retry-After`, an open breaker, a rate
 *   limit) is not retried before that time. If it asks for more than `maxDelayMs`, the
 *   policy gives up at once with `RetryExhaustedError` instead of waiting that long.
 * - When a `budget` is set and spent, the call gives up instead of retrying.
 * - Aborting the caller's signal rejects with the signal's reason: at once during a wait
 *   (the timer is cleared); during an attempt, as soon as the attempt settles (the attempt
 *   gets the signal; an inner timeout policy bounds attempts that ignore it).
 * - A call runs to its end under the settings it started with, whatever `reconfigure` does.
 *
 * @example
 * const retry = createRetry({ maxAttempts: 5, baseDelayMs: 200, jitter: 'full' });
 * const user = await retry.execute(({ signal }) => fetchUser(id, { signal }));
 */
export class RetryPolicy implements Policy {
  private settings: RetrySettings;
  private readonly events = new TypedEventEmitter<RetryEvents>();

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: RetryOptions = {}) {
    const checker = new OptionChecker('retry');
    checkRetryOptions(options, checker);
    checker.throwIfInvalid();
    this.settings = resolveRetrySettings(options);
  }

  /** Listens to `retry`, `giveUp` or `success`; returns a function that stops listening. */
  on<K extends keyof RetryEvents>(event: K, listener: Listener<RetryEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  /**
   * Applies `options` (the complete new options: what they leave out takes its default, as
   * in `createRetry`) from the next call on; calls already running, or waiting to retry,
   * keep the settings they started with. A budget over the same `windowMs` keeps its counts.
   * The clock cannot be changed. Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: RetryOptions): ReconfigureResult<EffectiveRetryOptions> {
    const checker = new OptionChecker('retry');
    checkRetryOptions(options, checker);
    const complete = keepFixedOptions(options, { clock: this.settings.clock }, checker);
    checker.throwIfInvalid();
    const previous = this.settings;
    const { settings, budgetRestarted } = retrySettingsAfter(previous, complete);
    this.settings = settings;
    const result = {
      restarted: budgetRestarted,
      previous: effectiveRetryOptionsOf(previous),
      current: effectiveRetryOptionsOf(settings),
    };
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The settings in force, as data. */
  effectiveOptions(): EffectiveRetryOptions {
    return effectiveRetryOptionsOf(this.settings);
  }

  /**
   * Runs `fn`, retrying as configured. The first attempt is chained with `then` rather than
   * awaited in an async function, which would cost more than the rest of a call that
   * succeeds at once (the common case).
   */
  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    let settings: RetrySettings;
    try {
      settings = this.startCall(options);
    } catch (error) {
      return Promise.reject(error);
    }
    return invokeGuarded(fn, toExecutionContext(options, 1)).then(
      (value) => {
        this.firstAttemptSucceeded();
        return value;
      },
      (error: unknown) => this.retryAfterFirstFailure(error, fn, options, settings),
    );
  }

  /**
   * The synchronous halves of {@link execute}, for a pipeline that runs the first attempt
   * itself: `startCall` (throws if the call was aborted; returns the settings the call runs
   * under), then `firstAttemptSucceeded` or `retryAfterFirstFailure`.
   * @internal
   */
  startCall(options: ExecuteOptions | undefined): RetrySettings {
    // Asked without reading the signal: inside a timeout that would build one per call.
    const aborted = abortOf(options);
    if (aborted) throw aborted.reason;
    const settings = this.settings;
    settings.budget?.recordCall();
    return settings;
  }

  /** See {@link startCall}. @internal */
  firstAttemptSucceeded(): void {
    if (this.events.hasListeners('success')) this.events.emit('success', { attempts: 1 });
  }

  /**
   * Attempts 2 and on, after attempt 1 failed with `firstError`; `fn` runs each of them.
   * See {@link startCall}. @internal
   */
  async retryAfterFirstFailure<T>(
    firstError: unknown,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
    settings: RetrySettings,
  ): Promise<T> {
    const signal = callerSignalOf(options);
    const errors: unknown[] = [];
    let previousBackoffMs = settings.baseDelayMs;
    let error = firstError;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      if (!settings.retryIf(error, attempt)) {
        this.emitGiveUp(attempt, error, 'notRetryable');
        throw error;
      }
      errors.push(error);
      const decision = decideRetry(settings, attempt, previousBackoffMs, error);
      if (!decision.retry) {
        this.emitGiveUp(attempt, error, decision.reason);
        throw new RetryExhaustedError(errors);
      }
      previousBackoffMs = decision.backoffMs;
      if (this.events.hasListeners('retry')) {
        this.events.emit('retry', { attempt, delayMs: decision.delayMs, error });
      }
      await abortableSleep(settings.clock, decision.delayMs, signal);
      try {
        const value = await fn(toExecutionContext(options, attempt + 1));
        this.emitSuccessAfterRetries(attempt + 1, error);
        return value;
      } catch (next) {
        error = next;
      }
    }
  }

  private emitSuccessAfterRetries(attempts: number, recoveredFrom: unknown): void {
    if (this.events.hasListeners('success')) this.events.emit('success', { attempts });
    if (this.events.hasListeners('recovered')) {
      this.events.emit('recovered', { attempts, error: recoveredFrom });
    }
  }

  private emitGiveUp(attempts: number, error: unknown, reason: GiveUpReason): void {
    if (this.events.hasListeners('giveUp')) this.events.emit('giveUp', { attempts, error, reason });
  }
}

/** Creates a {@link RetryPolicy}. @throws ResilienceConfigError on invalid options. */
export function createRetry(options: RetryOptions = {}): RetryPolicy {
  return new RetryPolicy(options);
}
