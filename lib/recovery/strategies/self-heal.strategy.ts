import { abortableSleep } from '../../core/abort/index.js';
import type { Clock } from '../../core/clock/index.js';
import { PolicyTimeoutError } from '../../core/errors/index.js';
import { retryAfterMsOf } from '../../core/retry/index.js';
import { createTimeout } from '../../core/timeout/index.js';
import { callRetryFn, type RecoveryRequest, type RecoveryStrategy } from './recovery-strategy.js';
import type { SelfHealingHooks } from './self-healing.js';

/** What the built-in self-healing actions need. */
export interface SelfHealEnvironment {
  readonly clock: Clock;
  readonly hooks: SelfHealingHooks;
  /** Frees memory (the memory controller's cleanup), when the app has one. */
  readonly memoryCleanup: () => (() => Promise<unknown>) | undefined;
  /** Stretches a timeout for the one longer retry (`recovery.recoveryTimeoutMultiplier`). */
  readonly timeoutMultiplier: number;
  /** The timeout assumed when neither the error nor the context says (`defaults.timeout.ms`). */
  readonly defaultTimeoutMs: number;
  /** Wait for a rate limit that says nothing, and the longest one honoured (`defaults.retry`). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Repairs, then calls once more. Built in: rate_limit waits the error's Retry-After;
 * resource_exhaustion runs the memory cleanup; timeout calls again with the timeout
 * stretched by the multiplier. Then the user's hooks of the category run (reconnect for
 * connection, token refresh for authentication, anything for any category).
 */
export class SelfHealStrategy implements RecoveryStrategy {
  readonly name = 'self_heal' as const;

  constructor(private readonly env: SelfHealEnvironment) {}

  applicable(request: RecoveryRequest): boolean {
    const { category } = request.classification;
    if (request.context.retryFn === undefined) return false;
    if (this.env.hooks.for(category).length > 0) return true;
    if (category === 'resource_exhaustion') return this.env.memoryCleanup() !== undefined;
    return category === 'rate_limit' || category === 'timeout';
  }

  async run<T>(request: RecoveryRequest<T>): Promise<T> {
    const { category } = request.classification;
    if (category === 'rate_limit') await this.waitRetryAfter(request.error);
    if (category === 'resource_exhaustion') await this.env.memoryCleanup()?.();
    await this.env.hooks.run(category, request.error, request.context);
    if (category !== 'timeout') return callRetryFn(request, this.name, 1);
    const timeoutMs = Math.ceil(this.failedTimeoutMs(request) * this.env.timeoutMultiplier);
    const timeout = createTimeout({ ms: timeoutMs, clock: this.env.clock });
    return timeout.execute(({ signal }) =>
      callRetryFn(request, this.name, 1, { signal, timeoutMs }),
    );
  }

  private async waitRetryAfter(error: unknown): Promise<void> {
    const waitMs = retryAfterMsOf(error, this.env.clock.now()) ?? this.env.baseDelayMs;
    if (waitMs > this.env.maxDelayMs) throw error;
    if (waitMs > 0) await abortableSleep(this.env.clock, waitMs);
  }

  private failedTimeoutMs(request: RecoveryRequest): number {
    if (request.context.timeoutMs !== undefined) return request.context.timeoutMs;
    if (request.error instanceof PolicyTimeoutError) return request.error.timeoutMs;
    return this.env.defaultTimeoutMs;
  }
}
