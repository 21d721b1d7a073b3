import { BulkheadRejectedError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  toExecutionContext,
  type ExecuteOptions,
  type ExecutionContext,
  type GuardedFunction,
  type Policy,
  callerSignalOf,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import type { BulkheadEvents, BulkheadStats } from './bulkhead.events.js';
import type { BulkheadOptions } from './bulkhead.options.js';
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
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  private running = 0;
  private rejected = 0;
  private readonly queue = new SlotQueue();
  private readonly events = new TypedEventEmitter<BulkheadEvents>();

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: BulkheadOptions = {}) {
    const checker = new OptionChecker('bulkhead');
    checkBulkheadOptions(options, checker);
    checker.throwIfInvalid();
    this.maxConcurrent = options.maxConcurrent ?? 10;
    this.maxQueue = options.maxQueue ?? 0;
  }

  /** Listens to `rejected`; returns a function that stops listening. */
  on<K extends keyof BulkheadEvents>(event: K, listener: Listener<BulkheadEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  stats(): BulkheadStats {
    return {
      running: this.running,
      queued: this.queue.size,
      maxConcurrent: this.maxConcurrent,
      maxQueue: this.maxQueue,
      rejected: this.rejected,
    };
  }

  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const context = toExecutionContext(options);
    if (context.signal.aborted) return Promise.reject(context.signal.reason);
    if (this.running < this.maxConcurrent) {
      this.running++;
      return this.runInSlot(fn, context);
    }
    if (this.queue.size < this.maxQueue) {
      const signal = callerSignalOf(context);
      return this.queue.wait(signal).then(() => this.runInSlot(fn, context));
    }
    this.rejected++;
    if (this.events.hasListeners('rejected')) {
      this.events.emit('rejected', { running: this.running, queued: this.queue.size });
    }
    return Promise.reject(new BulkheadRejectedError(this.maxConcurrent, this.maxQueue));
  }

  /** Runs `fn` in a slot already counted in `running`, and gives the slot back after. */
  private runInSlot<T>(fn: GuardedFunction<T>, context: ExecutionContext): Promise<T> {
    if (context.signal.aborted) {
      this.release();
      return Promise.reject(context.signal.reason);
    }
    const result = invokeGuarded(fn, context);
    result.then(this.release, this.release);
    return result;
  }

  private readonly release = (): void => {
    if (!this.queue.handOver()) this.running--;
  };
}

/** Creates a {@link BulkheadPolicy}. @throws ResilienceConfigError on invalid options. */
export function createBulkhead(options: BulkheadOptions = {}): BulkheadPolicy {
  return new BulkheadPolicy(options);
}
