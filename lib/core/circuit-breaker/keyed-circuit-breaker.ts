import type { Listener, Unsubscribe } from '../events/index.js';
import { TypedEventEmitter } from '../events/index.js';
import type { ExecuteOptions, GuardedFunction, Policy } from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import { CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker.defaults.js';
import type { CircuitBreakerEvents } from './circuit-breaker.events.js';
import type { CircuitBreakerOptions } from './circuit-breaker.options.js';
import { CircuitBreakerPolicy } from './circuit-breaker.policy.js';
import type { CircuitBreakerStats } from './circuit-breaker.stats.js';
import { checkCircuitBreakerOptions } from './check-circuit-breaker-options.js';

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
  private readonly breakerOptions: CircuitBreakerOptions;
  private readonly maxKeys: number;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly events = new TypedEventEmitter<CircuitBreakerEvents>();
  private readonly forwarders = new Map<keyof CircuitBreakerEvents, Listener<never>>();
  private mostRecentKey: string | undefined;

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor({ maxKeys, ...options }: KeyedCircuitBreakerOptions = {}) {
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
      breaker = this.create(key);
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

  /** Listens to an event of every breaker, present and future (each names its key). */
  on<K extends keyof CircuitBreakerEvents>(
    event: K,
    listener: Listener<CircuitBreakerEvents[K]>,
  ): Unsubscribe {
    const first = !this.events.hasListeners(event);
    const unsubscribe = this.events.on(event, listener);
    // Creating the forwarder now also makes future breakers (see create) forward this event.
    const forward = this.forwarder(event);
    if (first) for (const breaker of this.breakers.values()) breaker.on(event, forward);
    return () => {
      unsubscribe();
      if (this.events.hasListeners(event)) return;
      for (const breaker of this.breakers.values()) breaker.off(event, this.forwarder(event));
    };
  }

  private create(key: string): CircuitBreakerPolicy {
    const breaker = new CircuitBreakerPolicy({
      ...this.breakerOptions,
      name: `${this.name}:${key}`,
    });
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
