import type { Clock } from '../clock/clock.js';
import { StoreUnavailableError } from '../errors/index.js';
import { OutageTracker, type OutageReporter } from '../outage/index.js';
import { MemoryRateLimitBackend } from './memory-rate-limit-backend.js';
import type { RateLimitBackend, RateLimitOperations } from './rate-limit-backend.js';
import type { StoreFailureMode } from '../outage/index.js';
import type { RateLimitDecision } from './rate-limit.options.js';
import { capacityOf, type RateLimitRule } from './rate-limit-rule.js';

/**
 * Puts a shared store behind the limiter's `onStoreFailure`: while the store fails,
 * `fail-open` allows, `fail-closed` rejects with {@link StoreUnavailableError}, `local`
 * decides from an in-process copy with the same rule (sized per process: N processes allow
 * up to N times the limit during an outage). Each call still tries the store first, so the
 * store is used again as soon as it answers. Only store errors fall back, never a refusal.
 */
export class StoreFailoverBackend implements RateLimitBackend {
  private readonly outage: OutageTracker;
  private local: MemoryRateLimitBackend | undefined;

  constructor(
    private readonly store: RateLimitOperations,
    readonly mode: StoreFailureMode,
    private readonly clock: Clock,
    reporter: OutageReporter,
  ) {
    this.outage = new OutageTracker(reporter);
  }

  consume(bucketKey: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision> {
    let answer: Promise<RateLimitDecision>;
    try {
      answer = Promise.resolve(this.store.consume(bucketKey, rule, cost));
    } catch (error) {
      answer = Promise.reject(error);
    }
    return answer.then(
      (decision) => {
        this.outage.answered();
        return decision;
      },
      (error: unknown) => this.answerWithout(error, bucketKey, rule, cost),
    );
  }

  async reset(bucketKey: string): Promise<void> {
    await this.local?.reset(bucketKey);
    await this.store.reset(bucketKey);
  }

  async resetAll(prefix: string): Promise<void> {
    await this.local?.resetAll(prefix);
    await this.store.resetAll(prefix);
  }

  /** Closes the local copy; the store belongs to whoever passed it in. */
  async close(): Promise<void> {
    await this.local?.close();
  }

  private answerWithout(
    error: unknown,
    bucketKey: string,
    rule: RateLimitRule,
    cost: number,
  ): RateLimitDecision {
    this.outage.failed(error);
    if (this.mode === 'fail-closed') throw StoreUnavailableError.causedBy(error);
    if (this.mode === 'fail-open') {
      const limit = capacityOf(rule);
      return {
        allowed: true,
        limit,
        remaining: Math.max(0, limit - cost),
        resetMs: 0,
        retryAfterMs: 0,
      };
    }
    this.local ??= new MemoryRateLimitBackend({ clock: this.clock });
    return this.local.consumeNow(bucketKey, rule, cost);
  }
}
