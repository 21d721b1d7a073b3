import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { scheduleInterval } from '../metrics/scheduled-interval.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { DeadLetterQueueService } from './dead-letter-queue.service.js';

/** Messages claimed per batch by the scheduled run; a run takes batches until none is full. */
export const SCHEDULED_BATCH_SIZE = 100;

/**
 * Processes due dead letters every `dlq.processIntervalMs` and purges settled ones older
 * than `dlq.retentionDays` every `dlq.purgeIntervalMs` (intervals of the app's
 * `SchedulerRegistry`, removed on shutdown). A run still going when the next is due is
 * not doubled.
 */
@Injectable()
export class DeadLetterScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private stops: (() => void)[] = [];
  private processing = false;

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly queue: DeadLetterQueueService,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const { processIntervalMs, purgeIntervalMs, retentionDays } = this.options.dlq;
    const failed = (what: string) => (error: unknown) =>
      this.logger.error(`Dead-letter ${what} failed: ${String(error)}`);
    this.stops = [
      scheduleInterval(
        this.scheduler,
        'resilience.dlq.process',
        processIntervalMs,
        () => this.processDue(),
        failed('processing'),
      ),
      scheduleInterval(
        this.scheduler,
        'resilience.dlq.purge',
        purgeIntervalMs,
        () => this.queue.purge({ olderThanDays: retentionDays }),
        failed('purge'),
      ),
    ];
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Processes batches until one comes back less than full (or a run is already going). */
  async processDue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      let claimed = SCHEDULED_BATCH_SIZE;
      while (claimed === SCHEDULED_BATCH_SIZE && this.stops.length > 0) {
        claimed = (await this.queue.processBatch(SCHEDULED_BATCH_SIZE)).claimed;
      }
    } finally {
      this.processing = false;
    }
  }
}
