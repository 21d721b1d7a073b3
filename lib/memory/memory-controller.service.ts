import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { scheduleInterval } from '../metrics/scheduled-interval.js';
import {
  MemoryController,
  type Cleanable,
  type CleanupLevel,
  type CleanupReport,
  type MemoryReader,
  type MemoryStats,
} from '../core/memory/index.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { FallbackCachesCleanable } from './fallback-caches.cleanable.js';
import { MEMORY_READER } from './memory.tokens.js';

const INTERVAL_NAME = 'nestjs-bulwark:memory-check';

/**
 * Memory pressure control (DESIGN §5): heap used against the heap limit and RSS against
 * the memory available, checked every `memory.checkIntervalMs`; at 70 / 85 / 95 % (by
 * default) a standard, critical or emergency cleanup runs the registered cleanables in
 * priority order, then `global.gc` when the process runs with `--expose-gc`. The fallback
 * policies' caches are registered from the start.
 *
 * @example
 * memory.registerCleanable({ name: 'report cache', priority: 20, cleanup: () => reports.clear() });
 */
@Injectable()
export class MemoryControllerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Resilience');
  private readonly controller: MemoryController;
  private checking?: Promise<unknown>;
  private unschedule?: () => void;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    @Inject(MEMORY_READER) reader: MemoryReader,
    private readonly scheduler: SchedulerRegistry,
    private readonly events: ResilienceEvents,
  ) {
    this.controller = new MemoryController({ ...options.memory, reader });
    const caches = new FallbackCachesCleanable();
    this.controller.register(caches);
    // Subscribed in the constructor: policies are created in onModuleInit, after every constructor.
    events.on('policy.created', (created) => {
      if (created.kind === 'fallback') caches.add(created.policy);
    });
  }

  /** Adds a cleanable (replacing one of the same name); returns a function that removes it. */
  registerCleanable(cleanable: Cleanable): () => void {
    return this.controller.register(cleanable);
  }

  /** Pressure now (`level`, heap and RSS percentages and bytes), the cleanables and the last cleanup. */
  getMemoryStats(): MemoryStats {
    return this.controller.stats();
  }

  /** Runs a cleanup at `level` now, whatever the pressure. */
  async manualCleanup(level: CleanupLevel = 'standard'): Promise<CleanupReport> {
    return this.reported(await this.controller.cleanup(level));
  }

  /** Reads the pressure and cleans up as it calls for (what the schedule runs). */
  async check(): Promise<CleanupReport | undefined> {
    const report = await this.controller.check();
    return report && this.reported(report);
  }

  onApplicationBootstrap(): void {
    if (!this.options.memory.enabled) return;
    this.unschedule = scheduleInterval(
      this.scheduler,
      INTERVAL_NAME,
      this.options.memory.checkIntervalMs,
      () => this.scheduledCheck(),
      (error) => this.logger.error(`Memory check failed: ${String(error)}`),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.unschedule?.();
    await this.checking?.catch(() => undefined);
  }

  /** Starts a check unless one is still running; its error goes to the schedule's logger. */
  private scheduledCheck(): Promise<unknown> | undefined {
    if (this.checking) return undefined;
    this.checking = this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private reported(report: CleanupReport): CleanupReport {
    const ran = report.ran.map((run) => `${run.name}${run.error ? ` (failed: ${run.error})` : ''}`);
    this.logger.warn(
      `Memory cleanup (${report.level}, ${report.trigger}): ran ${ran.join(', ') || 'no cleanables'}${report.gcRan ? ', then gc' : ''}`,
    );
    this.events.emit('memory.cleanup', report);
    return report;
  }
}
