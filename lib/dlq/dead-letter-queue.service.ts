import { Inject, Injectable, Logger } from '@nestjs/common';
import { systemClock } from '../core/index.js';
import type { DeadLetterQueueHealth } from '../health/indicators/optional-sources.js';
import { ResilienceMetrics } from '../metrics/resilience-metrics.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS, RESILIENCE_STORE } from '../nest/resilience.constants.js';
import type { ResilienceStore } from '../store/index.js';
import {
  checkDeadLetterOptions,
  DeadLetterQueue,
  type DeadLetterBatchResult,
  type DeadLetterHandlerFn,
  type DeadLetterInput,
  type DeadLetterMessage,
  type DeadLetterOutcome,
  type DeadLetterQuery,
  type DeadLetterRetryOptions,
  type DeadLetterStats,
} from './queue/index.js';

/**
 * The dead-letter queue of DESIGN §5, in the app's store (shared and crash-safe with
 * Redis). Work that failed for good is added with its error; handlers per type
 * (`@DeadLetterHandler`) retry it with backoff, on a schedule or by `retry(id)`. Delivery
 * is at least once. It is also the app's failed-work sink and the `/health/dlq` source.
 *
 * @example
 * ```ts
 * await dlq.add({ type: 'order.notification', payload: { orderId } }, error, { maxRetries: 5 });
 * ```
 */
@Injectable()
export class DeadLetterQueueService {
  private readonly logger = new Logger('Resilience');
  private readonly queue: DeadLetterQueue;

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    @Inject(RESILIENCE_STORE) store: ResilienceStore,
    private readonly metrics: ResilienceMetrics,
    events: ResilienceEvents,
  ) {
    const { visibilityTimeoutMs, maxRetries, maxStalledCount, processIntervalMs } = options.dlq;
    this.queue = new DeadLetterQueue(store.deadLetters, {
      visibilityTimeoutMs,
      maxRetries,
      maxStalledCount,
      unhandledDelayMs: processIntervalMs,
      clock: systemClock,
      onAdded: ({ id, type }) => {
        metrics.recordDeadLetterAdded(type);
        events.emit('dlq.added', { id, type });
      },
      onRun: (type, { id, outcome }, durationMs) => {
        metrics.recordDeadLetterProcessed(type, outcome, durationMs);
        events.emit('dlq.processed', { id, type, outcome });
      },
    });
  }

  /**
   * Adds failed work; resolves to its id.
   *
   * @throws DeadLetterPayloadError when the payload is not JSON-serialisable.
   */
  async add(
    input: DeadLetterInput,
    error: unknown,
    options?: DeadLetterRetryOptions,
  ): Promise<string> {
    const id = await this.queue.add(input, error, options);
    await this.refreshCounts();
    return id;
  }

  /** Messages, newest first (default 50), by type and status. */
  list(query?: DeadLetterQuery): Promise<DeadLetterMessage[]> {
    return this.queue.list(query);
  }

  /** The message, or `undefined` for an unknown id. */
  get<P = unknown>(id: string): Promise<DeadLetterMessage<P> | undefined> {
    return this.queue.get<P>(id);
  }

  /** Runs the message's handler now. @throws DeadLetterNotFoundError naming an unknown id. */
  async retry(id: string): Promise<DeadLetterOutcome> {
    const outcome = await this.queue.retry(id);
    await this.refreshCounts();
    return outcome;
  }

  /** Claims up to `size` due messages and runs their handlers. */
  async processBatch(size = 100): Promise<DeadLetterBatchResult> {
    const result = await this.queue.processBatch(size);
    this.reportUnhandled(result);
    await this.refreshCounts();
    return result;
  }

  /** Deletes settled messages older than `olderThanDays`; resolves to how many. */
  purge(options: { olderThanDays: number }): Promise<number> {
    return this.queue.purge(options);
  }

  stats(): Promise<DeadLetterStats> {
    return this.queue.stats();
  }

  /** Handles dead letters of `type` (what `@DeadLetterHandler` does). */
  registerHandler<P>(
    type: string,
    handle: DeadLetterHandlerFn<P>,
    options: DeadLetterRetryOptions = {},
    source = type,
  ): void {
    checkDeadLetterOptions(options, `@DeadLetterHandler('${type}')`);
    this.queue.handlers.register(type, { handle: handle as DeadLetterHandlerFn, options, source });
  }

  /** For `/health/dlq` and the dashboard: down when the store does not answer. */
  async getQueueHealth(): Promise<DeadLetterQueueHealth> {
    const { byStatus, unhandledTypes } = await this.queue.stats();
    return {
      healthy: true,
      pending: byStatus.pending,
      processing: byStatus.processing,
      exhausted: byStatus.exhausted,
      unhandledTypes,
    };
  }

  private reportUnhandled(result: DeadLetterBatchResult): void {
    if (result.unhandled === 0) return;
    this.logger.warn(
      `${result.unhandled} dead letter(s) have no @DeadLetterHandler for their type and stay pending`,
    );
  }

  private async refreshCounts(): Promise<void> {
    if (!this.metrics.enabled) return;
    const { byType } = await this.queue.stats();
    for (const [type, counts] of Object.entries(byType)) {
      this.metrics.setDeadLetterCount(type, (counts.pending ?? 0) + (counts.processing ?? 0));
    }
  }
}
