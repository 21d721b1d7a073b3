import { Logger } from '@nestjs/common';
import type { Clock } from '../core/clock/index.js';
import type { ResilienceEvents } from '../nest/events/resilience-events.js';
import { runCheck } from './checks/run-check.js';
import type { DependencyRegistry, RegisteredDependency } from './dependency-registry.js';

/**
 * Runs checks and records their results: at most one check per dependency at a time,
 * results of a dependency unregistered meanwhile dropped, every result and status change
 * published on the event bus, status changes logged. `stop()` aborts what runs and waits
 * for it, so nothing outlives the app.
 */
export class DependencyCheckRunner {
  private readonly logger = new Logger('Resilience');
  private readonly stopping = new AbortController();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly registry: DependencyRegistry,
    private readonly events: ResilienceEvents,
    private readonly clock: Clock,
  ) {}

  /** Runs a check of `entry` now, or joins the one already running. */
  run(entry: RegisteredDependency): Promise<void> {
    const name = entry.dependency.name;
    const running = this.inFlight.get(name);
    if (running) return running;
    const run = this.checkAndRecord(entry).finally(() => this.inFlight.delete(name));
    this.inFlight.set(name, run);
    return run;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async checkAndRecord(entry: RegisteredDependency): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const record = await runCheck(entry.dependency, this.clock, this.stopping.signal);
    const { name, criticality } = entry.dependency;
    if (this.stopping.signal.aborted || this.registry.get(name) !== entry) return;
    const change = entry.state.record(record);
    const { ok, responseTimeMs, error } = record;
    const status = entry.state.status;
    this.events.emit('dependency.checked', { name, ok, responseTimeMs, error, status });
    if (!change) return;
    this.events.emit('dependency.statusChange', { name, criticality, ...change, error });
    const message = `Dependency "${name}" (${criticality}) ${change.from} -> ${change.to}`;
    if (change.to === 'unhealthy') this.logger.warn(`${message}: ${error ?? 'check failed'}`);
    else this.logger.log(message);
  }
}
