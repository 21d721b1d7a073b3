import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ErrorCategory } from '../core/classification/index.js';
import type { Clock } from '../core/clock/index.js';
import type { Unsubscribe } from '../core/events/index.js';
import { CheckpointService } from '../checkpoints/checkpoint.service.js';
import { ResilienceEvents } from '../nest/events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS, RESILIENCE_STORE } from '../nest/resilience.constants.js';
import type { ResilienceStore } from '../store/index.js';
import { classificationContextOf } from './classification-context.js';
import { RecoveryMemoryCleanup } from './dependencies/memory-cleanup.js';
import { ErrorClassifier } from './error-classifier.js';
import { describeError, type FailedWorkSink } from './failed-work.sink.js';
import { reportRecovery } from './report-recovery.js';
import { LearnedStrategies } from './learning/learned-strategies.js';
import { RecoveryTotals } from './learning/recovery-totals.js';
import type { LearnedEntry } from './learning/strategy-record.js';
import { JsonValues } from './persistence/json-values.js';
import { RecoveryBreakers } from './recovery-breakers.js';
import { RecoveryEngine } from './recovery-engine.js';
import { strategyEffectiveness, type RecoveryStats } from './recovery-stats.js';
import { FAILED_WORK_SINK, RECOVERY_CLOCK, RECOVERY_RANDOM } from './recovery.tokens.js';
import type { RecoveryContext, RecoveryResult } from './recovery.types.js';
import { SelfHealingHooks, type HealingHook } from './strategies/self-healing.js';
import { standardStrategies } from './strategies/standard-strategies.js';
import { strategyEnvironment } from './strategy-environment.js';

/**
 * Recovers from errors: classifies, picks a strategy (retry, exponential backoff, circuit
 * break, checkpoint restore, transaction rollback, self-heal; `fallbackFn` last), runs it,
 * tries the next on failure, and learns per (service, category) which works best. What it
 * learns is kept in the store, so a restart with Redis keeps it.
 *
 * @example
 * const outcome = await recovery.recoverFromError(error, {
 *   serviceId: 'inventory',
 *   retryFn: () => this.inventory.reserve(order),
 *   fallbackFn: () => ({ reserved: false, queued: true }),
 * });
 */
@Injectable()
export class RecoveryService implements OnModuleInit {
  private readonly logger = new Logger('Resilience');
  private readonly hooks = new SelfHealingHooks();
  private readonly learned: LearnedStrategies;
  private readonly totals: RecoveryTotals;
  private readonly engine: RecoveryEngine;

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    @Inject(RECOVERY_CLOCK) clock: Clock,
    @Inject(RECOVERY_RANDOM) random: () => number,
    @Inject(RESILIENCE_STORE) store: ResilienceStore,
    @Inject(FAILED_WORK_SINK) private readonly sink: FailedWorkSink,
    classifier: ErrorClassifier,
    private readonly breakers: RecoveryBreakers,
    checkpoints: CheckpointService,
    memory: RecoveryMemoryCleanup,
    private readonly events: ResilienceEvents,
  ) {
    const onWriteError = (error: unknown): void =>
      this.logger.warn(`Could not store learned recovery data: ${describeError(error)}`);
    this.learned = new LearnedStrategies(
      new JsonValues(store.values, 'recovery-learned'),
      onWriteError,
    );
    this.totals = new RecoveryTotals(new JsonValues(store.values, 'recovery'), onWriteError);
    const env = strategyEnvironment({
      options,
      clock,
      random,
      hooks: this.hooks,
      breakers,
      restoreCheckpoint: (id) => checkpoints.restore(id),
      memoryCleanup: () => memory.cleaner(),
    });
    this.engine = new RecoveryEngine({
      strategies: standardStrategies(env),
      classify: (error, context) => classifier.classify(error, classificationContextOf(context)),
      learned: this.learned,
      totals: this.totals,
      clock,
      random,
    });
  }

  /** Loads what earlier runs learned (with Redis: any instance, before a restart). */
  async onModuleInit(): Promise<void> {
    try {
      await Promise.all([this.learned.load(), this.totals.load()]);
    } catch (error) {
      this.logger.warn(`Could not load learned recovery data: ${describeError(error)}`);
    }
  }

  /** Recovers from `error`; never rejects: a failed recovery resolves with `status: 'failed'`. */
  async recoverFromError<T>(
    error: unknown,
    context: RecoveryContext<T>,
  ): Promise<RecoveryResult<T>> {
    const result = await this.engine.recover(error, context);
    await reportRecovery(this.events, this.sink, error, context, result);
    return result;
  }

  /**
   * Registers a self-healing hook for a category, run before the self-heal retry (after
   * the built-in action of that category, if any). Returns a function that removes it.
   */
  registerHealingHook(category: ErrorCategory, hook: HealingHook): Unsubscribe {
    return this.hooks.register(category, hook);
  }

  /** A reconnect hook: runs when a connection error is self-healed. */
  onReconnect(hook: HealingHook): Unsubscribe {
    return this.registerHealingHook('connection', hook);
  }

  /** A token refresh hook: runs when an authentication error is self-healed. */
  onTokenRefresh(hook: HealingHook): Unsubscribe {
    return this.registerHealingHook('authentication', hook);
  }

  /** Totals since the first recovery the store remembers, and the breakers open now. */
  stats(): RecoveryStats {
    return {
      totalRecoveries: this.totals.recoveries,
      successRate: this.totals.successRate,
      averageRecoveryTimeMs: this.totals.averageDurationMs,
      openBreakers: this.breakers.openBreakers().length,
      strategies: strategyEffectiveness(this.learned.all()),
    };
  }

  /** What was learned, per (service, category). */
  learnedStrategies(): LearnedEntry[] {
    return this.learned.all();
  }
}
