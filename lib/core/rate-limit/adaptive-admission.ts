import type { Clock } from '../clock/clock.js';
import { isTransientFailure } from '../classification/index.js';
import type { TypedEventEmitter } from '../events/index.js';
import {
  adaptiveLimitAt,
  createAdaptiveLimitState,
  recordAdaptiveOutcome,
  type AdaptiveLimitState,
} from './adaptive-limit.js';
import type { RateLimitRule } from './rate-limit-rule.js';
import type { RateLimitOptions } from './rate-limit.options.js';
import type { RateLimiterEvents } from './rate-limiter.events.js';

/** The adaptive admission of an `adaptive` limiter (undefined for other algorithms). */
export function adaptiveAdmissionFor(
  rule: RateLimitRule,
  options: RateLimitOptions & { name: string; clock: Clock },
  events: TypedEventEmitter<RateLimiterEvents>,
): AdaptiveAdmission | undefined {
  if (rule.algorithm !== 'adaptive') return undefined;
  const { name, clock } = options;
  return new AdaptiveAdmission(rule, clock, options.isFailure ?? isTransientFailure, (from, to) => {
    if (events.hasListeners('limitChanged')) events.emit('limitChanged', { name, from, to });
  });
}

/**
 * The limiter-wide adaptive limit: outcomes of guarded calls go in, and the rule to admit
 * with comes out (the configured rule at the current limit; a new copy only when the
 * limit changes, so a store can be handed the limit with the rest of the rule).
 */
export class AdaptiveAdmission {
  private readonly state: AdaptiveLimitState;
  private rule: RateLimitRule;

  constructor(
    private ceiling: RateLimitRule,
    private readonly clock: Clock,
    private isFailure: (error: unknown) => boolean,
    private readonly onChange: (from: number, to: number) => void,
  ) {
    this.state = createAdaptiveLimitState(ceiling, clock.now());
    this.rule = ceiling;
  }

  /** The rule to admit with now. */
  currentRule(): RateLimitRule {
    const limit = adaptiveLimitAt(this.state, this.ceiling, this.clock.now());
    const from = this.rule.limit;
    if (limit !== from) {
      this.rule = { ...this.ceiling, limit };
      this.onChange(from, limit);
    }
    return this.rule;
  }

  /** Successes among the outcomes of the current window; `null` before any. */
  successRate(): number | null {
    this.currentRule();
    const { successes, failures } = this.state;
    const total = successes + failures;
    return total === 0 ? null : successes / total;
  }

  record(success: boolean): void {
    recordAdaptiveOutcome(this.state, this.ceiling, this.clock.now(), success);
  }

  /** Records how `call` settles: a success, a failure, or nothing for an ignored error. */
  observe<T>(call: Promise<T>): Promise<T> {
    return call.then(
      (value) => {
        this.record(true);
        return value;
      },
      (error: unknown) => {
        if (this.isFailure(error)) this.record(false);
        throw error;
      },
    );
  }

  /** Back to the configured limit, with no outcomes observed. */
  reset(): void {
    Object.assign(this.state, createAdaptiveLimitState(this.ceiling, this.clock.now()));
    this.currentRule();
  }

  /**
   * A new configured rule (`reconfigure`). A limit at its ceiling follows the new one; a
   * limit backed off keeps its level, brought within the new [`minLimit`, `limit`]. The
   * outcomes of the current window stay.
   */
  retune(ceiling: RateLimitRule, isFailure: (error: unknown) => boolean): void {
    const atCeiling = this.state.limit >= this.ceiling.limit;
    this.ceiling = ceiling;
    this.isFailure = isFailure;
    const level = atCeiling ? ceiling.limit : this.state.limit;
    this.state.limit = Math.min(ceiling.limit, Math.max(ceiling.minLimit, level));
    this.rule = { ...ceiling, limit: this.rule.limit };
    this.currentRule();
  }
}
