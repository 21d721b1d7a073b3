import { abortableSleep } from '../../core/abort/index.js';
import type { Clock } from '../../core/clock/index.js';
import { applyJitter, exponentialBackoff, retryAfterMsOf } from '../../core/retry/index.js';
import { canRepeat, repeatCalls } from './repeat-calls.js';
import type { RecoveryRequest, RecoveryStrategy } from './recovery-strategy.js';
import { recoveryCalls, type RecoveryRetrySettings } from './retry-settings.js';

/**
 * Waits `min(baseDelayMs × multiplier^(n−1), maxDelayMs)` (jittered as `defaults.retry`
 * says, never less than an error's Retry-After) before call n, up to
 * `defaults.retry.maxAttempts − 1` calls: gives an overloaded or restarting dependency
 * time. Gives up at once when asked to wait longer than `maxDelayMs`.
 */
export class ExponentialBackoffStrategy implements RecoveryStrategy {
  readonly name = 'exponential_backoff' as const;

  constructor(
    private readonly settings: RecoveryRetrySettings,
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {}

  applicable(request: RecoveryRequest): boolean {
    return canRepeat(request);
  }

  run<T>(request: RecoveryRequest<T>): Promise<T> {
    return repeatCalls(request, this.name, recoveryCalls(this.settings), (attempt, error) =>
      this.waitBefore(attempt, error),
    );
  }

  private async waitBefore(attempt: number, error: unknown): Promise<boolean> {
    const requested = retryAfterMsOf(error, this.clock.now());
    if (requested !== undefined && requested > this.settings.maxDelayMs) return false;
    const backoff = exponentialBackoff(attempt, this.settings);
    const delayMs = Math.max(
      applyJitter(this.settings.jitter, backoff, this.random),
      requested ?? 0,
    );
    if (delayMs > 0) await abortableSleep(this.clock, delayMs);
    return true;
  }
}
