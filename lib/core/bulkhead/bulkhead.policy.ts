import { BulkheadRejectedError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  abortOf,
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type ExecutionContext,
  type GuardedFunction,
  type Policy,
  type ReconfigureResult,
  callerSignalOf,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import type { BulkheadEvents, BulkheadStats } from './bulkhead.events.js';
import type { BulkheadOptions, EffectiveBulkheadOptions } from './bulkhead.options.js';
import { checkBulkheadOptions } from './check-bulkhead-options.js';
import { SlotQueue } from './slot-queue.js';

/**
 * Lets at most `maxConcurrent` calls run at once and `maxQueue` more wait, first come first
 * served; any call beyond that is rejected at once with {@link BulkheadRejectedError}.
 * A waiting call whose signal aborts leaves the queue with the signal's reason. A slot
 * always returns when its call settles, and goes straight to the next waiter, so a new
 * arrival cannot overtake the queue.
 *
 * @example
 * const bulkhead = createBulkhead({ maxConcurrent: 4, maxQueue: 20 });
 * await bulkhead.execute(() => renderReport(id));
 */
export class BulkheadPolicy implements Policy {
  private concurrentLimit: number;
  private queueLimit: number;
  private running = 0;
  private rejected = 0;
  private readonly queue = new SlotQueue();
  private readonly events = new TypedEventEmitter<BulkheadEvents>();

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: BulkheadOptions = {}) {
    const checker = new OptionChecker('bulkhead');
    checkBulkheadOptions(options, checker);
    checker.throwIfInvalid();
    const limits = limitsOf(options);
    this.concurrentLimit = limits.maxConcurrent;
    this.queueLimit = limits.maxQueue;
  }

  /** Calls running at once, at most. */
  get maxConcurrent(): number {
    return this.concurrentLimit;
  }

  /** Calls waiting for a slot, at most. */
  get maxQueue(): number {
    return this.queueLimit;
  }

  /**
   * Applies new limits at once. A higher `maxConcurrent` starts the waiters that now fit; a
   * lower one lets the running calls finish and starts new ones only below it. A lower
   * `maxQueue` rejects the most recent waiters beyond it with {@link BulkheadRejectedError}
   * (counted in `rejected`). Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: BulkheadOptions): ReconfigureResult<EffectiveBulkheadOptions> {
    const checker = new OptionChecker('bulkhead');
    checkBulkheadOptions(options, checker);
    checker.throwIfInvalid();
    const previous = this.effectiveOptions();
    const current = limitsOf(options);
    this.concurrentLimit = current.maxConcurrent;
    this.queueLimit = current.maxQueue;
    while (this.running < this.concurrentLimit && this.queue.handOver()) this.running++;
    const refused = () => new BulkheadRejectedError(current.maxConcurrent, current.maxQueue);
    const dropped = this.queue.dropNewest(this.queueLimit, refused);
    for (let i = 0; i < dropped; i++) this.countRejection();
    const result = { restarted: false, previous, current };
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The limits in force. */
  effectiveOptions(): EffectiveBulkheadOptions {
    return { maxConcurrent: this.concurrentLimit, maxQueue: this.queueLimit };
  }

  /** Listens to `rejected`; returns a function that stops listening. */
  on<K extends keyof BulkheadEvents>(event: K, listener: Listener<BulkheadEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  stats(): BulkheadStats {
    return {
      running: this.running,
      queued: this.queue.size,
      maxConcurrent: this.concurrentLimit,
      maxQueue: this.queueLimit,
      rejected: this.rejected,
    };
  }

  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const context = toExecutionContext(options);
    const aborted = abortOf(context);
    if (aborted) return Promise.reject(aborted.reason);
    if (this.running < this.concurrentLimit) {
      this.running++;
      return this.runInSlot(fn, context);
    }
    if (this.queue.size < this.queueLimit) {
      const signal = callerSignalOf(context);
      return this.queue.wait(signal).then(() => this.runInSlot(fn, context));
    }
    this.countRejection();
    return Promise.reject(new BulkheadRejectedError(this.concurrentLimit, this.queueLimit));
  }

  private countRejection(): void {
    this.rejected++;
    if (this.events.hasListeners('rejected')) {
      this.events.emit('rejected', { running: this.running, queued: this.queue.size });
    }
  }

  /** Runs `fn` in a slot already counted in `running`, and gives the slot back after. */
  private runInSlot<T>(fn: GuardedFunction<T>, context: ExecutionContext): Promise<T> {
    const aborted = abortOf(context);
    if (aborted) {
      this.release();
      return Promise.reject(aborted.reason);
    }
    const result = invokeGuarded(fn, context);
    result.then(this.release, this.release);
    return result;
  }

  /** A slot came back: it goes to the next waiter, unless a lowered limit is still exceeded. */
  private readonly release = (): void => {
    if (this.running > this.concurrentLimit || !this.queue.handOver()) this.running--;
  };
}

function limitsOf(options: BulkheadOptions): EffectiveBulkheadOptions {
  return { maxConcurrent: options.maxConcurrent ?? 10, maxQueue: options.maxQueue ?? 0 };
}

/** Creates a {@link BulkheadPolicy}. @throws ResilienceConfigError on invalid options. */
export function createBulkhead(options: BulkheadOptions = {}): BulkheadPolicy {
  return new BulkheadPolicy(options);
}
