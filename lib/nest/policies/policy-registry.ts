import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  KeyedCircuitBreaker,
  SharedCircuitBreakerPolicy,
  createBulkhead,
  createCircuitBreaker,
  createRateLimiter,
  type BulkheadOptions,
  type BulkheadPolicy,
  type CircuitBreakerOptions,
  type CircuitBreakerPolicy,
  type RateLimitOptions,
  type RateLimiterPolicy,
} from '../../core/index.js';
import type { ResilienceStore } from '../../store/index.js';
import { ResilienceEvents } from '../events/resilience-events.js';
import { RESILIENCE_STORE } from '../resilience.constants.js';

/** Breaker options, plus whether its state lives in the store (`@CircuitBreaker({ shared })`). */
export type RegistryBreakerOptions = CircuitBreakerOptions & { shared?: boolean };

/**
 * The app's shared policy instances by name: a named breaker, limiter or bulkhead is one
 * instance wherever it is used. Each app has its own registry, so two apps in one process
 * share no state.
 */
@Injectable()
export class PolicyRegistry implements OnApplicationShutdown {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly keyedBreakers = new Map<string, KeyedCircuitBreaker>();
  private readonly limiters = new Map<string, RateLimiterPolicy>();
  private readonly bulkheads = new Map<string, BulkheadPolicy>();

  constructor(
    private readonly events: ResilienceEvents,
    @Inject(RESILIENCE_STORE) private readonly store: ResilienceStore,
  ) {}

  /**
   * The breaker of that name, created with `options` the first time. With `shared` and a
   * store other processes see (Redis), its state lives in the store; with the memory store
   * a shared breaker is an ordinary one (there is no other process to share with).
   */
  breaker(name: string, options: RegistryBreakerOptions): CircuitBreakerPolicy {
    return getOrCreate(this.breakers, name, () => {
      const breaker = this.createBreaker({ ...options, name });
      breaker.on('stateChange', (change) => this.events.emit('circuit.stateChange', change));
      this.events.emit('policy.created', { kind: 'circuitBreaker', name, policy: breaker });
      return breaker;
    });
  }

  /** The keyed breaker group of that name (children are named `name:key`). */
  keyedBreaker(name: string, options: RegistryBreakerOptions): KeyedCircuitBreaker {
    return getOrCreate(this.keyedBreakers, name, () => {
      const group = new KeyedCircuitBreaker({ ...options, name }, (o) =>
        this.createBreaker({ ...o, shared: options.shared }),
      );
      group.on('stateChange', (change) => this.events.emit('circuit.stateChange', change));
      this.events.emit('policy.created', { kind: 'circuitBreaker', name, policy: group });
      return group;
    });
  }

  /** The limiter of that name; its counters live in the store when other processes see it. */
  limiter(name: string, options: RateLimitOptions): RateLimiterPolicy {
    return getOrCreate(this.limiters, name, () => {
      const store = this.store.distributed ? this.store.rateLimits : undefined;
      const limiter = createRateLimiter({ ...options, name }, store);
      limiter.on('limited', ({ key, decision }) =>
        this.events.emit('rateLimit.limited', { name, key, retryAfterMs: decision.retryAfterMs }),
      );
      this.events.emit('policy.created', { kind: 'rateLimit', name, policy: limiter });
      return limiter;
    });
  }

  bulkhead(name: string, options: BulkheadOptions): BulkheadPolicy {
    return getOrCreate(this.bulkheads, name, () => {
      const bulkhead = createBulkhead(options);
      bulkhead.on('rejected', () => this.events.emit('bulkhead.rejected', { name }));
      this.events.emit('policy.created', { kind: 'bulkhead', name, policy: bulkhead });
      return bulkhead;
    });
  }

  findBreaker(name: string): CircuitBreakerPolicy | undefined {
    return this.breakers.get(name) ?? this.findKeyedChild(name);
  }

  findLimiter(name: string): RateLimiterPolicy | undefined {
    return this.limiters.get(name);
  }

  /** Every breaker, keyed children included. */
  allBreakers(): CircuitBreakerPolicy[] {
    const children = [...this.keyedBreakers.values()].flatMap((group) =>
      group.keys().map((key) => group.breakerFor(key)),
    );
    return [...this.breakers.values(), ...children];
  }

  allLimiters(): RateLimiterPolicy[] {
    return [...this.limiters.values()];
  }

  allBulkheads(): [string, BulkheadPolicy][] {
    return [...this.bulkheads.entries()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.close()));
  }

  private createBreaker({ shared, ...options }: RegistryBreakerOptions): CircuitBreakerPolicy {
    if (!shared || !this.store.distributed) return createCircuitBreaker(options);
    return new SharedCircuitBreakerPolicy(options, this.store.breakers);
  }

  private findKeyedChild(name: string): CircuitBreakerPolicy | undefined {
    const separator = name.lastIndexOf(':');
    if (separator < 0) return undefined;
    const group = this.keyedBreakers.get(name.slice(0, separator));
    return group?.findBreaker(name.slice(separator + 1));
  }
}

function getOrCreate<T>(map: Map<string, T>, name: string, create: () => T): T {
  let value = map.get(name);
  if (value === undefined) {
    value = create();
    map.set(name, value);
  }
  return value;
}
