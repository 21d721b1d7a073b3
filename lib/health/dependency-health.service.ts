import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { systemClock } from '../core/clock/index.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { CheckSchedule } from './check-schedule.js';
import { DependencyCheckRunner } from './dependency-check-runner.js';
import type { DependencyOptions } from './dependency-options.js';
import { DependencyRegistry, type RegisteredDependency } from './dependency-registry.js';
import type { CheckRecord, DependencySnapshot } from './dependency-status.js';
import { summarizeDependencies, type DependencySummary } from './dependency-summary.js';

/**
 * The app's dependencies: registered from options, `register()` or HTTP, each checked on
 * its own interval (an HTTP endpoint with `fetch`, or a custom check), with thresholds,
 * history, trend, the dependency graph and a health score. Status changes are published
 * as `dependency.statusChange` and logged.
 */
@Injectable()
export class DependencyHealthService
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly registry: DependencyRegistry;
  private readonly schedule: CheckSchedule;
  private readonly runner: DependencyCheckRunner;
  private started = false;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly events: ResilienceEvents,
    scheduler: SchedulerRegistry,
  ) {
    const { historySize, ...defaults } = options.healthChecking;
    this.registry = new DependencyRegistry({ defaults, historySize });
    this.schedule = new CheckSchedule(scheduler);
    this.runner = new DependencyCheckRunner(this.registry, events, systemClock);
  }

  onModuleInit(): void {
    this.register(this.options.dependencies, 'dependencies');
  }

  /** Checks start once the whole app is up: a custom check may use any provider. */
  onApplicationBootstrap(): void {
    this.started = true;
    for (const entry of this.registry.all()) this.startChecking(entry);
  }

  /**
   * Registers dependencies (all or none): throws `ResilienceConfigError` listing every
   * issue (bad field, name taken, unknown `dependsOn`, cycle). Checking starts at once.
   * `label` prefixes the issues' paths (`dependencies[1].type`).
   */
  register(
    dependencies: DependencyOptions | readonly DependencyOptions[],
    label = '',
  ): DependencySnapshot[] {
    const list = Array.isArray(dependencies) ? dependencies : [dependencies as DependencyOptions];
    const added = this.registry.add(list, label);
    for (const entry of added) {
      const { name, type, criticality } = entry.dependency;
      this.events.emit('dependency.registered', { name, type, criticality });
      if (this.started) this.startChecking(entry);
    }
    const names = new Set(added.map((entry) => entry.dependency.name));
    return this.list().filter((snapshot) => names.has(snapshot.name));
  }

  /** Stops checking and forgets a dependency; `false` for an unknown name. Refused while others depend on it. */
  unregister(name: string): boolean {
    const removed = this.registry.remove(name);
    if (removed) {
      this.schedule.stop(name);
      this.events.emit('dependency.unregistered', { name });
    }
    return removed;
  }

  /** Runs a check now (or joins the one running) and returns the dependency's snapshot. */
  async checkNow(name: string): Promise<DependencySnapshot | undefined> {
    const entry = this.registry.get(name);
    if (!entry) return undefined;
    await this.runner.run(entry);
    return this.get(name);
  }

  get(name: string): DependencySnapshot | undefined {
    return this.list().find((snapshot) => snapshot.name === name);
  }

  /** Every dependency with status, graph position, trend and response times. */
  list(): DependencySnapshot[] {
    return this.registry.snapshots();
  }

  /** The kept checks of one dependency, oldest first. */
  history(name: string): CheckRecord[] {
    return this.registry.get(name)?.state.checks() ?? [];
  }

  summary(): DependencySummary {
    return summarizeDependencies(this.list());
  }

  /** 0–100, weighted by criticality. */
  healthScore(): number {
    return this.summary().score;
  }

  /** Names of the scheduled check intervals (one per dependency while the app runs). */
  scheduledChecks(): string[] {
    return this.schedule.scheduled;
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    this.schedule.stopAll();
    await this.runner.stop();
  }

  private startChecking(entry: RegisteredDependency): void {
    const { name, healthCheck } = entry.dependency;
    this.schedule.start(name, healthCheck.intervalMs, () => void this.runner.run(entry));
    void this.runner.run(entry);
  }
}
