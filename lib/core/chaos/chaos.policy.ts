import { abortableSleep } from '../abort/index.js';
import { systemClock, type Clock } from '../clock/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  throwIfAborted,
  toExecutionContext,
  type ExecuteOptions,
  type GuardedFunction,
  type Policy,
  callerSignalOf,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import type { ChaosEvents, ChaosLatency, ChaosOptions } from './chaos.options.js';
import { checkChaosOptions } from './check-chaos-options.js';
import { seededRandom } from './seeded-random.js';

/**
 * Injects faults and latency, for tests and staging. Put it innermost (next to the method)
 * so the real retry, breaker, timeout and fallback around it are what gets exercised.
 * With probability `rate` a call waits `latency` (abortably) and then either throws `fault`
 * instead of calling the function, or calls it; other calls go straight through.
 */
export class ChaosPolicy implements Policy {
  private readonly random: () => number;
  private readonly rate: number;
  private readonly clock: Clock;
  private readonly events = new TypedEventEmitter<ChaosEvents>();

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(private readonly options: ChaosOptions = {}) {
    const checker = new OptionChecker('chaos');
    checkChaosOptions(options, checker);
    checker.throwIfInvalid();
    this.random = options.seed === undefined ? Math.random : seededRandom(options.seed);
    this.rate = options.rate ?? 1;
    this.clock = options.clock ?? systemClock;
  }

  /** Listens to `injected`; returns a function that stops listening. */
  on<K extends keyof ChaosEvents>(event: K, listener: Listener<ChaosEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  async execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    const context = toExecutionContext(options);
    throwIfAborted(context);
    const { fault, latency, enabled } = this.options;
    if ((enabled && !enabled()) || this.random() >= this.rate) return invokeGuarded(fn, context);
    const latencyMs = latency === undefined ? 0 : this.drawLatency(latency);
    if (this.events.hasListeners('injected')) {
      this.events.emit('injected', { latencyMs, fault: fault !== undefined });
    }
    if (latency !== undefined) {
      const signal = callerSignalOf(context);
      await abortableSleep(this.clock, latencyMs, signal);
    }
    if (fault !== undefined) throw typeof fault === 'function' ? fault() : fault;
    return invokeGuarded(fn, context);
  }

  private drawLatency(latency: ChaosLatency): number {
    if (typeof latency === 'number') return latency;
    return latency.minMs + this.random() * (latency.maxMs - latency.minMs);
  }
}

/**
 * Creates a {@link ChaosPolicy}: `chaos({ fault, latency, rate, seed })`.
 * @throws ResilienceConfigError on invalid options.
 */
export function chaos(options: ChaosOptions = {}): ChaosPolicy {
  return new ChaosPolicy(options);
}
