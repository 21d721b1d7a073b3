import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../core/clock/index.js';
import { ResilienceConfigError, type ConfigIssue } from '../core/errors/index.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { RecoveryDependencies } from '../recovery/dependencies/recovery-dependencies.js';
import type { FailedWorkSink } from '../recovery/failed-work.sink.js';
import { RecoveryBreakers } from '../recovery/recovery-breakers.js';
import { FAILED_WORK_SINK, RECOVERY_CLOCK } from '../recovery/recovery.tokens.js';
import { BUILT_IN_STEP_TYPES } from './built-in-steps.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { planRunListener } from './plan-run-listener.js';
import {
  RecoveryActions,
  type ClearableCache,
  type CriterionCheck,
  type StepHandler,
} from './recovery-actions.js';
import { RecoveryHistory } from './recovery-history.js';
import { RecoveryPlanBook } from './recovery-plan-book.js';
import type { RecoveryExecution, RecoveryPlan } from './recovery-plan.types.js';
import { RecoveryRuns } from './recovery-runs.js';
import { executorEnvironment } from './executor-environment.js';

/**
 * Runs recovery plans: on demand (`execute`, `POST /resilience/recovery/:service`) or, with
 * `recovery.autoRecoveryEnabled`, when a dependency turns unhealthy; at most
 * `recovery.maxConcurrentRecoveries` at once; several services in dependency order.
 *
 * @example
 * orchestrator.registerRestarter('search', () => this.search.reconnect());
 * orchestrator.registerPlan({ serviceName: 'search', strategy: 'GRADUAL', estimatedRecoveryTimeMs: 30_000,
 *   steps: [{ type: 'reset_circuit_breaker' }, { type: 'wait', durationMs: 5_000 }, { type: 'restart_service' }],
 *   successCriteria: [{ type: 'all_dependencies_healthy' }] });
 */
@Injectable()
export class RecoveryOrchestrator {
  private readonly actions = new RecoveryActions();
  private readonly book = new RecoveryPlanBook(this.actions);
  private readonly historyOf = new RecoveryHistory();
  private readonly gate: ConcurrencyGate;
  private readonly runs: RecoveryRuns;

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    @Inject(RECOVERY_CLOCK) clock: Clock,
    @Inject(FAILED_WORK_SINK) sink: FailedWorkSink,
    events: ResilienceEvents,
    breakers: RecoveryBreakers,
    private readonly dependencies: RecoveryDependencies,
  ) {
    this.gate = new ConcurrencyGate(options.recovery.maxConcurrentRecoveries);
    const env = executorEnvironment(options, clock, this.actions, breakers, dependencies);
    this.runs = new RecoveryRuns(
      this.book,
      env,
      this.gate,
      this.historyOf,
      planRunListener(events, sink),
    );
  }

  /** Adds (or replaces) a service's plan. @throws ResilienceConfigError listing every problem. */
  registerPlan(plan: RecoveryPlan): RecoveryPlan {
    return this.book.register(plan);
  }

  /** Every problem of a would-be plan (empty when valid); nothing is registered. */
  validatePlan(plan: unknown): ConfigIssue[] {
    return this.book.issues(plan);
  }

  /** The service's plan, if one is registered. */
  plan(serviceName: string): RecoveryPlan | undefined {
    return this.book.get(serviceName);
  }

  /** Every registered plan. */
  plans(): RecoveryPlan[] {
    return this.book.list();
  }

  /** Forgets the service's plan; false when it had none. */
  removePlan(serviceName: string): boolean {
    return this.book.remove(serviceName);
  }

  /** What `restart_service` calls for that service. */
  registerRestarter(serviceName: string, restart: () => Promise<unknown> | unknown): void {
    this.actions.restarters.set(serviceName, restart);
  }

  /** A cache `clear_cache` clears (by `target`, or with every other one when no target). */
  registerCache(name: string, cache: ClearableCache): void {
    this.actions.caches.set(name, cache);
  }

  /**
   * A custom step type, usable in plans registered after it (`{ type: 'custom', name }`).
   * @throws ResilienceConfigError for a built-in type's name, which the step would never run under.
   */
  registerStepType(type: string, handler: StepHandler): void {
    if ((BUILT_IN_STEP_TYPES as readonly string[]).includes(type)) {
      throw new ResilienceConfigError([
        { path: 'type', message: `'${type}' is a built-in step type; choose another name` },
      ]);
    }
    this.actions.stepTypes.set(type, handler);
  }

  /** A custom success criterion, used as `{ type: 'custom', name }`. */
  registerSuccessCriterion(name: string, check: CriterionCheck): void {
    this.actions.criteria.set(name, check);
  }

  /** Runs the service's plan now (joining a run in progress); `skipped` without a plan. */
  execute(serviceName: string): Promise<RecoveryExecution> {
    return this.runs.run(serviceName, 'manual');
  }

  /** Recovers several services, dependencies first. @throws RecoveryCycleError on a cycle. */
  recoverServices(
    serviceNames: readonly string[],
    trigger: RecoveryExecution['trigger'] = 'manual',
  ): Promise<RecoveryExecution[]> {
    return this.runs.runMany(serviceNames, trigger);
  }

  /** Declares what a service depends on, for services dependency health does not check. */
  declareDependencies(serviceName: string, dependsOn: readonly string[]): void {
    this.dependencies.declare(serviceName, dependsOn);
  }

  /** Finished executions, oldest first (the last 100). */
  history(serviceName?: string): RecoveryExecution[] {
    return this.historyOf.list(serviceName);
  }

  /** Plans running now and waiting for a slot. */
  activity(): { active: number; queued: number } {
    return { active: this.gate.active, queued: this.gate.queued };
  }
}
