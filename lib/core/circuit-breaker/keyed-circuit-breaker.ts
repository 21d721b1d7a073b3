import { systemClock } from '../clock/index.js';
import type { Listener, Unsubscribe } from '../events/index.js';
import { TypedEventEmitter } from '../events/index.js';
import type {
  ExecuteOptions,
  GuardedFunction,
  Policy,
  ReconfigureResult,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker.defaults.js';
import type { CircuitBreakerEvents } from './circuit-breaker.events.js';
import type { CircuitBreakerOptions } from './circuit-breaker.options.js';
import { CircuitBreakerPolicy } from './circuit-breaker.policy.js';
import { resolveCircuitBreakerSettings } from './circuit-breaker.settings.js';
import type { CircuitBreakerStats } from './circuit-breaker.stats.js';
import { checkCircuitBreakerOptions } from './check-circuit-breaker-options.js';
import {
  effectiveBreakerOptionsOf,
  type EffectiveKeyedCircuitBreakerOptions,
} from './effective-breaker-options.js';
import { resolveBreakerReconfiguration, restartsBreaker } from './reconfigure-breaker.js';

/** Options of a keyed breaker: one breaker per key, each with these options. */
export interface KeyedCircuitBreakerOptions extends CircuitBreakerOptions {
  /** Most breakers kept; the least recently used is dropped beyond it. Default 10 000. */
  maxKeys?: number;
}

/** The key of calls that give none. */
const DEFAULT_KEY = 'default';
const DEFAULT_MAX_KEYS = 10_000;

/**
 * One {@link CircuitBreakerPolicy} per `key` given to `execute` (e.g. per tenant), so one
 * failing tenant does not open the breaker of the others. Each breaker is named
 * `${name}:${key}`. At most `maxKeys` breakers are kept: the least recently used one is
 * dropped (and starts CLOSED if its key comes back).
 *
 * @example
 * const breakers = createKeyedCircuitBreaker({ name: 'billing', failureThreshold: 3 });
 * await breakers.execute(() => charge(tenant), { key: tenant.id });
 */
export class KeyedCircuitBreaker implements Policy {
  readonly name: string;
  private breakerOptions: CircuitBreakerOptions;
  private maxKeys: number;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly events = new TypedEventEmitter<CircuitBreakerEvents>();
  private readonly forwarders = new Map<keyof CircuitBreakerEvents, Listener<never>>();
  private mostRecentKey: string | undefined;

  /**
   * `create` builds each key's breaker (e.g. a shared one); by default a local breaker.
   * @throws ResilienceConfigError naming every invalid option.
   */
  constructor(
    { maxKeys, ...options }: KeyedCircuitBreakerOptions = {},
    private readonly create: (options: CircuitBreakerOptions) => CircuitBreakerPolicy = (o) =>
      new CircuitBreakerPolicy(o),
  ) {
    const checker = new OptionChecker();
    checkCircuitBreakerOptions(options, checker);
    checker.integerAtLeast('maxKeys', maxKeys, 1).throwIfInvalid();
    this.name = options.name ?? CIRCUIT_BREAKER_DEFAULTS.name;
    this.breakerOptions = options;
    this.maxKeys = maxKeys ?? DEFAULT_MAX_KEYS;
  }

  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    return this.breakerFor(options?.key ?? DEFAULT_KEY).execute(fn, options);
  }

  /** The breaker of `key`, created CLOSED if there is none. */
  breakerFor(key: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(key);
    if (breaker === undefined) {
      breaker = this.add(key);
    } else if (key !== this.mostRecentKey) {
      // A Map iterates in insertion order: re-inserting keeps the least recent key first.
      this.breakers.delete(key);
      this.breakers.set(key, breaker);
    }
    this.mostRecentKey = key;
    return breaker;
  }

  /** The breaker of `key` if it has one; neither creates one nor counts as a use. */
  findBreaker(key: string): CircuitBreakerPolicy | undefined {
    return this.breakers.get(key);
  }

  /** The keys that have a breaker, least recently used first. */
  keys(): string[] {
    return [...this.breakers.keys()];
  }

  /** The stats of every breaker, least recently used first. */
  stats(): CircuitBreakerStats[] {
    return [...this.breakers.values()].map((breaker) => breaker.stats());
  }

  /**
   * Applies `options` (the complete new options, as `CircuitBreakerPolicy.reconfigure` takes
   * them) to every breaker it holds, each as that method describes, and to those it creates
   * later. `name`, `clock` and `onStoreFailure` cannot change; a lower `maxKeys` drops the
   * least recently used breakers beyond it. Emits one `reconfigured` for all keys.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(
    options: KeyedCircuitBreakerOptions,
  ): ReconfigureResult<EffectiveKeyedCircuitBreakerOptions> {
    const checker = new OptionChecker();
    const maxKeys = (options as KeyedCircuitBreakerOptions | null | undefined)?.maxKeys;
    checker.integerAtLeast('maxKeys', maxKeys, 1);
    const fixed = {
      name: this.name,
      clock: this.breakerOptions.clock ?? systemClock,
      onStoreFailure: this.breakerOptions.onStoreFailure ?? CIRCUIT_BREAKER_DEFAULTS.onStoreFailure,
    };
    const next = resolveBreakerReconfiguration(options, fixed, checker);
    const previous = resolveCircuitBreakerSettings(this.breakerOptions);
    const result = {
      restarted: restartsBreaker(previous, next.settings),
      previous: this.effectiveOptions(),
      current: {
        ...effectiveBreakerOptionsOf(this.name, next.settings),
        maxKeys: maxKeys ?? DEFAULT_MAX_KEYS,
      },
    };
    const { maxKeys: _, ...breakerOptions } = next.options;
    this.breakerOptions = breakerOptions;
    this.maxKeys = result.current.maxKeys;
    for (const breaker of this.breakers.values()) {
      breaker.reconfigure({ ...breakerOptions, name: breaker.name });
    }
    while (this.breakers.size > this.maxKeys) {
      this.breakers.delete(this.breakers.keys().next().value as string);
    }
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The settings each of its breakers applies (named as the keyed breaker), and `maxKeys`. */
  effectiveOptions(): EffectiveKeyedCircuitBreakerOptions {
    const settings = resolveCircuitBreakerSettings(this.breakerOptions);
    return { ...effectiveBreakerOptionsOf(this.name, settings), maxKeys: this.maxKeys };
  }

  /**
   * Listens to an event of every breaker, present and future (each names its key).
   * `reconfigured` is the keyed breaker's own: one event per `reconfigure`.
   */
  on<K extends keyof CircuitBreakerEvents>(
    event: K,
    listener: Listener<CircuitBreakerEvents[K]>,
  ): Unsubscribe {
    if (event === 'reconfigured') return this.events.on(event, listener);
    const first = !this.events.hasListeners(event);
    const unsubscribe = this.events.on(event, listener);
    // Creating the forwarder now also makes future breakers (see add) forward this event.
    const forward = this.forwarder(event);
    if (first) for (const breaker of this.breakers.values()) breaker.on(event, forward);
    return () => {
      unsubscribe();
      if (this.events.hasListeners(event)) return;
      for (const breaker of this.breakers.values()) breaker.off(event, this.forwarder(event));
    };
  }

  private add(key: string): CircuitBreakerPolicy {
    const breaker = this.create({ ...this.breakerOptions, name: `${this.name}:${key}` });
    for (const event of this.forwarders.keys()) {
      if (this.events.hasListeners(event)) breaker.on(event, this.forwarder(event));
    }
    this.breakers.set(key, breaker);
    if (this.breakers.size > this.maxKeys) {
      const leastRecent = this.breakers.keys().next().value as string;
      this.breakers.delete(leastRecent);
    }
    return breaker;
  }

  /** One forwarding listener per event, so that it can be removed from every breaker. */
  private forwarder<K extends keyof CircuitBreakerEvents>(
    event: K,
  ): Listener<CircuitBreakerEvents[K]> {
    let forward = this.forwarders.get(event) as Listener<CircuitBreakerEvents[K]> | undefined;
    if (forward === undefined) {
      forward = (payload) => this.events.emit(event, payload);
      this.forwarders.set(event, forward);
    }
    return forward;
  }
}

/** Creates a {@link KeyedCircuitBreaker}. @throws ResilienceConfigError on invalid options. */
export function createKeyedCircuitBreaker(
  options: KeyedCircuitBreakerOptions = {},
): KeyedCircuitBreaker {
  return new KeyedCircuitBreaker(options);
}
