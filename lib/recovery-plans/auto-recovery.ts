import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Unsubscribe } from '../core/events/index.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { describeError } from '../recovery/failed-work.sink.js';
import { RecoveryOrchestrator } from './recovery-orchestrator.js';

/**
 * With `recovery.autoRecoveryEnabled`, runs a dependency's plan when it turns unhealthy
 * (`dependency.statusChange`). Dependencies turning unhealthy in the same turn are
 * recovered as one batch, in dependency order.
 */
@Injectable()
export class AutoRecovery implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private readonly unhealthy = new Set<string>();
  private unsubscribe?: Unsubscribe;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly events: ResilienceEvents,
    private readonly orchestrator: RecoveryOrchestrator,
  ) {}

  onModuleInit(): void {
    if (!this.options.recovery.autoRecoveryEnabled) return;
    this.unsubscribe = this.events.on('dependency.statusChange', ({ name, to }) => {
      if (to === 'unhealthy' && this.orchestrator.plan(name)) this.recoverSoon(name);
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private recoverSoon(name: string): void {
    if (this.unhealthy.size === 0) queueMicrotask(() => this.recoverUnhealthy());
    this.unhealthy.add(name);
  }

  private recoverUnhealthy(): void {
    const names = [...this.unhealthy];
    this.unhealthy.clear();
    this.orchestrator.recoverServices(names, 'automatic').catch((error: unknown) => {
      this.logger.error(
        `Automatic recovery of ${names.join(', ')} failed: ${describeError(error)}`,
      );
    });
  }
}
