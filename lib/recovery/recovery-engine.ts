import type { ErrorClassification, RecoveryStrategyName } from '../core/classification/index.js';
import type { Clock } from '../core/clock/index.js';
import type { LearnedStrategies } from './learning/learned-strategies.js';
import { rankStrategies } from './learning/rank-strategies.js';
import type { RecoveryTotals } from './learning/recovery-totals.js';
import type { RecoveryContext, RecoveryResult } from './recovery.types.js';
import type { RecoveryRequest, RecoveryStrategy } from './strategies/recovery-strategy.js';

/** What the engine is built from. */
export interface RecoveryEngineParts {
  readonly strategies: readonly RecoveryStrategy[];
  readonly classify: (error: unknown, context: RecoveryContext) => ErrorClassification;
  readonly learned: LearnedStrategies;
  readonly totals: RecoveryTotals;
  readonly clock: Clock;
  /** Uniform in [0, 1): drives the bandit; tests pass a seeded one. */
  readonly random: () => number;
}

/**
 * Recovers from one error: classifies it, orders the applicable strategies by what was
 * learned for (service, category) (Thompson sampling), runs them until one succeeds, the
 * fallback last, and records every outcome.
 */
export class RecoveryEngine {
  constructor(private readonly parts: RecoveryEngineParts) {}

  /** Runs the applicable strategies until one succeeds; never rejects. */
  async recover<T>(error: unknown, context: RecoveryContext<T>): Promise<RecoveryResult<T>> {
    const { clock } = this.parts;
    const startedAt = clock.now();
    const classification = this.parts.classify(error, context as RecoveryContext);
    const request: RecoveryRequest<T> = { error, context, classification, tally: { attempts: 0 } };
    const tried: RecoveryStrategyName[] = [];
    let lastError = error;
    for (const strategy of this.order(request as RecoveryRequest)) {
      tried.push(strategy.name);
      const stepStartedAt = clock.now();
      try {
        const result = await strategy.run(request);
        await this.learn(request, strategy.name, true, clock.now() - stepStartedAt);
        return this.finish(request, tried, startedAt, { status: 'success', result });
      } catch (failure) {
        lastError = failure;
        await this.learn(request, strategy.name, false, clock.now() - stepStartedAt);
      }
    }
    return this.finish(request, tried, startedAt, { status: 'failed', error: lastError });
  }

  /** The applicable strategies in the order they will be tried. */
  order(request: RecoveryRequest): RecoveryStrategy[] {
    const allowed = request.context.strategies;
    const usable = this.parts.strategies.filter(
      (strategy) =>
        (allowed === undefined || allowed.includes(strategy.name)) && strategy.applicable(request),
    );
    const byName = new Map(usable.map((strategy) => [strategy.name, strategy]));
    const learnable = usable.filter((strategy) => strategy.name !== 'fallback');
    const ranked = rankStrategies(
      learnable.map((strategy) => strategy.name),
      this.parts.learned.table(request.context.serviceId, request.classification.category),
      this.parts.random,
      request.classification.suggestedStrategy,
    );
    const fallback = byName.get('fallback');
    return [
      ...ranked.map((name) => byName.get(name) as RecoveryStrategy),
      ...(fallback ? [fallback] : []),
    ];
  }

  private learn(
    request: RecoveryRequest,
    strategy: RecoveryStrategyName,
    success: boolean,
    durationMs: number,
  ): Promise<void> {
    const { serviceId } = request.context;
    return this.parts.learned.record(serviceId, request.classification.category, strategy, {
      success,
      durationMs,
    });
  }

  private async finish<T>(
    request: RecoveryRequest<T>,
    tried: RecoveryStrategyName[],
    startedAt: number,
    outcome: { status: 'success'; result: T } | { status: 'failed'; error: unknown },
  ): Promise<RecoveryResult<T>> {
    const durationMs = this.parts.clock.now() - startedAt;
    await this.parts.totals.record(outcome.status === 'success', durationMs);
    return {
      ...outcome,
      strategy: tried[tried.length - 1] ?? 'none',
      attempts: request.tally.attempts,
      durationMs,
      classification: request.classification,
      tried,
    };
  }
}
