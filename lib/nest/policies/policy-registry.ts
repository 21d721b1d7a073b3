import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  createBulkhead,
  createCircuitBreaker,
  createKeyedCircuitBreaker,
  createRateLimiter,
  type BulkheadOptions,
  type BulkheadPolicy,
  type CircuitBreakerOptions,
  type CircuitBreakerPolicy,
  type KeyedCircuitBreaker,
  type RateLimitOptions,
  type RateLimiterPolicy,
} from '../../core/index.js';
import { ResilienceEvents } from '../events/resilience-events.js';

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

  constructor(private readonly events: ResilienceEvents) {}

  /** The breaker of that name, created with `options` the first time. */
  breaker(name: string, options: CircuitBreakerOptions): CircuitBreakerPolicy {
    return getOrCreate(this.breakers, name, () => {
      const breaker = createCircuitBreaker({ ...options, name });
      breaker.on('stateChange', (change) => this.events.emit('circuit.stateChange', change));
      this.events.emit('policy.created', { kind: 'circuitBreaker', name, policy: breaker });
      return breaker;
    });
  }

  /** The keyed breaker group of that name (children are named `name:key`). */
  keyedBreaker(name: string, options: CircuitBreakerOptions): KeyedCircuitBreaker {
    return getOrCreate(this.keyedBreakers, name, () => {
      const group = createKeyedCircuitBreaker({ ...options, name });
      group.on('stateChange', (change) => this.events.emit('circuit.stateChange', change));
      this.events.emit('policy.created', { kind: 'circuitBreaker', name, policy: group });
      return group;
    });
  }

  limiter(name: string, options: RateLimitOptions): RateLimiterPolicy {
    return getOrCreate(this.limiters, name, () => {
      const limiter = createRateLimiter({ ...options, name });
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
