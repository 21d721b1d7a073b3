import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  type GuardedFunction,
  type Listener,
  type RateLimiterPolicy,
  type Unsubscribe,
} from '../core/index.js';
import type { ResilientOptions } from './decorators/decorator-options.types.js';
import { ResilienceEvents, type ResilienceEventMap } from './events/resilience-events.js';
import type { PolicySet, ResolvedResilienceOptions } from './options/index.js';
import type { MethodPipeline } from './policies/method-pipeline.js';
import { MethodPipelineFactory } from './policies/method-pipeline.factory.js';
import { PolicyRegistry } from './policies/policy-registry.js';
import { withDefaults } from './policies/resolve-policy-settings.js';
import { RESILIENCE_OPTIONS } from './resilience.constants.js';
import {
  RESILIENCE_CAPABILITY_TYPES,
  type ResilienceCapabilities,
  type ResilienceCapabilityTypes,
} from './capabilities.js';
import { describePolicies, type NamedPolicyView } from './runtime-config/describe-policies.js';
import type { PolicyChange } from './runtime-config/policy-change.js';
import { PolicyReconfigurer } from './runtime-config/policy-reconfigurer.js';
import type { TransactionContext } from '../transactions/transaction.types.js';
import { TransactionRunner } from '../transactions/transaction.runner.js';

/** A snapshot of every breaker, limiter and bulkhead of the app. */
export interface ResilienceStats {
  breakers: ReturnType<CircuitBreakerPolicy['stats']>[];
  limiters: ReturnType<RateLimiterPolicy['stats']>[];
  bulkheads: (ReturnType<BulkheadPolicy['stats']> & { name: string })[];
}

/**
 * The facade: run any function through named or inline policies, reach the shared
 * breakers and limiters, read stats, subscribe to events.
 */
@Injectable()
export class ResilienceService {
  private readonly pipelines = new Map<string, MethodPipeline>();

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly registry: PolicyRegistry,
    private readonly factory: MethodPipelineFactory,
    private readonly events: ResilienceEvents,
    private readonly reconfigurer: PolicyReconfigurer,
    private readonly transactions: TransactionRunner,
    private readonly moduleRef: ModuleRef,
    @Inject(RESILIENCE_CAPABILITY_TYPES)
    private readonly capabilityTypes: ResilienceCapabilityTypes,
  ) {}

  /**
   * Runs `fn` through the policies named `name` in `forRoot({ policies })`, or through
   * `policies` given here (built once per name, then reused).
   *
   * @example
   * ```ts
   * const rates = await resilience.execute('rates', ({ signal }) => fetch(url, { signal }));
   * ```
   */
  execute<T>(name: string, fn: GuardedFunction<T>, policies?: ResilientOptions): Promise<T> {
    return this.pipelineFor(name, policies).execute({ args: [] }, fn);
  }

  /** The breaker of that name (a named policy, a `name` option, `Class.method`, or `name:key`). */
  breaker(name: string): CircuitBreakerPolicy | undefined {
    const found = this.registry.findBreaker(name);
    if (found) return found;
    const named = this.options.policies[name]?.circuitBreaker;
    return named
      ? this.registry.breaker(name, withDefaults('circuitBreaker', named, this.options))
      : undefined;
  }

  /** The rate limiter of that name. */
  limiter(name: string): RateLimiterPolicy | undefined {
    const found = this.registry.findLimiter(name);
    if (found) return found;
    const named = this.options.policies[name]?.rateLimit;
    return named
      ? this.registry.limiter(name, withDefaults('rateLimit', named, this.options))
      : undefined;
  }

  stats(): ResilienceStats {
    return {
      breakers: this.registry.allBreakers().map((breaker) => breaker.stats()),
      limiters: this.registry.allLimiters().map((limiter) => limiter.stats()),
      bulkheads: this.registry
        .allBulkheads()
        .map(([name, bulkhead]) => ({ name, ...bulkhead.stats() })),
    };
  }

  /**
   * Changes a named policy without a restart: validated like start-up options (throws
   * `ResilienceConfigError` and changes nothing when wrong), applied to every live instance
   * that follows it on the next call. A breaker keeps its state unless its window type
   * changes. Only kinds the policy already has can change.
   *
   * @example
   * ```ts
   * resilience.configure('payments', { circuitBreaker: { failureThreshold: 3 } });
   * ```
   */
  configure(name: string, changes: PolicySet): PolicyChange {
    return this.reconfigurer.apply(name, changes);
  }

  /** Every named policy with its effective settings and where each value came from. */
  policies(): NamedPolicyView[] {
    return describePolicies(this.options);
  }

  /**
   * Runs `callback` as a transaction: `tx.step(name, action, compensate)` resolves to the
   * action's result; if the callback fails, the completed steps' compensations run in
   * reverse order and the original error is rethrown with a `compensation` report.
   */
  transaction<T>(callback: (tx: TransactionContext) => Promise<T> | T): Promise<T> {
    return this.transactions.run(callback);
  }

  /**
   * A capability provider by name, e.g. `resilience.capability('dependencies').register(...)`;
   * the getters below are shortcuts for the common ones.
   */
  capability<K extends keyof ResilienceCapabilities>(name: K): ResilienceCapabilities[K] {
    return this.moduleRef.get(this.capabilityTypes[name], { strict: false });
  }

  /** Registered dependencies, their checks and health score. */
  get dependencies(): ResilienceCapabilities['dependencies'] {
    return this.capability('dependencies');
  }

  /** The degradation level, its override and feature switches. */
  get degradation(): ResilienceCapabilities['degradation'] {
    return this.capability('degradation');
  }

  /** Error classification and recovery with learned strategies. */
  get recovery(): ResilienceCapabilities['recovery'] {
    return this.capability('recovery');
  }

  /** Saved state by id, in the store. */
  get checkpoints(): ResilienceCapabilities['checkpoints'] {
    return this.capability('checkpoints');
  }

  /** Failure predictions. */
  get predictor(): ResilienceCapabilities['predictor'] {
    return this.capability('predictor');
  }

  /** Alerts, reports and error analytics. */
  get monitor(): ResilienceCapabilities['monitor'] {
    return this.capability('monitor');
  }

  /** The dead-letter queue. */
  get deadLetters(): ResilienceCapabilities['deadLetters'] {
    return this.capability('deadLetters');
  }

  /** Subscribes to an event of every policy of the app; returns the unsubscribe function. */
  on<K extends keyof ResilienceEventMap>(
    event: K,
    listener: Listener<ResilienceEventMap[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }

  private pipelineFor(name: string, policies?: ResilientOptions): MethodPipeline {
    let pipeline = this.pipelines.get(name);
    if (!pipeline) {
      const metadata = policies ?? { policySet: name };
      pipeline = this.factory.create(metadata, { className: '', methodName: name }, this);
      this.pipelines.set(name, pipeline);
    }
    return pipeline;
  }
}
